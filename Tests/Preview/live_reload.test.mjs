// The preview tab's reload decision (salveMustReload in Sources/SalvePreview/LiveReload.swift), run by node
// without a browser: a tab reloads when its page, a file it loads, or (at a missing address) the 404 page changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const swift = readFileSync(fileURLToPath(new URL("../../Sources/SalvePreview/LiveReload.swift", import.meta.url)), "utf8");
const literal = swift.match(/static let decision = #"""\n([\s\S]*?)\n\s*"""#/);
assert.ok(literal, "LiveReload.decision not found");
const source = literal[1].split("\n").map((line) => line.replace(/^ {8}/, "")).join("\n");
const { salveMustReload, salvePageFiles } = new Function(`${source}\nreturn { salveMustReload, salvePageFiles };`)();

const paths = (...list) => ({ paths: list });
const article = "/articles/sleep/";
const articleUses = ["/assets/style.3f9a1c2e.css", "/assets/theme.0a1b2c3d.js", "/media/bedroom.svg"];

test("a tab of one page does not reload when only another page changed", () => {
  assert.equal(salveMustReload(paths("comparisons/options/index.html"), article, articleUses, false), false);
});

test("a tab reloads when its own page was written or deleted", () => {
  assert.equal(salveMustReload(paths("articles/sleep/index.html", "sitemap.xml"), article, articleUses, false), true);
  assert.equal(salveMustReload(paths("articles/sleep/index.html"), "/articles/sleep", articleUses, false), true);
  assert.equal(salveMustReload(paths("index.html"), "/", [], false), true);
  assert.equal(salveMustReload(paths("index.html"), article, articleUses, false), false);
});

test("a tab reloads when a script or image it loads changed, not for files only other pages load", () => {
  assert.equal(salveMustReload(paths("media/bedroom.svg"), article, articleUses, false), true);
  assert.equal(salveMustReload(paths("assets/theme.0a1b2c3d.js"), article, articleUses, false), true);
  assert.equal(salveMustReload(paths("media/other.png", "feed.xml"), article, articleUses, false), false);
});

test("search index files concern only the search page, through its entry point", () => {
  const shards = paths("search-index.json", "search/terms/3.ab12cd34.json", "search/terms/3.0f0f0f0f.json");
  assert.equal(salveMustReload(shards, "/search/", ["/search-index.json", "/assets/search.1234abcd.js"], false), true);
  assert.equal(salveMustReload(shards, article, articleUses, false), false);
  assert.equal(salveMustReload(paths("search/terms/3.ab12cd34.json"), "/search/", ["/search-index.json"], false), false);
});

test("a tab at a missing address reloads when the 404 page or a page at its address appears", () => {
  assert.equal(salveMustReload(paths("404.html"), "/articles/gone/", [], true), true);
  assert.equal(salveMustReload(paths("articles/gone/index.html"), "/articles/gone/", [], true), true);
  assert.equal(salveMustReload(paths("404.html"), article, articleUses, false), false);
});

test("addresses map to the files that serve them, decoded", () => {
  assert.deepEqual(salvePageFiles("/"), ["index.html"]);
  assert.deepEqual(salvePageFiles("/articles/sleep/"), ["articles/sleep/index.html"]);
  assert.deepEqual(salvePageFiles("/articles/sleep"), ["articles/sleep", "articles/sleep/index.html"]);
  assert.deepEqual(salvePageFiles("/404.html"), ["404.html"]);
  assert.deepEqual(salvePageFiles("/articles/caf%C3%A9/"), ["articles/café/index.html"]);
  assert.deepEqual(salvePageFiles("/bad%E0%A4%A/"), ["bad%E0%A4%A/index.html"]);
});

test("when unsure, every tab reloads: all, no data, or data not understood", () => {
  for (const change of [{ all: true }, null, undefined, {}, { paths: "index.html" }, 42]) {
    assert.equal(salveMustReload(change, article, articleUses, false), true, JSON.stringify(change));
  }
});
