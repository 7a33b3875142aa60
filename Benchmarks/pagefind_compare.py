#!/usr/bin/env python3
"""Pagefind on the same built site, for comparison with Salve's search (not part of make test).

    python3 Benchmarks/pagefind_compare.py SITE_DIR --pagefind PATH/TO/pagefind [--query Q ...] [--expect Q=URL ...]

Runs `pagefind --site SITE_DIR` (timed; it writes SITE_DIR/pagefind/), then for each query loads a small page
in headless Chromium (a fresh profile each time, so nothing is cached) that runs Pagefind's own JS API:
search, then `data()` for the first ten results, as its UI does. The files the browser fetched come from the
Resource Timing API. Bytes: Pagefind's index files (pf_meta, pf_index, pf_fragment) are gzip on disk and
counted as they are; pagefind-entry.json is counted gzipped; pagefind.js, its worker and the wasm (gzip on disk) are reported apart
(cached assets, like Salve's scripts). `--expect` checks the first result's page (anchor ignored).
"""
import argparse, functools, gzip, http.server, json, pathlib, subprocess, tempfile, threading, time, urllib.parse

PAGE = b"""<!doctype html><html lang="en"><meta charset="utf-8"><title>measure</title><pre id="out"></pre>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(q);
const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
const resources = performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname)
  .filter((p) => p.startsWith("/pagefind/"));
document.getElementById("out").textContent = JSON.stringify({ total: search.results.length,
  first: data[0]?.url ?? null, resources });
</script>"""


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/__measure.html"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def run_query(port, query):
    with tempfile.TemporaryDirectory() as profile:
        url = f"http://127.0.0.1:{port}/__measure.html?q={urllib.parse.quote(query)}"
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--virtual-time-budget=20000",
                              "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    start = dom.index('<pre id="out">') + len('<pre id="out">')
    text = dom[start:dom.index("</pre>", start)].replace("&quot;", '"').replace("&amp;", "&")
    return json.loads(text)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("site")
    args.add_argument("--pagefind", required=True)
    args.add_argument("--query", action="append", default=[])
    args.add_argument("--expect", action="append", default=[])
    options = args.parse_args()
    site = pathlib.Path(options.site)
    started = time.monotonic()
    subprocess.run([options.pagefind, "--site", str(site)], check=True, capture_output=True)
    print(f"pagefind index: {time.monotonic() - started:.1f} s")
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    index = [p for p in files if p.suffix.startswith(".pf_") or p.name == "pagefind-entry.json"]
    raw = sum(p.stat().st_size for p in index)
    print(f"pagefind index files: {len(index)}, {raw:,} bytes as stored (pf_* are gzip)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    expectations = dict(e.split("=", 1) for e in options.expect)
    queries = options.query + [q for q in expectations if q not in options.query]
    right = 0
    try:
        print("| query | files | index bytes (gzip) | scripts+wasm (gzip) | results | first |")
        print("|---|---|---|---|---|---|")
        for query in queries:
            found = None
            for _ in range(3):  # headless Chromium now and then dumps the DOM before the module has run
                try:
                    found = run_query(server.server_address[1], query)
                    break
                except (ValueError, subprocess.TimeoutExpired) as error:
                    failure = error
            if found is None:
                print(f"| `{query}` | failed: {failure} |")
                continue
            data = scripts = 0
            for path in found["resources"]:
                file = site / path.lstrip("/")
                body = file.read_bytes()
                stored_gzip = file.suffix.startswith(".pf_") or file.name.startswith("wasm.")
                size = len(body) if stored_gzip else len(gzip.compress(body, 6, mtime=0))
                if file.suffix == ".js" or file.name.startswith("wasm."):
                    scripts += size
                else:
                    data += size
            first = found["first"]
            if query in expectations and first and first.split("#")[0] == expectations[query].split("#")[0]:
                right += 1
            print(f"| `{query}` | {len(found['resources'])} | {data:,} | {scripts:,} | {found['total']} | {first} |")
    finally:
        server.shutdown()
        server.server_close()
    if expectations:
        print(f"first result on the expected page: {right} of {len(expectations)}")


if __name__ == "__main__":
    main()
