#!/usr/bin/env python3
"""Edit-to-served time of `salve serve` and `hugo server`, measured from outside, on the same corpus.

    python3 Benchmarks/served.py [--sizes 2000] [--edits 5] [--salve .build/release/salve]

For each size it generates the corpus (Benchmarks/generate.py, Salve's and Hugo's copies of the same pages),
starts one server at a time on a free 127.0.0.1 port and, for each kind of edit, saves the file the way
editors do (a temporary file renamed over it), then polls the article's URL until the response holds the new
text. The time from the rename to that response is "served". Kinds:
  - body: a sentence appended to one article;
  - title: that article's title changed (Salve rewrites the listings that show it too);
  - template: a line added to the article template (Salve: templates/article.mustache; Hugo:
    layouts/_default/single.html), which every article uses.
Each kind runs one warm-up edit and then EDITS timed ones (a new text each time); the original file is
put back afterwards. Salve's own figure (its `rebuilt … in N ms` line) and Hugo's (`Total in N ms`) are
kept beside it as "server's own". Every wait is bounded; servers are stopped by their PID. The work folder
is on tmpfs (/dev/shm) when it exists. bench.py imports `measure` and `table` for `make bench`.
"""
import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = "/dev/shm/salve-bench" if os.path.isdir("/dev/shm") else os.path.join(ROOT, ".build-bench")
KINDS = ["body", "title", "template"]
ARTICLE = "articles/page-00000"
POLL_SECONDS = 0.01
SERVED_TIMEOUT = 120
START_TIMEOUT = 900
# Issue 12: the server's memory after this many edits against its memory after the first build.
MEMORY_EDITS = 50


class Server:
    """A preview server in its own process; its output lines are read on a thread, each with its arrival time."""

    def __init__(self, command, cwd=None):
        self.process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, text=True, bufsize=1)
        self.lines = []
        self.condition = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.condition:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))
                self.condition.notify_all()
        with self.condition:
            self.condition.notify_all()

    def wait_for(self, pattern, after, timeout):
        """The first match of pattern in a line that arrived after `after` (a perf_counter time), or None."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for arrived, line in self.lines:
                    if arrived >= after:
                        found = re.search(pattern, line)
                        if found:
                            return found
                if self.process.poll() is not None or time.monotonic() >= deadline:
                    return None
                self.condition.wait(timeout=min(1.0, max(0.01, deadline - time.monotonic())))

    def tail(self):
        with self.condition:
            return "\n".join(line for _, line in self.lines[-20:])

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path):
    """The body of GET path, or "" when the server does not answer (yet)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Cache-Control": "no-cache"})
        return connection.getresponse().read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    finally:
        connection.close()


def save(path, text, scratch):
    """Writes like an editor: a temporary file renamed over the old one. The temporary file is outside the
    watched folders, so the watchers see one change."""
    temporary = os.path.join(scratch, ".served-edit.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.rename(temporary, path)


def wait_served(port, path, present, absent=None):
    """Polls until the page holds `present` (and not `absent`); the perf_counter time of that response."""
    deadline = time.monotonic() + SERVED_TIMEOUT
    while time.monotonic() < deadline:
        body = fetch(port, path)
        if present in body and (absent is None or absent not in body):
            return time.perf_counter()
        time.sleep(POLL_SECONDS)
    return None


def edits(kind, original, marker):
    """The file's new text for one edit of `kind`, carrying `marker` where the page shows it."""
    if kind == "body":
        return original.rstrip("\n") + "\n\nEdited for the served benchmark, %s.\n" % marker
    if kind == "title":
        changed, count = re.subn(r'^title: "(.*)"$', lambda m: 'title: "%s %s"' % (m.group(1), marker), original,
                                 count=1, flags=re.M)
        assert count == 1, "no title line"
        return changed
    return None


class Tool:
    """Where one generator keeps the files each kind of edit changes, how to start it, how it says it rebuilt."""

    def __init__(self, name, project, article_file, template, template_anchor, command, ready, own):
        self.name, self.project, self.article_file = name, project, article_file
        self.template, self.template_anchor = template, template_anchor
        self.command, self.ready, self.own = command, ready, own

    def file_for(self, kind):
        return self.template if kind == "template" else self.article_file

    def edited(self, kind, original, marker):
        if kind == "template":
            assert self.template_anchor in original, "%s: no %r" % (self.template, self.template_anchor)
            return original.replace(self.template_anchor,
                                    self.template_anchor + '<p class="bench">%s</p>' % marker, 1)
        return edits(kind, original, marker)


def tools(corpus, salve):
    salve_root, hugo_root = os.path.join(corpus, "salve"), os.path.join(corpus, "hugo")
    return [
        Tool("salve", salve_root, os.path.join(salve_root, "content", ARTICLE + ".md"),
             os.path.join(salve_root, "templates", "article.mustache"), '<article class="content wrap">',
             lambda port: [salve, "serve", "--root", salve_root, "--port", str(port)],
             r"^Serving http://", r"^rebuilt .* in (\d+) ms"),
        Tool("hugo", hugo_root, os.path.join(hugo_root, "content", ARTICLE + ".md"),
             os.path.join(hugo_root, "layouts", "_default", "single.html"), '{{ define "main" }}',
             lambda port: ["hugo", "server", "-s", hugo_root, "--bind", "127.0.0.1", "--port", str(port),
                           "--disableLiveReload", "--noBuildLock"],
             r"Web Server is available at", r"Total in (\d+(?:\.\d+)?) ms"),
    ]


def resident_kib(pid):
    """The resident set size of a process, from /proc (KiB)."""
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def measure_tool(tool, edit_count, scratch):
    """{kind: {"served": [seconds], "own": [ms]}} for one server; for Salve also "memory": its resident size after
    the first build and after MEMORY_EDITS edits in all."""
    port = free_port()
    page = "/%s/" % ARTICLE
    server = Server(tool.command(port))
    results = {}
    try:
        if not server.wait_for(tool.ready, 0, START_TIMEOUT):
            sys.exit("%s did not start:\n%s" % (tool.name, server.tail()))
        if wait_served(port, page, "</html>") is None:
            sys.exit("%s does not serve %s" % (tool.name, page))
        first = resident_kib(server.process.pid)
        saves = 0
        for kind in KINDS:
            path = tool.file_for(kind)
            with open(path, encoding="utf-8") as handle:
                original = handle.read()
            served, own = [], []
            try:
                for attempt in range(edit_count + 1):  # attempt 0 is the warm-up
                    marker = "served%s%s%d" % (tool.name, kind, attempt)
                    saved = time.perf_counter()
                    save(path, tool.edited(kind, original, marker), scratch)
                    shown = wait_served(port, page, marker)
                    if shown is None:
                        sys.exit("%s: %s edit not served within %d s:\n%s" % (tool.name, kind, SERVED_TIMEOUT,
                                                                               server.tail()))
                    saves += 1
                    line = server.wait_for(tool.own, saved, 30)
                    if attempt > 0:
                        served.append(shown - saved)
                        own.append(float(line.group(1)) if line else None)
                    time.sleep(0.5)  # let the server settle before the next save
            finally:
                save(path, original, scratch)
            # Back to the original before the next kind: its marker must be gone from the page.
            if wait_served(port, page, "</html>", absent="served%s%s" % (tool.name, kind)) is None:
                sys.exit("%s: the original %s was not served again" % (tool.name, kind))
            saves += 1
            time.sleep(0.5)
            results[kind] = {"served": served, "own": [value for value in own if value is not None]}
        if tool.name == "salve":
            path = tool.file_for("body")
            with open(path, encoding="utf-8") as handle:
                original = handle.read()
            try:
                while saves < MEMORY_EDITS:
                    marker = "servedmemory%d" % saves
                    save(path, edits("body", original, marker), scratch)
                    saves += 1
                    if wait_served(port, page, marker) is None:
                        sys.exit("salve: edit %d not served:\n%s" % (saves, server.tail()))
            finally:
                save(path, original, scratch)
            if wait_served(port, page, "</html>", absent="servedmemory") is None:
                sys.exit("salve: the original page was not served again")
            results["memory"] = {"first": first, "after": resident_kib(server.process.pid), "edits": saves}
    finally:
        server.stop()
    return results


def measure(corpus, salve, edit_count):
    """Both servers on the corpus generate.py made in `corpus`: {tool: {kind: {"served", "own"}}}."""
    scratch = corpus  # the parent of both projects: on the same file system, watched by neither
    return {tool.name: measure_tool(tool, edit_count, scratch) for tool in tools(corpus, salve)}


def table(rows):
    """rows: [(documents, measure's result)] as a Markdown table."""
    def seconds(samples):
        if not samples:
            return "n/a"
        return "%.0f ms (%.0f–%.0f)" % (statistics.median(samples) * 1000, min(samples) * 1000, max(samples) * 1000)

    def own(samples):
        return "%.0f ms" % statistics.median(samples) if samples else "n/a"

    lines = ["| documents | edit | `salve serve` served | Salve's own | `hugo server` served | Hugo's own | "
             "Salve / Hugo |",
             "|---|---|---|---|---|---|---|"]
    names = {"body": "one article's body", "title": "one article's title", "template": "the article template"}
    for documents, result in rows:
        for kind in KINDS:
            salve, hugo = result["salve"][kind], result["hugo"][kind]
            ratio = (statistics.median(salve["served"]) / statistics.median(hugo["served"])
                     if salve["served"] and hugo["served"] else None)
            lines.append("| %d | %s | %s | %s | %s | %s | %s |" % (
                documents, names[kind], seconds(salve["served"]), own(salve["own"]), seconds(hugo["served"]),
                own(hugo["own"]), "%.2fx" % ratio if ratio else "n/a"))
    lines += ["", "| documents | `salve serve` memory after the first build | after %d edits | ratio |" % MEMORY_EDITS,
              "|---|---|---|---|"]
    for documents, result in rows:
        memory = result["salve"].get("memory")
        if memory and memory["first"] and memory["after"]:
            lines.append("| %d | %.0f MiB | %.0f MiB (%d edits) | %.2fx |" % (
                documents, memory["first"] / 1024, memory["after"] / 1024, memory["edits"],
                memory["after"] / memory["first"]))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--edits", type=int, default=5, help="timed edits of each kind (after one warm-up)")
    parser.add_argument("--salve", default=os.path.join(ROOT, ".build", "release", "salve"))
    args = parser.parse_args()
    salve = os.path.abspath(args.salve)
    rows = []
    for size in args.sizes:
        corpus = os.path.join(WORK, "served-%d" % size)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), "--pages", str(size),
                        "--out", corpus], check=True)
        rows.append((size, measure(corpus, salve, args.edits)))
    print(table(rows))


if __name__ == "__main__":
    main()
