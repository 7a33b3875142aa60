#!/usr/bin/env python3
"""`make bench`: Salve against Hugo and the cmark-gfm lower bound on synthetic knowledge bases, in one run.

    python3 Benchmarks/bench.py [--sizes 2000 10000] [--runs 5] [--salve .build/release/salve] [--served-edits 5]

For each size it generates the corpus (Benchmarks/generate.py) and measures, with one warm-up and then
RUNS timed runs, alternating Salve and Hugo:
  - cold build: the output folder removed first;
  - no-change rebuild: the same command again over the previous output (the second rebuild is timed, the
    steady state of an editor rebuilding all day);
  - peak memory (max RSS, from /usr/bin/time);
  - the lower bound: the cmark-gfm command line rendering every Markdown body in one process;
  - edit to served, from outside (Benchmarks/served.py): `salve serve` and `hugo server` on the same corpus,
    one at a time; a one-article body edit, a title edit and a template edit, each saved and then the page
    polled until it holds the new text; median of SERVED_EDITS edits after a warm-up, with each server's own
    rebuild figure beside it (Salve's `rebuilt … in N ms`, which is also the main table's "serve one-file
    rebuild" column; Hugo's `Total in N ms`).
Then the scaling row: corpora where every page has its own condition (generate.py --own-conditions) at
SCALING sizes, built on one thread, the sizes taking turns for 5 rounds, median CPU seconds per page; and the
per-step table of one build of the largest size (`salve build --timings`).
The work folder is on tmpfs (/dev/shm) when it exists: on the ext4 disk here a write phase of 10,000 pages
varies by seconds from run to run. It prints the tables and writes them to Benchmarks/results.md.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

import served

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = "/dev/shm/salve-bench" if os.path.isdir("/dev/shm") else os.path.join(ROOT, ".build-bench")
EXTENSIONS = ["--extension", "table", "--extension", "strikethrough", "--extension", "autolink",
              "--extension", "tagfilter", "--extension", "tasklist"]


def timed(command, cwd=None, cpu=False):
    """Runs command under /usr/bin/time; returns (seconds, max RSS in KB), or with cpu=True
    (seconds, max RSS in KB, user + system CPU seconds)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    rss, user, system = result.stderr.strip().splitlines()[-1].split()
    return (elapsed, int(rss), float(user) + float(system)) if cpu else (elapsed, int(rss))


def summary(samples):
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def measure(size, runs, salve, served_edits):
    corpus = os.path.join(WORK, "kb-%d" % size)
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), "--pages", str(size),
                    "--out", corpus], check=True)
    salve_out, hugo_out = os.path.join(corpus, "salve-site"), os.path.join(corpus, "hugo-site")
    salve_cmd = [salve, "build", "--root", os.path.join(corpus, "salve"), "--output", salve_out]
    hugo_cmd = ["hugo", "--quiet", "-s", os.path.join(corpus, "hugo"), "-d", hugo_out]
    bodies = sorted(os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(corpus, "bodies"))
                    for name in names)
    cmark_cmd = ["sh", "-c", "cmark-gfm %s \"$@\" > /dev/null" % " ".join(EXTENSIONS), "cmark-gfm"] + bodies

    results = {key: [] for key in ["salve_cold", "hugo_cold", "salve_again", "hugo_again", "cmark", "salve_rss",
                                   "hugo_rss", "salve_cpu", "hugo_cpu"]}
    for run in range(runs + 1):
        for tool, command, out in [("salve", salve_cmd, salve_out), ("hugo", hugo_cmd, hugo_out)]:
            # Cold: no output, and no previous site for Salve to reuse either.
            for folder in [out, os.path.join(corpus, ".%s.previous" % os.path.basename(out)),
                           os.path.join(corpus, "hugo", "resources")]:
                shutil.rmtree(folder, ignore_errors=True)
            cold, rss, cpu = timed(command, cpu=True)
            timed(command)  # the first rebuild gives Salve its previous site; an editor's later ones reuse it
            again, _ = timed(command)
            if run > 0:  # run 0 is the warm-up
                results[tool + "_cold"].append(cold)
                results[tool + "_again"].append(again)
                results[tool + "_rss"].append(rss)
                results[tool + "_cpu"].append(cpu)
        seconds, _ = timed(cmark_cmd)
        if run > 0:
            results["cmark"].append(seconds)
    megabytes = sum(os.path.getsize(path) for path in bodies) / 1e6
    row = {key: summary(values) for key, values in results.items()}
    row["size"], row["markdown_mb"] = size, megabytes
    if served_edits > 0:
        row["served"] = served.measure(corpus, salve, served_edits)
        own = row["served"]["salve"]["body"]["own"]
        row["incremental_ms"] = statistics.median(own) if own else None
    return row


def table(rows):
    def f(stat):
        return "%.2f s (%.2f–%.2f)" % (stat["median"], stat["min"], stat["max"])

    lines = [
        "| documents | Markdown | Salve cold | Hugo cold | Salve / Hugo | cmark-gfm CLI | Salve / cmark-gfm | "
        "Salve no-change | Hugo no-change | Salve CPU | Hugo CPU | Salve max RSS | Hugo max RSS | Salve / Hugo RSS | "
        "serve one-file rebuild |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        incremental = r.get("incremental_ms")
        lines.append("| %d | %.1f MB | %s | %s | %.2fx | %s | %.2fx | %s | %s | %.2f s | %.2f s | %d MiB | %d MiB | "
                     "%.2fx | %s |" % (
            r["size"], r["markdown_mb"], f(r["salve_cold"]), f(r["hugo_cold"]),
            r["salve_cold"]["median"] / r["hugo_cold"]["median"], f(r["cmark"]),
            r["salve_cold"]["median"] / r["cmark"]["median"], f(r["salve_again"]), f(r["hugo_again"]),
            r["salve_cpu"]["median"], r["hugo_cpu"]["median"],
            r["salve_rss"]["median"] / 1024, r["hugo_rss"]["median"] / 1024,
            r["salve_rss"]["median"] / r["hugo_rss"]["median"],
            "%.0f ms" % incremental if incremental is not None else "n/a"))
    return "\n".join(lines)


def scaling(sizes, salve, rounds=5):
    """One-thread CPU seconds per page on corpora where every page has its own condition. The sizes take turns,
    one build each per round: this machine's speed drifts by about 15% over minutes, and builds of one size
    run back to back would carry that drift into the ratio between sizes."""
    corpora = {}
    for size in sizes:
        corpus = os.path.join(WORK, "own-%d" % size)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate.py"), "--pages", str(size),
                        "--out", corpus, "--no-hugo", "--own-conditions"], check=True)
        corpora[size] = corpus
    samples = {size: [] for size in sizes}
    for _ in range(rounds):
        for size in sizes:
            corpus = corpora[size]
            out = os.path.join(corpus, "salve-site")
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(os.path.join(corpus, ".salve-site.previous"), ignore_errors=True)
            command = [salve, "build", "--threads", "1", "--root", os.path.join(corpus, "salve"), "--output", out]
            samples[size].append(timed(command, cpu=True)[2])
    for corpus in corpora.values():
        shutil.rmtree(corpus, ignore_errors=True)
    rows = [(size, statistics.median(samples[size]) / size * 1000) for size in sizes]
    lines = ["| pages (each with its own condition), one thread; median of %d rounds, the sizes taking turns "
             "| CPU per page | against the smallest |" % rounds,
             "|---|---|---|"]
    for size, per_page in rows:
        lines.append("| %d | %.3f ms | %.2fx |" % (size, per_page, per_page / rows[0][1]))
    return "\n".join(lines)


def step_table(size, salve):
    """`salve build --timings` of the size-page corpus (already generated by measure)."""
    corpus = os.path.join(WORK, "kb-%d" % size)
    out = os.path.join(corpus, "timings-site")
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run([salve, "build", "--timings", "--root", os.path.join(corpus, "salve"), "--output", out],
                            capture_output=True, text=True, check=True)
    return "```\n" + "\n".join(result.stdout.strip().splitlines()[1:]) + "\n```"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--salve", default=os.path.join(ROOT, ".build", "release", "salve"))
    parser.add_argument("--scaling", type=int, nargs="*", default=[2000, 10000, 40000])
    parser.add_argument("--served-edits", type=int, default=5,
                        help="timed edits of each kind for the edit-to-served table (0: leave it out)")
    args = parser.parse_args()
    salve = os.path.abspath(args.salve)
    rows = [measure(size, args.runs, salve, args.served_edits) for size in args.sizes]
    served_rows = [(row["size"], row["served"]) for row in rows if "served" in row]
    steps = step_table(max(args.sizes), salve)
    scale = scaling(args.scaling, salve) if args.scaling else ""
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    text = "\n".join([
        "# Benchmark results",
        "",
        "`make bench` on %d cores; median of %d runs after a warm-up (min–max in brackets); Salve and Hugo "
        "alternate. Hugo %s with minimal templates; the lower bound is the `cmark-gfm` command line rendering "
        "every Markdown body in one process, with the same extensions. Work folder: %s." % (
            os.cpu_count(), args.runs, hugo, "tmpfs (/dev/shm)" if WORK.startswith("/dev/shm") else "disk"),
        "",
        table(rows),
        "",
    ] + ([
        "Edit to served, measured from outside: the file saved (a temporary file renamed over it), then the page "
        "polled every %.0f ms until it holds the new text; median of %d edits after a warm-up (min–max), one "
        "server at a time on the same corpus. \"Own\" is the server's own rebuild figure (Salve's `rebuilt … in "
        "N ms`, Hugo's `Total in N ms`)." % (served.POLL_SECONDS * 1000, args.served_edits),
        "",
        served.table(served_rows),
        "",
    ] if served_rows else []) + [
        "Steps of one `salve build --timings` of the %d-document corpus:" % max(args.sizes),
        "",
        steps,
        "",
        scale,
        "",
    ])
    print(text)
    with open(os.path.join(ROOT, "Benchmarks", "results.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
