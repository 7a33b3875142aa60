#!/usr/bin/env python3
"""One-file rebuild time of `salve serve`.

Usage: rebuild.py PROJECT_DIR [SALVE_BINARY] [--times N]
Starts `salve serve --root PROJECT_DIR --port 0`, then edits one article N times (a real change each time),
reads the server's `rebuilt … in N ms` lines and prints `median N ms` (Benchmarks/bench.py parses that line).
The article is restored afterwards. Every wait is bounded.
"""
import argparse
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_line(process, deadline):
    """The server's next stdout line, or None once the deadline passes."""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if ready:
            line = process.stdout.readline()
            if not line:
                return None
            return line.rstrip("\n")
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project")
    parser.add_argument("salve", nargs="?", default=os.path.join(ROOT, ".build", "release", "salve"))
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()

    articles = os.path.join(args.project, "content", "articles")
    article = os.path.join(articles, sorted(name for name in os.listdir(articles) if name.endswith(".md"))[0])
    with open(article, encoding="utf-8") as handle:
        original = handle.read()

    server = subprocess.Popen([args.salve, "serve", "--root", args.project, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
    timings = []
    try:
        deadline = time.monotonic() + 600
        while True:
            line = read_line(server, deadline)
            if line is None:
                sys.exit("the server did not start")
            if line.startswith("Serving http://"):
                break
        for attempt in range(args.times):
            with open(article, "w", encoding="utf-8") as handle:
                handle.write(original + "\nEdited for the rebuild benchmark, round %d.\n" % attempt)
            deadline = time.monotonic() + 120
            while True:
                line = read_line(server, deadline)
                if line is None:
                    sys.exit("no rebuild within 120 s")
                found = re.match(r"rebuilt .* in (\d+) ms", line)
                if found:
                    timings.append(int(found.group(1)))
                    break
            time.sleep(0.3)
    finally:
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(original)
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    print("rebuilds: %s" % " ".join("%d" % t for t in timings))
    print("median %d ms" % statistics.median(timings))


if __name__ == "__main__":
    main()
