#!/usr/bin/env python3
"""Search index size and bytes per query for a built Salve site (not part of make test).

    python3 Benchmarks/search_size.py SITE_DIR [--query "LDN" --query "low dose naltrexone" ...]

Total index bytes: search-index.json plus search/terms, search/results and search/words, plain and gzip
(each file gzipped on its own, level 6, as a web server would send it). Bytes per query: the files
search-engine.js fetches for the query and its first ten results (Benchmarks/search_fetch.mjs runs
the real engine), plain and gzip. The script files themselves (search*.js) are counted apart: the browser
caches them like any asset.
"""
import argparse, gzip, json, os, pathlib, subprocess

ROOT = pathlib.Path(__file__).resolve().parents[1]


def sizes(paths):
    plain = zipped = 0
    for path in paths:
        data = pathlib.Path(path).read_bytes()
        plain += len(data)
        zipped += len(gzip.compress(data, 6, mtime=0))
    return plain, zipped


def main():
    args = argparse.ArgumentParser()
    args.add_argument("site")
    args.add_argument("--query", action="append")
    options = args.parse_args()
    site = pathlib.Path(options.site)
    index_files = [site / "search-index.json"] + [
        p for folder in ("terms", "results", "words") for p in sorted((site / "search" / folder).glob("*.json"))]
    plain, zipped = sizes(index_files)
    counts = {folder: len(list((site / "search" / folder).glob("*.json"))) for folder in ("terms", "results", "words")}
    print(f"index: {plain:,} bytes, {zipped:,} gzip, in {len(index_files)} files ({counts})")
    scripts = sorted((site / "assets").glob("search*.js"))
    plain, zipped = sizes(scripts)
    print(f"scripts (cached): {plain:,} bytes, {zipped:,} gzip ({', '.join(p.name for p in scripts)})")
    queries = options.query or ["LDN", "low dose naltrexone", "naltrexon sid efects"]
    report = json.loads(subprocess.run(["node", str(ROOT / "Benchmarks/search_fetch.mjs"), str(site), *queries],
                                       check=True, capture_output=True, text=True).stdout)
    print("| query | words | files fetched | bytes | gzip | results | first |")
    print("|---|---|---|---|---|---|---|")
    for query in queries:
        entry = report[query]
        plain, zipped = sizes(entry["files"])
        words = len(query.split())
        print(f"| `{query}` | {words} | {len(entry['files'])} | {plain:,} | {zipped:,} | {entry['total']:,} | {entry['first']} |")


if __name__ == "__main__":
    main()
