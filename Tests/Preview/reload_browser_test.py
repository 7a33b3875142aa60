#!/usr/bin/env python3
"""Targeted live reload in headless Chromium: tabs of several pages are open on `salve serve` while pages
are edited, and only the tabs whose page (or a file they load) changed reload.

    python3 Tests/Preview/reload_browser_test.py [--salve .build/debug/salve]

Needs Debian's chromium and chromium-driver and PyPI selenium (make test-theme's venv has it:
.build-tools/theme-venv/bin/python). Each tab gets a mark in its window object; a reload clears it. The
fixture is Tests/Fixtures/minimal in a temporary folder; every wait is bounded and the server is stopped by PID.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABS = {"sleep": "/articles/sleep/", "options": "/comparisons/options/", "missing": "/no/such/page/",
        "search": "/search/"}


def save(path, text):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.rename(temporary, path)


class Tabs:
    def __init__(self, port):
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(30)
        self.handles = {}
        for index, (name, path) in enumerate(TABS.items()):
            if index > 0:
                self.driver.switch_to.new_window("tab")
            self.driver.get("http://127.0.0.1:%d%s" % (port, path))
            self.handles[name] = self.driver.current_window_handle
        time.sleep(1)  # every tab's event stream connected
        for name in TABS:
            self.mark(name)

    def mark(self, name):
        self.driver.switch_to.window(self.handles[name])
        self.driver.execute_script("window.salveTestMark = true;")

    def reloaded(self, name):
        self.driver.switch_to.window(self.handles[name])
        return self.driver.execute_script("return window.salveTestMark !== true;")

    def text(self, name):
        self.driver.switch_to.window(self.handles[name])
        return self.driver.execute_script("return document.body.innerText;")

    def quit(self):
        self.driver.quit()


def expect(condition, message, failures):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def wait_until(check, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def settle(tabs, changed, unchanged, message, failures):
    """After an edit: the `changed` tabs reload (within 20 s), and 2 s later the `unchanged` ones still have not."""
    for name in changed:
        expect(wait_until(lambda: tabs.reloaded(name)), "%s: the %s tab reloads" % (message, name), failures)
    time.sleep(2)
    for name in unchanged:
        expect(not tabs.reloaded(name), "%s: the %s tab does not reload" % (message, name), failures)
    for name in TABS:
        tabs.mark(name)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--salve", default=os.path.join(ROOT, ".build", "debug", "salve"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="salve-reload-")
    fixture = os.path.join(ROOT, "Tests", "Fixtures", "minimal")
    for name in os.listdir(fixture):
        if name != "expected":
            source = os.path.join(fixture, name)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(work, name))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([os.path.abspath(args.salve), "serve", "--root", work, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    failures, tabs = [], None
    try:
        line = server.stdout.readline()
        while line and not line.startswith("Serving"):
            line = server.stdout.readline()
        if not line:
            sys.exit("the server did not start")
        tabs = Tabs(port)
        sleep_md = os.path.join(work, "content", "articles", "sleep.md")
        options_md = os.path.join(work, "content", "comparisons", "options.md")
        sleep, options = open(sleep_md, encoding="utf-8").read(), open(options_md, encoding="utf-8").read()

        save(sleep_md, sleep.replace("Sleep is often light and broken.", "Sleep is often short."))
        settle(tabs, ["sleep", "search"], ["options", "missing"], "a body edit of the sleep article", failures)
        expect("Sleep is often short." in tabs.text("sleep"), "the sleep tab shows the edit", failures)

        save(options_md, options.rstrip("\n") + "\n\nA sentence added for the reload test.\n")
        settle(tabs, ["options"], ["sleep", "missing"], "a body edit of the comparison", failures)

        save(sleep_md, re.sub(r"^title: Why", "title: [Why", sleep, count=1, flags=re.M))
        time.sleep(3)
        save(sleep_md, sleep)
        settle(tabs, list(TABS), [], "a broken edit and its fix", failures)
    finally:
        if tabs:
            tabs.quit()
        os.kill(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(server.pid, signal.SIGKILL)
        shutil.rmtree(work, ignore_errors=True)
    print("%d failed" % len(failures) if failures else "all passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
