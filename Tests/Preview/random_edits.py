#!/usr/bin/env python3
"""The preview is exact: after every one of a seeded sequence of random edits, `salve serve`'s folder equals a
fresh `salve build` of the same project, byte for byte.

Usage: random_edits.py SALVE_BINARY [--edits 200] [--pages 200] [--seed 1]

A generated knowledge base (Benchmarks/generate.py) gets a glossary and synonyms, then `salve serve --port 0`
runs on it while this script edits it: page bodies, titles, slugs, summaries, review dates, related links, the
glossary, the synonyms, a template, salve.yml, pages added, renamed and deleted, and broken edits followed by their
fix. After each edit it waits for the server's rebuild line, builds the project afresh into a scratch folder with
the same base URL, and compares the two folders. A build that fails must fail in both. Every wait is bounded; the
server is stopped by its PID at the end.
"""
import argparse
import filecmp
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = "calm steady gentle pacing flare signal sleep stretch water morning rest walk".split()


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


class Server:
    """`salve serve` on the project, read line by line."""

    def __init__(self, salve, project):
        # SALVE_VERIFY_MEMO: every item a step skipped as unchanged is checked against its full key, and the
        # server stops at the first it was wrong about, which fails the run.
        self.process = subprocess.Popen([salve, "serve", "--root", project, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, bufsize=1,
                                        env=dict(os.environ, SALVE_VERIFY_MEMO="1"))
        line = self.line(300)
        while line is not None and not line.startswith("Serving http://"):
            line = self.line(300)
        if line is None:
            sys.exit("the preview server did not start")
        self.base = re.match(r"Serving (http://\S+)", line).group(1)
        if not self.base.endswith("/"):
            self.base += "/"

    def line(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if ready:
                line = self.process.stdout.readline()
                return line.rstrip("\n") if line else None
        return None

    def rebuilt(self):
        """Waits for the next rebuild's line, then for any batch that follows at once; True if the last succeeded."""
        outcome = None
        seconds = 60
        while True:
            line = self.line(seconds)
            if line is None:
                break
            if line.startswith("rebuilt ") or line.startswith("built "):
                outcome = True
            elif line.startswith("build failed"):
                outcome = False
            else:
                continue
            seconds = 0.05
        if outcome is None:
            sys.exit("no rebuild within 60 s")
        return outcome

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Editor:
    """The seeded edits, each returning a name for the log."""

    def __init__(self, project, rng):
        self.project = project
        self.content = os.path.join(project, "content")
        self.rng = rng
        self.added = []
        self.broken = None

    def pages(self):
        found = []
        for kind in ("articles", "faqs", "comparisons"):
            folder = os.path.join(self.content, kind)
            found += [os.path.join(kind, name) for name in sorted(os.listdir(folder)) if name.endswith(".md")]
        return found

    def page(self):
        return os.path.join(self.content, self.rng.choice(self.pages()))

    def front(self, path, key, value):
        text = read(path)
        head, rest = text[4:].split("\n---\n", 1)
        lines = [line for line in head.split("\n") if not line.startswith(key + ":")]
        lines.insert(1, "%s: %s" % (key, value))
        write(path, "---\n" + "\n".join(lines) + "\n---\n" + rest)

    def body(self):
        path = self.page()
        write(path, read(path) + "\n%s helps on a %s day.\n" % tuple(w.capitalize() if i == 0 else w for i, w in
                                                                    enumerate(self.rng.sample(WORDS, 2))))
        return "body of " + os.path.relpath(path, self.content)

    def title(self):
        path = self.page()
        self.front(path, "title", "\"%s %d\"" % (self.rng.choice(WORDS).capitalize(), self.rng.randrange(10000)))
        return "title of " + os.path.relpath(path, self.content)

    def slug(self):
        path = self.page()
        self.front(path, "slug", "%s-%d" % (self.rng.choice(WORDS), self.rng.randrange(100000)))
        return "slug of " + os.path.relpath(path, self.content)

    def summary(self):
        path = self.page()
        self.front(path, "summary", "A %s summary, number %d." % (self.rng.choice(WORDS), self.rng.randrange(1000)))
        return "summary of " + os.path.relpath(path, self.content)

    def review(self):
        path = self.page()
        self.front(path, "last_reviewed", "2026-%02d-%02d" % (self.rng.randint(1, 11), self.rng.randint(1, 28)))
        return "review date of " + os.path.relpath(path, self.content)

    def related(self):
        path = self.page()
        kind = os.path.relpath(path, self.content).split("/")[0]
        # Never an added page: deleting it later would break the link, and every build after it.
        added = {os.path.relpath(p, self.content) for p in self.added}
        targets = [p for p in self.pages() if p.startswith(kind + "/") and p not in added]
        chosen = [os.path.basename(p) for p in self.rng.sample(targets, min(2, len(targets)))]
        self.front(path, "related", "[%s]" % ", ".join(chosen))
        return "related links of " + os.path.relpath(path, self.content)

    def glossary(self):
        path = os.path.join(self.content, "glossary.yml")
        word = self.rng.choice(WORDS)
        terms = [block for block in read(path).split("- term: ")[1:] if not block.startswith(word.capitalize() + "\n")]
        if self.rng.random() < 0.7:
            terms.append("%s\n  definition: A %s word, defined %d.\n" % (word.capitalize(), self.rng.choice(WORDS),
                                                                        self.rng.randrange(100)))
        write(path, "".join("- term: " + block for block in terms))
        return "glossary (%s)" % word

    def synonyms(self):
        path = os.path.join(self.content, "synonyms.yml")
        a, b = self.rng.sample(WORDS, 2)
        write(path, read(path) + "- [%s, %s%d]\n" % (a, b, self.rng.randrange(100)))
        return "synonyms"

    def template(self):
        name = self.rng.choice(["article", "faq", "list", "partials/card", "partials/review", "base"])
        path = os.path.join(self.project, "templates", name + ".mustache")
        write(path, read(path) + "\n<!-- edit %d -->\n" % self.rng.randrange(100000))
        return "template " + name

    def settings(self):
        path = os.path.join(self.project, "salve.yml")
        text = re.sub(r"^title: .*$", "title: %s health %d" % (self.rng.choice(WORDS).capitalize(),
                                                              self.rng.randrange(100)), read(path), flags=re.M)
        write(path, text)
        return "salve.yml title"

    def add(self):
        kind = self.rng.choice(["articles", "faqs"])
        name = "added-%d.md" % self.rng.randrange(1000000)
        source = read(os.path.join(self.content, self.rng.choice([p for p in self.pages() if p.startswith(kind)])))
        path = os.path.join(self.content, kind, name)
        text = re.sub(r"^title: .*$", "title: \"Added %s\"" % name[:-3], source, count=1, flags=re.M)
        write(path, re.sub(r"^slug: .*\n", "", text, flags=re.M))
        self.added.append(path)
        return "add " + os.path.relpath(path, self.content)

    def rename(self):
        if not self.added:
            return self.add()
        path = self.added.pop(self.rng.randrange(len(self.added)))
        target = os.path.join(os.path.dirname(path), "renamed-%d.md" % self.rng.randrange(1000000))
        os.rename(path, target)
        self.added.append(target)
        return "rename to " + os.path.relpath(target, self.content)

    def delete(self):
        if not self.added:
            return self.add()
        path = self.added.pop(self.rng.randrange(len(self.added)))
        os.remove(path)
        return "delete " + os.path.relpath(path, self.content)

    def breakage(self):
        path = self.page()
        self.broken = (path, read(path))
        self.front(path, "last_reviewed", "2026-13-45")
        return "broken date in " + os.path.relpath(path, self.content)

    def fix(self):
        path, text = self.broken
        self.broken = None
        write(path, text)
        return "fix of " + os.path.relpath(path, self.content)

    def next(self):
        if self.broken:
            return self.fix()
        edits = [(self.body, 30), (self.title, 8), (self.slug, 6), (self.summary, 6), (self.review, 6),
                 (self.related, 6), (self.glossary, 5), (self.synonyms, 4), (self.template, 4), (self.settings, 3),
                 (self.add, 7), (self.rename, 5), (self.delete, 4), (self.breakage, 4)]
        return self.rng.choices([e for e, _ in edits], weights=[w for _, w in edits])[0]()


def differences(preview, fresh):
    """Paths that differ between two folders (missing on either side, or other bytes)."""
    found = []
    # The build's own marker of an output folder is not part of the site.
    comparison = filecmp.dircmp(preview, fresh, ignore=[".salve-output"])
    pending = [("", comparison)]
    while pending:
        prefix, node = pending.pop()
        found += [prefix + name for name in node.left_only + node.right_only + node.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(os.path.join(preview, prefix), os.path.join(fresh, prefix),
                                               node.common_files, shallow=False)
        found += [prefix + name for name in mismatch + errors]
        pending += [(prefix + name + "/", child) for name, child in node.subdirs.items()]
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("salve")
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    salve = os.path.abspath(args.salve)
    work = tempfile.mkdtemp(prefix="salve-random-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    started = time.monotonic()
    server = None
    try:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), "--pages", str(args.pages),
                        "--out", work, "--no-hugo", "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
        project = os.path.join(work, "salve")
        write(os.path.join(project, "content", "glossary.yml"),
              "- term: Flare\n  definition: A time when symptoms get worse.\n")
        write(os.path.join(project, "content", "synonyms.yml"), "- [tired, fatigue]\n")
        server = Server(salve, project)
        preview = os.path.join(project, ".salve", "preview")
        fresh = os.path.join(work, "fresh")
        editor = Editor(project, random.Random(args.seed))
        failures = 0
        for step in range(args.edits):
            name = editor.next()
            shutil.rmtree(fresh, ignore_errors=True)
            # The full build runs while the preview rebuilds (both only read the project). --accept-removed: renamed
            # and deleted pages are the point here, not the list of published URLs.
            full = subprocess.Popen([salve, "build", "--root", project, "--output", fresh, "--base-url", server.base,
                                     "--accept-removed"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            served = server.rebuilt()
            built = full.wait(timeout=120) == 0
            if served != built:
                print("step %d (%s): the preview %s but a full build %s" % (
                    step + 1, name, "built" if served else "failed", "built" if built else "failed"))
                failures += 1
            elif built:
                different = differences(preview, fresh)
                if different:
                    print("step %d (%s): %d files differ from a full build, such as %s" % (
                        step + 1, name, len(different), ", ".join(different[:5])))
                    failures += 1
            if failures >= 5:
                break
        print("%d edits, %d mismatches, %.1f s" % (step + 1, failures, time.monotonic() - started))
        sys.exit(1 if failures else 0)
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
