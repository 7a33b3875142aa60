#!/usr/bin/env python3
"""Measures the default theme in headless Chromium (selenium + Debian's chromium-driver) and saves screenshots.

    python3 Tests/Theme/theme_test.py SITE_DIR --salve .build/debug/salve [--screenshots DIR]

SITE_DIR is the built sample site. The script also builds a small site of its own (every callout kind and a
glossary term, with this repository's templates/) into a temporary folder. Both are served on 127.0.0.1 (a port
the OS picks) for as long as the checks run. Checks, each with a bounded wait:
- the header takes at most 15% of a 390 x 844 screen; the home page shows one search box; placeholders fit;
- breadcrumbs start inside the content column (390 px and 1280 px);
- a FAQ page lists its questions, each linking to its answer, with a "Back to the questions" link after each;
- the five callouts differ in colour (light and dark mode) and in frame when printed, with AA contrast;
- a glossary term's definition is not in the sentence's text, is the link's description (not its name) in the
  accessibility tree, and shows on hover and on keyboard focus;
- the search page shows 20 results and a button for more, names the page of a FAQ answer, and marks "ldn" but
  not the "low" of "start low";
- axe-core (axe-selenium-python-nhsuk, when installed) finds no violations on the pages it loads.
Screenshots of the home, article and FAQ pages at 390 px and 1280 px (the screen, and the whole page as
NAME-WIDTH-full.png), of the callouts in light and dark mode and of search results go to SCREENSHOTS (default
.build-tools/screenshots/).
"""
import argparse, base64, functools, http.server, os, pathlib, shutil, subprocess, sys, tempfile, threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
PHONE = (390, 844)
DESKTOP = (1280, 900)
CALLOUT_KINDS = ["note", "warning", "non-urgent", "urgent", "emergency"]

CALLOUT_PAGE = """---
title: Callouts and glossary
summary: Every kind of callout, for the theme test.
last_reviewed: 2026-06-02
reviewed_by: Theme Test
---
A flare can be hard. This sentence has a glossary term in it.

""" + "\n".join(f"> [!{kind.upper()}]\n> Text of the {kind} callout, with [a link](https://example.org/).\n"
                for kind in CALLOUT_KINDS)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_callout_site(salve, folder):
    project = pathlib.Path(folder) / "project"
    (project / "content" / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "salve.yml").write_text(
        "title: Theme test\ndescription: The theme test's site.\nbase_url: https://example.org/\n"
        "disclaimer: For tests only.\n")
    (project / "content" / "glossary.yml").write_text(
        "- term: Flare\n  definition: A period when symptoms get worse for a while.\n")
    (project / "content" / "articles" / "callouts.md").write_text(CALLOUT_PAGE)
    output = pathlib.Path(folder) / "site"
    subprocess.run([salve, "build", "--root", str(project), "--output", str(output)], check=True, timeout=120,
                   stdout=subprocess.DEVNULL)
    return str(output)


class Browser:
    def __init__(self):
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--hide-scrollbars", "--force-color-profile=srgb"]:
            options.add_argument(flag)
        # Debian's chromium and chromium-driver, named outright so Selenium Manager never looks for a browser online.
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(30)

    def size(self, width, height):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def media(self, media="", scheme="light"):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def open(self, url):
        self.driver.get(url)
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def screenshot(self, path, full=False):
        """The screen as a PNG; `full`: the whole page, at most 6,000 px tall."""
        options = {"format": "png"}
        if full:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
            options.update(captureBeyondViewport=True, clip={
                "x": 0, "y": 0, "width": metrics["width"], "height": min(metrics["height"], 6000), "scale": 1})
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", options)["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))

    def ax_node(self, selector):
        """The accessibility tree's node for the first element matching `selector`: (name, description)."""
        document = self.driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
        node = self.driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
        nodes = self.driver.execute_cdp_cmd("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})["nodes"]
        values = {key: (nodes[0].get(key) or {}).get("value", "") for key in ("name", "description")}
        return values["name"], values["description"]

    def quit(self):
        self.driver.quit()


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


# Computed colours as [r, g, b, a]; the background a title sits on is its own, or the callout's when transparent.
CALLOUT_STYLES = """
const parse = (c) => { const v = c.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
return arguments[0].map((kind) => {
  const box = document.querySelector('.callout-' + kind);
  if (!box) return null;
  const title = box.querySelector('.callout-title');
  const body = box.querySelector('p:not(.callout-title)');
  const s = getComputedStyle(box), t = getComputedStyle(title), b = getComputedStyle(body);
  const titleBackground = parse(t.backgroundColor)[3] === 0 ? parse(s.backgroundColor) : parse(t.backgroundColor);
  return {
    kind, background: parse(s.backgroundColor), titleBackground, titleColor: parse(t.color), bodyColor: parse(b.color),
    frame: ['Top', 'Right', 'Bottom', 'Left'].map((side) => s['border' + side + 'Style'] + ' ' + s['border' + side + 'Width']).join(', '),
    titleFrame: t.borderBottomStyle + ' ' + t.borderBottomWidth + ' ' + t.textTransform,
  };
});
"""

HEADER = """
const header = document.querySelector('.site-header').getBoundingClientRect();
const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const inputs = [...document.querySelectorAll('input[type=search]')].filter(visible);
const cut = inputs.filter((input) => {
  const s = getComputedStyle(input);
  const context = document.createElement('canvas').getContext('2d');
  context.font = s.font;
  const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  return context.measureText(input.placeholder).width > room;
}).map((input) => input.placeholder);
const crumbs = document.querySelector('.breadcrumbs ol');
const column = document.querySelector('main h1');
return {
  header: header.height, searchBoxes: inputs.length, cut,
  crumbsLeft: crumbs ? crumbs.getBoundingClientRect().left : null,
  columnLeft: column ? column.getBoundingClientRect().left : null,
  scrollWidth: document.documentElement.scrollWidth,
};
"""

FAQ = """
const nav = document.querySelector('nav.questions');
const links = nav ? [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href')) : [];
const sections = [...document.querySelectorAll('section.question')];
const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
return {
  links,
  answers: sections.map((s) => s.querySelector('h2') && s.querySelector('h2').id),
  backLinks: sections.map((s) => { const a = s.querySelector('.back-to-questions a'); return a && a.getAttribute('href'); }),
  duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
  backTarget: !!document.getElementById('questions-heading'),
};
"""

GLOSSARY = """
const link = document.querySelector('a.glossary-term');
const paragraph = link.closest('p');
const tip = document.getElementById(link.getAttribute('aria-describedby'));
return { paragraph: paragraph.innerText, term: link.textContent, definition: link.dataset.definition,
         tipText: tip && tip.textContent, tipInParagraph: !!tip && paragraph.contains(tip), tipHidden: !!tip && tip.closest('[hidden]') !== null,
         after: getComputedStyle(link, '::after').content };
"""


# Where a focused term's tooltip ends: the page's width, and the tooltip's right edge (a pseudo-element has no
# box of its own to measure, so from its column and its computed offset).
GLOSSARY_BOX = """
const link = document.querySelector('a.glossary-term');
const after = getComputedStyle(link, '::after');
const column = link.closest('.content').getBoundingClientRect();
return { scrollWidth: document.documentElement.scrollWidth, right: column.right - parseFloat(after.right) };
"""


class Checks:
    def __init__(self, browser, screenshots):
        self.browser = browser
        self.screenshots = screenshots
        self.failures = []
        self.axe_pages = 0
        try:
            from axe_selenium_python import Axe
            self.axe = Axe
        except ImportError:
            self.axe = None

    def expect(self, ok, message):
        print(("ok   " if ok else "FAIL ") + message)
        if not ok:
            self.failures.append(message)

    def run_axe(self, name):
        if not self.axe:
            return
        axe = self.axe(self.browser.driver)
        axe.inject()
        violations = axe.run()["violations"]
        for violation in violations:
            for node in violation["nodes"][:3]:
                print(f"     {violation['id']}: {node['target']} {node.get('failureSummary', '')[:200]!r}")
        self.axe_pages += 1
        self.expect(not violations, f"{name}: axe finds no violations {[v['id'] for v in violations]}")

    def layout(self, base, name, path):
        for width, height in (PHONE, DESKTOP):
            self.browser.size(width, height)
            self.browser.media()
            self.browser.open(base + path)
            m = self.browser.js(HEADER)
            label = f"{name} at {width} px"
            if width == PHONE[0]:
                share = m["header"] / height
                self.expect(share <= 0.15, f"{label}: header {m['header']:.0f} px = {share:.1%} of the screen (at most 15%)")
            self.expect(not m["cut"], f"{label}: placeholders fit their boxes (cut: {m['cut']})")
            self.expect(m["scrollWidth"] <= width, f"{label}: no sideways scrolling ({m['scrollWidth']} px wide)")
            if name == "home":
                self.expect(m["searchBoxes"] == 1, f"{label}: one search box ({m['searchBoxes']})")
            if m["crumbsLeft"] is not None:
                inside = m["crumbsLeft"] >= m["columnLeft"] - 1 and m["crumbsLeft"] > 0
                self.expect(inside, f"{label}: breadcrumbs start at x={m['crumbsLeft']:.0f}, the column at x={m['columnLeft']:.0f}")
            self.browser.screenshot(os.path.join(self.screenshots, f"{name}-{width}.png"))
            self.browser.screenshot(os.path.join(self.screenshots, f"{name}-{width}-full.png"), full=True)
            self.run_axe(label)
        # Dark mode has colours of its own: audit it too (at the phone's width).
        self.browser.size(*PHONE)
        self.browser.media(scheme="dark")
        self.browser.open(base + path)
        self.run_axe(f"{name} at {PHONE[0]} px, dark")
        self.browser.screenshot(os.path.join(self.screenshots, f"{name}-{PHONE[0]}-dark.png"))
        self.browser.media()

    def faq(self, base):
        self.browser.size(*PHONE)
        self.browser.open(base + "faqs/ldn/")
        m = self.browser.js(FAQ)
        self.expect(len(m["answers"]) > 1 and m["links"] == ["#" + a for a in m["answers"]],
                    f"FAQ: the question list links to each of its {len(m['answers'])} answers in order")
        self.expect(m["backTarget"] and m["backLinks"] == ["#questions-heading"] * len(m["answers"]),
                    "FAQ: a 'Back to the questions' link after each answer")
        self.expect(not m["duplicateIds"], f"FAQ: ids are unique (repeated: {m['duplicateIds']})")
        # Following a question's link brings its answer to the top of the screen.
        first = self.browser.driver.find_element(By.CSS_SELECTOR, "nav.questions a")
        first.click()
        WebDriverWait(self.browser.driver, 10).until(lambda d: d.execute_script("return location.hash") == "#" + m["answers"][0])
        top = self.browser.js("return document.getElementById(arguments[0]).getBoundingClientRect().top", m["answers"][0])
        self.expect(-2 <= top < 100, f"FAQ: the first question's link scrolls to its answer (top at {top:.0f} px)")
        self.browser.screenshot(os.path.join(self.screenshots, "faq-390-answer.png"))

    def callouts(self, base):
        self.browser.size(*DESKTOP)
        for scheme in ("light", "dark"):
            self.browser.media(scheme=scheme)
            self.browser.open(base + "articles/callouts/")
            styles = self.browser.js(CALLOUT_STYLES, CALLOUT_KINDS)
            if not all(styles):
                self.expect(False, f"callouts ({scheme}): every kind is on the page")
                continue
            looks = {(tuple(s["background"]), tuple(s["titleBackground"]), s["frame"]) for s in styles}
            self.expect(len(looks) == len(CALLOUT_KINDS), f"callouts ({scheme}): five distinct looks")
            backgrounds = {(tuple(s["background"]), tuple(s["titleBackground"])) for s in styles}
            self.expect(len(backgrounds) == len(CALLOUT_KINDS), f"callouts ({scheme}): five distinct colour pairs")
            for s in styles:
                title = contrast(s["titleColor"], s["titleBackground"])
                body = contrast(s["bodyColor"], s["background"])
                self.expect(title >= 4.5 and body >= 4.5,
                            f"callout {s['kind']} ({scheme}): contrast title {title:.1f}, text {body:.1f} (AA: 4.5)")
            self.browser.screenshot(os.path.join(self.screenshots, f"callouts-{scheme}.png"), full=True)
            self.run_axe(f"callouts ({scheme})")
        # Printed, backgrounds are dropped and colour may be grey: the frames and title rules must still differ.
        self.browser.media(media="print")
        self.browser.open(base + "articles/callouts/")
        styles = self.browser.js(CALLOUT_STYLES, CALLOUT_KINDS)
        frames = {(s["frame"], s["titleFrame"]) for s in styles}
        self.expect(len(frames) == len(CALLOUT_KINDS), f"callouts (print): five distinct frames {sorted(frames)}")
        # What a greyscale printer gives: the print style, in grey.
        self.browser.js("document.documentElement.style.filter = 'grayscale(1)'")
        self.browser.screenshot(os.path.join(self.screenshots, "callouts-print-grey.png"), full=True)
        self.browser.js("document.documentElement.style.filter = ''")
        meta = self.browser.js("const e = document.querySelector('.print-meta'); return e && getComputedStyle(e).display !== 'none' ? e.innerText : ''")
        self.expect("https://example.org/articles/callouts/" in meta and "Page last reviewed: 2 June 2026" in meta,
                    f"print: the address and review dates under the title ({meta!r})")
        self.browser.media()

    def glossary(self, base):
        self.browser.size(*DESKTOP)
        self.browser.media()
        self.browser.open(base + "articles/callouts/")
        m = self.browser.js(GLOSSARY)
        self.expect(m["definition"] not in m["paragraph"] and m["paragraph"].startswith("A flare can be hard."),
                    f"glossary: the paragraph's text is the sentence as written ({m['paragraph']!r})")
        self.expect(m["tipText"] == m["definition"] and m["tipHidden"] and not m["tipInParagraph"],
                    "glossary: the description is a hidden element outside the paragraph")
        name, description = self.browser.ax_node("a.glossary-term")
        self.expect(name == m["term"] and description == m["definition"],
                    f"glossary: accessibility name {name!r}, description {description!r}")
        self.expect(m["after"] in ("none", "normal"), "glossary: no tooltip before hover or focus")
        ActionChains(self.browser.driver).move_to_element(self.browser.driver.find_element(By.CSS_SELECTOR, "a.glossary-term")).perform()
        hovered = self.browser.js(GLOSSARY)["after"]
        self.expect(m["definition"] in hovered, f"glossary: the definition shows on hover ({hovered[:40]!r})")
        ActionChains(self.browser.driver).move_by_offset(0, 300).perform()
        self.browser.js("document.querySelector('a.glossary-term').focus()")
        focused = self.browser.js(GLOSSARY)["after"]
        self.expect(m["definition"] in focused, "glossary: the definition shows on keyboard focus")
        name, _ = self.browser.ax_node("a.glossary-term")
        self.expect(name == m["term"], f"glossary: with the tooltip shown, the link's name is still {name!r}")
        # On a phone, a term at the end of a line still shows its whole tooltip on the screen.
        self.browser.size(*PHONE)
        self.browser.open(base + "articles/callouts/")
        self.browser.js("document.querySelector('a.glossary-term').focus()")
        box = self.browser.js(GLOSSARY_BOX)
        self.expect(box["scrollWidth"] <= PHONE[0] and box["right"] <= PHONE[0],
                    f"glossary: on a phone the tooltip fits the screen, under the term ({box})")
        self.browser.screenshot(os.path.join(self.screenshots, "glossary-focus-390.png"))


SEARCH = """
const list = document.querySelector('#search-results ol');
const items = list ? [...list.children] : [];
return {
  status: document.getElementById('search-status').textContent,
  count: items.length,
  more: (document.querySelector('.search-more') || {}).textContent || null,
  from: items.map((li) => { const a = li.querySelector('.search-from a'); return a ? [li.querySelector('h3 a').getAttribute('href'), a.textContent, a.getAttribute('href')] : null; }).filter(Boolean),
  marks: [...document.querySelectorAll('#search-results mark')].map((m) => m.textContent.toLowerCase()),
  focusedIndex: items.findIndex((li) => li.contains(document.activeElement)),
};
"""


def search_page(checks, base):
    browser = checks.browser
    browser.size(*DESKTOP)
    browser.media()
    wait = WebDriverWait(browser.driver, 15)
    browser.open(base + "search/?q=doctor")
    wait.until(lambda d: d.execute_script(SEARCH)["count"] > 0)
    m = browser.js(SEARCH)
    checks.expect(m["count"] == 20 and m["more"] and "showing the best 20" in m["status"],
                  f"search: 20 results shown of more, with a button ({m['status']!r}, {m['more']!r})")
    if m["more"]:
        browser.driver.find_element(By.CSS_SELECTOR, ".search-more").click()
        wait.until(lambda d: d.execute_script(SEARCH)["count"] > 20)
        after = browser.js(SEARCH)
        checks.expect(after["focusedIndex"] == 20, f"search: the button adds results and focuses the first new one ({after['count']} shown)")
        checks.expect(after["more"] is None if after["count"] < 40 else bool(after["more"]), "search: the button stays only while results are left")
    browser.open(base + "search/?q=ldn")
    wait.until(lambda d: d.execute_script(SEARCH)["count"] > 0)
    m = browser.js(SEARCH)
    faq = [f for f in m["from"] if f[0].startswith("/faqs/ldn/#")]
    checks.expect(bool(faq) and all(f[1] == "Low-dose naltrexone (LDN) questions and answers" and f[2] == "/faqs/ldn/" for f in faq),
                  f"search: LDN answers name their page ({faq[:1]})")
    checks.expect("ldn" in m["marks"] and "low" not in m["marks"], f"search: 'low' is not marked alone for ldn ({sorted(set(m['marks']))})")
    browser.screenshot(os.path.join(checks.screenshots, "search-1280.png"))
    checks.run_axe("search results")


def main():
    args = argparse.ArgumentParser()
    args.add_argument("site")
    args.add_argument("--salve", default=str(ROOT / ".build" / "debug" / "salve"))
    args.add_argument("--screenshots", default=str(ROOT / ".build-tools" / "screenshots"))
    options = args.parse_args()
    os.makedirs(options.screenshots, exist_ok=True)
    servers = []
    browser = None
    with tempfile.TemporaryDirectory() as scratch:
        try:
            callout_site = build_callout_site(options.salve, scratch)
            sample, extra = serve(options.site), serve(callout_site)
            servers = [sample, extra]
            sample_base = f"http://127.0.0.1:{sample.server_address[1]}/"
            extra_base = f"http://127.0.0.1:{extra.server_address[1]}/"
            browser = Browser()
            checks = Checks(browser, options.screenshots)
            checks.layout(sample_base, "home", "")
            checks.layout(sample_base, "article", "articles/ldn-fibromyalgia/")
            checks.layout(sample_base, "faq", "faqs/ldn/")
            # The Spanish part of the sample site: its own words, the language switch in the header.
            checks.layout(sample_base, "es-home", "es/")
            checks.layout(sample_base, "es-faq", "es/faqs/ldn/")
            checks.faq(sample_base)
            search_page(checks, sample_base)
            checks.callouts(extra_base)
            checks.glossary(extra_base)
            if checks.axe is None:
                print("note: axe-selenium-python-nhsuk is not installed; accessibility audit skipped")
        finally:
            if browser:
                browser.quit()
            for server in servers:
                server.shutdown()
                server.server_close()
    print(f"screenshots in {options.screenshots}")
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
