#!/usr/bin/env python3
"""Loads the built sample site's search page in headless Chromium and checks the results it shows.

    python3 Tests/Search/browser_test.py SITE_DIR [--base /health/]

Serves SITE_DIR on 127.0.0.1 (a free port the OS picks) with Python's http.server, under `--base` when the
site was built for a sub-path, for as long as the checks run; the server is always stopped. Each check runs
`chromium --headless --dump-dom` on search/?q=... and looks at the DOM after the page's scripts ran.
"""
import argparse, functools, html.parser, http.server, os, subprocess, sys, tempfile, threading, urllib.parse


class Handler(http.server.SimpleHTTPRequestHandler):
    base = "/"

    def translate_path(self, path):
        # Serve the site only under the base path; anything else is a 404, as on a real sub-path host.
        if not path.startswith(self.base):
            return os.path.join(self.directory, ".outside-the-base-path")
        return super().translate_path("/" + path[len(self.base):])

    def log_message(self, *args):
        pass


class Results(html.parser.HTMLParser):
    """Links, <mark> texts and <img>s inside #search-results, and the status text."""

    def __init__(self):
        super().__init__()
        self.depth = 0; self.links = []; self.marks = []; self.images = 0; self.status = ""
        self.in_status = False; self.in_mark = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "search-results": self.depth = 1
        elif self.depth and tag not in ("br", "img", "input"): self.depth += 1
        if self.depth and tag == "a": self.links.append(attrs.get("href"))
        if tag == "img": self.images += 1  # the search page has no images of its own
        if tag == "mark": self.in_mark = True
        if attrs.get("id") == "search-status": self.in_status = True

    def handle_endtag(self, tag):
        if self.depth: self.depth -= 1
        if tag == "mark": self.in_mark = False
        if tag == "p": self.in_status = False

    def handle_data(self, data):
        if self.in_mark and self.depth: self.marks.append(data)
        if self.in_status: self.status += data


def load(port, base, query, profile):
    url = f"http://127.0.0.1:{port}{base}search/?q={urllib.parse.quote(query)}"
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
         f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", url],
        capture_output=True, text=True, timeout=60).stdout
    parser = Results()
    parser.feed(dom)
    return parser


def main():
    args = argparse.ArgumentParser()
    args.add_argument("site")
    args.add_argument("--base", default="/")
    options = args.parse_args()
    base = options.base
    Handler.base = base
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=options.site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    failures = []
    try:
        with tempfile.TemporaryDirectory() as profile:
            checks = [
                ("LDN", f"{base}articles/ldn-fibromyalgia/"),
                ("can i take ldn with opioids", f"{base}faqs/ldn/#can-i-take-ldn-with-opioid-pain-medicines"),
                ("fibro fog", f"{base}faqs/living-with-fibromyalgia/#what-is-fibro-fog-and-what-helps"),
            ]
            for query, first in checks:
                page = load(server.server_address[1], base, query, profile)
                if not page.links or page.links[0] != first:
                    failures.append(f"{query!r}: first result {page.links[:2]}, expected {first}")
                elif not page.marks:
                    failures.append(f"{query!r}: no <mark> in the snippets")
                print(f"{query!r}: {page.status.strip()!r}, first {page.links[:1]}, marked {page.marks[:3]}")
            # The Spanish search page searches only the Spanish pages, with the Spanish stemmer: a query typed
            # without accents and one with a typo find the right page, and the page's words are Spanish.
            spanish = [
                ("analgesicos opioides", f"{base}es/faqs/ldn/#puedo-tomar-ldn-con-analgesicos-opioides"),
                ("naltrexna", f"{base}es/articles/ldn-fibromyalgia/"),
                ("sindrome de abstinencia", f"{base}es/faqs/ldn/#puedo-tomar-ldn-con-analgesicos-opioides"),
            ]
            for query, first in spanish:
                page = load(server.server_address[1], base + "es/", query, profile)
                if not page.links or page.links[0] != first:
                    failures.append(f"{query!r} in /es/: first result {page.links[:2]}, expected {first}")
                elif any(not link.startswith(base + "es/") for link in page.links if "/search/" not in link):
                    failures.append(f"{query!r} in /es/: a result outside /es/: {page.links}")
                elif "resultado" not in page.status:
                    failures.append(f"{query!r} in /es/: the status is not in Spanish: {page.status!r}")
                print(f"{query!r} in /es/: {page.status.strip()!r}, first {page.links[:1]}, marked {page.marks[:3]}")
            hostile = "<img src=x onerror=alert(1)> ldn"
            page = load(server.server_address[1], base, hostile, profile)
            if page.images or hostile not in page.status:
                failures.append(f"hostile query: {page.images} img elements, status {page.status!r}")
            print(f"hostile query shown as text: {page.status.strip()!r}")
    finally:
        server.shutdown()
        server.server_close()
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
