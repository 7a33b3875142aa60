#!/usr/bin/env python3
"""The sample site in a real nginx, configured from deploy/nginx/salve.conf, under /health/ (part of make test).

Builds the project with --base-url http://127.0.0.1:PORT/health/ into WORK/www/health/, starts Debian's nginx
on 127.0.0.1:PORT with its own prefix, config, logs and pid file under WORK, then checks: every sitemap URL
answers 200, every moved_from address answers 301 to its page, an unknown path answers the 404 page with status
404, a .gz file is served for Accept-Encoding: gzip, every asset and local link of every page resolves, and the
cache headers follow the recipe. nginx is stopped by its PID at the end, also when a check fails or the run is
interrupted. Every request has a timeout, and so has waiting for nginx.
"""
import argparse
import gzip
import html.parser
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECIPE = os.path.join(ROOT, "deploy", "nginx", "salve.conf")
TIMEOUT = 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def config(work, www, port):
    """The recipe with its four host-specific lines pointed at the test folder; each must be there exactly once,
    so a change to the recipe that the test no longer follows fails here instead of testing something else."""
    with open(RECIPE, encoding="utf-8") as file:
        recipe = file.read()
    for old, new in [
        ("include /srv/www/health/nginx-redirects.conf;", f"include {www}/health/nginx-redirects.conf;"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server_name example.org;", "server_name 127.0.0.1;"),
        ("root /srv/www;", f"root {www};"),
    ]:
        if recipe.count(old) != 1:
            sys.exit(f"deploy/nginx/salve.conf: expected the line `{old}` once, found it {recipe.count(old)} times")
        recipe = recipe.replace(old, new)
    temp = "\n".join(f"    {kind}_temp_path {work}/temp/{kind};" for kind in
                     ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    return f"""# Made by Tests/Publish/nginx_test.py from deploy/nginx/salve.conf.
worker_processes 1;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log;
{temp}
{recipe}
}}
"""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url, headers=None):
    """(status, headers, body) of one GET, redirects not followed."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Links(html.parser.HTMLParser):
    """Every href and src of a page (stylesheets, scripts, images, links)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append((tag, value))


class Checks:
    def __init__(self, base):
        self.base = base
        self.failures = []
        self.count = 0

    def expect(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
            print("FAIL", message, flush=True)


def run_checks(base, site):
    checks = Checks(base)
    host = base[: -len("/health/")]

    status, _, body = fetch(base + "sitemap.xml")
    checks.expect(status == 200, f"sitemap.xml answered {status}")
    pages = re.findall(r"<loc>([^<]+)</loc>", body.decode("utf-8"))
    checks.expect(len(pages) > 5, f"the sitemap lists {len(pages)} URLs")
    assets = {}
    for page in pages:
        checks.expect(page.startswith(base), f"sitemap URL {page} is not under {base}")
        status, headers, body = fetch(page)
        checks.expect(status == 200, f"{page} answered {status}")
        checks.expect(headers.get("Cache-Control") == "no-cache", f"{page}: Cache-Control is {headers.get('Cache-Control')}")
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for tag, value in parser.found:
            url = urllib.parse.urljoin(page, value).split("#")[0]
            if url.startswith(host + "/"):
                assets.setdefault(url, page)
    for url, page in sorted(assets.items()):
        status, _, _ = fetch(url)
        checks.expect(status == 200, f"{url} (linked from {page}) answered {status}")

    with open(os.path.join(site, "_redirects"), encoding="utf-8") as file:
        rules = [line.split() for line in file if line.strip() and not line.startswith("#")]
    checks.expect(rules, "the site has no moved_from redirect to test")
    for old, new, code in rules:
        status, headers, _ = fetch(host + old)
        location = headers.get("Location", "")
        checks.expect(status == int(code) and location == host + new,
                      f"{old} answered {status} to {location!r}, not {code} to {host + new}")
        status, _, _ = fetch(location or host + new)
        checks.expect(status == 200, f"{old}: its new page {location} answered {status}")

    with open(os.path.join(site, "404.html"), "rb") as file:
        not_found = file.read()
    for path in ["no-such-page/", "articles/no/such/page/", ".salve-output", "_redirects", "nginx-redirects.conf"]:
        status, _, body = fetch(base + path)
        checks.expect(status == 404 and body == not_found, f"/health/{path} answered {status}, not the 404 page")

    compressed = sorted(os.path.relpath(os.path.join(folder, name), site)
                        for folder, _, names in os.walk(site) for name in names if name.endswith(".gz"))
    checks.expect(bool(compressed), "the build with --compress wrote no .gz files")
    # A moved page's old address answers with the redirect rule, before any file (its redirect page included).
    moved = {old for old, _, _ in rules}
    served = [name for name in compressed
              if urllib.parse.urlsplit(base + name[: -len(".gz")].removesuffix("index.html")).path not in moved]
    for name in served[:20]:
        path = name[: -len(".gz")].removesuffix("index.html")
        with open(os.path.join(site, name), "rb") as file:
            expected = file.read()
        status, headers, body = fetch(base + path, {"Accept-Encoding": "gzip"})
        checks.expect(status == 200 and headers.get("Content-Encoding") == "gzip" and body == expected,
                      f"/health/{path} with Accept-Encoding: gzip answered {status}, "
                      f"Content-Encoding {headers.get('Content-Encoding')}, not {name}")
        status, headers, body = fetch(base + path)
        checks.expect(status == 200 and headers.get("Content-Encoding") is None and body == gzip.decompress(expected),
                      f"/health/{path} without Accept-Encoding was not the plain file")

    hashed = sorted(os.path.relpath(os.path.join(folder, name), site)
                    for folder, _, names in os.walk(site) for name in names
                    if re.search(r"\.[0-9a-f]{8}\.[a-z0-9]+$", name))
    for name in hashed[:3]:
        status, headers, _ = fetch(base + name)
        checks.expect(status == 200 and "immutable" in headers.get("Cache-Control", ""),
                      f"/health/{name} (a hashed name) has Cache-Control {headers.get('Cache-Control')}")
    return checks, len(pages), len(assets), len(rules), len(compressed), len(hashed)


def check_many_redirects(salve, work, nginx):
    """nginx loads the redirect map of a site with many old addresses without a warning: the map's hash sizes
    grow with its keys (nginx 1.22 warns at 8,000 keys with its defaults, and fails on a key over 64 bytes)."""
    project = os.path.join(work, "many")
    os.makedirs(os.path.join(project, "content", "articles"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(project, "templates"))
    with open(os.path.join(project, "salve.yml"), "w", encoding="utf-8") as file:
        file.write("title: Many\nbase_url: https://example.org/health/\n")
    for number in range(1000):
        with open(os.path.join(project, "content", "articles", f"page-{number}.md"), "w", encoding="utf-8") as file:
            file.write(f"---\ntitle: Page {number}\nsummary: Page {number}.\nlast_reviewed: 2026-01-15\n"
                       f"reviewed_by: Dr. Test, MD\nmoved_from: [/old/a-much-longer-old-address-{number}/, "
                       f"/older/page-{number}.html]\n---\nText.\n")
    subprocess.run([salve, "build", "--root", project], check=True, timeout=300, stdout=subprocess.DEVNULL)
    with open(os.path.join(work, "many.conf"), "w", encoding="utf-8") as file:
        file.write("events { worker_connections 16; }\nhttp {\n"
                   f"    include {project}/site/nginx-redirects.conf;\n    server {{ listen 127.0.0.1:1; }}\n}}\n")
    result = subprocess.run([nginx, "-t", "-p", work, "-c", os.path.join(work, "many.conf"), "-e",
                             os.path.join(work, "many-error.log")], capture_output=True, text=True, timeout=30)
    with open(os.path.join(project, "site", "nginx-redirects.conf"), encoding="utf-8") as file:
        keys = sum(1 for line in file if line.startswith("    /"))
    problems = [line for line in result.stderr.splitlines() if "[warn]" in line or "[emerg]" in line]
    return keys, result.returncode == 0 and not problems, problems


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--salve", default=os.path.join(ROOT, ".build/debug/salve"))
    arguments.add_argument("--work", default=os.path.join(ROOT, ".build-tools/nginx"))
    options = arguments.parse_args()
    work = os.path.abspath(options.work)
    www = os.path.join(work, "www")
    site = os.path.join(www, "health")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "temp"))
    os.makedirs(www)
    port = free_port()
    base = f"http://127.0.0.1:{port}/health/"
    subprocess.run([options.salve, "build", "--root", ROOT, "--output", site, "--base-url", base, "--compress"],
                   check=True, timeout=300)
    with open(os.path.join(work, "nginx.conf"), "w", encoding="utf-8") as file:
        file.write(config(work, www, port))
    keys, loads, problems = check_many_redirects(options.salve, work, nginx)
    if not loads:
        sys.exit(f"nginx did not load a map of {keys} redirects cleanly: {problems}")
    print(f"nginx loads a map of {keys} redirects without a warning", flush=True)
    subprocess.run([nginx, "-t", "-q", "-p", work, "-c", os.path.join(work, "nginx.conf"), "-e",
                    os.path.join(work, "error.log")], check=True, timeout=30)

    server = subprocess.Popen([nginx, "-p", work, "-c", os.path.join(work, "nginx.conf"), "-e",
                               os.path.join(work, "error.log"), "-g", f"daemon off; pid {work}/nginx.pid;"])

    def stop(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")

    # The trap: SIGTERM (timeout, make) and SIGINT end the run through `finally`, which stops nginx.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if server.poll() is not None:
                sys.exit(f"nginx exited with {server.returncode}; see {work}/error.log")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit(f"nginx did not listen on 127.0.0.1:{port} within {TIMEOUT} s")
                time.sleep(0.1)
        checks, pages, assets, rules, compressed, hashed = run_checks(base, site)
    finally:
        # SIGQUIT: nginx's graceful stop, sent to the PID this run started.
        server.send_signal(signal.SIGQUIT)
        try:
            server.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=TIMEOUT)
    print(f"nginx at {base}: {pages} sitemap URLs, {assets} linked URLs, {rules} redirect rules, "
          f"{compressed} .gz files, {hashed} hashed names; {checks.count} checks, {len(checks.failures)} failed")
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
