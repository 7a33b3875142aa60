// What the search page shows for a result: the page a FAQ answer is on, further results after the first ones,
// and marks on whole words and whole synonym phrases only. A small hand-made index, then the sample site's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
import { SearchEngine, highlight } from "../../templates/assets/search-engine.js";

// Results in URL order, as Salve writes them; chunks of two, so a page and its answers span chunks. File names carry
// the hashes the entry point lists (made up here).
const files = {
  "search-index.json": {
    version: 3,
    terms: { path: "search/terms/", first: [""], files: ["0a0a0a0a"] },
    results: { path: "search/results/", count: 5, chunk: 2, files: ["1b1b1b1b", "2c2c2c2c", "3d3d3d3d"] },
    words: { path: "search/words/", lengths: [4], files: ["4e4e4e4e"] },
    synonyms: [],
  },
  "search/terms/0.0a0a0a0a.json": { pain: [100, 0, 100, 1, 100, 1, 100, 1, 100, 1, 100] },
  "search/results/0.1b1b1b1b.json": [["/a/", "Article", "Pain", "Pain.", "2026-01-01"],
    ["/faq/", "FAQ", "Pain questions and answers", "Pain.", "2026-01-01"]],
  "search/results/1.2c2c2c2c.json": [["/faq/#one", "FAQ", "Question one?", "Pain.", "2026-01-01"],
    ["/faq/#two", "FAQ", "Question two?", "Pain.", "2026-01-01"]],
  "search/results/2.3d3d3d3d.json": [["/other/#three", "FAQ", "An answer whose page is not indexed", "Pain.", "2026-01-01"]],
  "search/words/4.4e4e4e4e.json": ["pain"],
};
const small = new SearchEngine(new URL("https://example.org/search-index.json"), async (url) => {
  const path = url.pathname.slice(1);
  if (!(path in files)) throw new Error(`no ${path}`);
  return structuredClone(files[path]);
});

test("a section's result names the page it is on, found across a chunk boundary", async () => {
  const { results } = await small.search("pain");
  const byURL = Object.fromEntries(results.map((r) => [r.url, r.page]));
  assert.deepEqual(byURL["/faq/#one"], { title: "Pain questions and answers", url: "/faq/" });
  assert.deepEqual(byURL["/faq/#two"], { title: "Pain questions and answers", url: "/faq/" });
  assert.equal(byURL["/other/#three"], null, "no page result before it: no page named");
  assert.equal(byURL["/a/"], undefined, "a whole page names no other page");
});

test("an offset gives the next results, in the same order as one longer list", async () => {
  const all = (await small.search("pain", { limit: 5 })).results.map((r) => r.url);
  const first = await small.search("pain", { limit: 2 });
  const next = await small.search("pain", { limit: 2, offset: 2 });
  const last = await small.search("pain", { limit: 2, offset: 4 });
  assert.equal(first.total, 5);
  assert.deepEqual([...first.results, ...next.results, ...last.results].map((r) => r.url), all);
});

test("a synonym phrase is marked only as a whole, never one of its words alone", () => {
  const phrases = [["low", "dose", "naltrexon"]];
  assert.deepEqual(highlight("Doctors often start low with LDN.", ["ldn"], phrases), [
    { text: "Doctors often start low with ", mark: false }, { text: "LDN", mark: true }, { text: ".", mark: false },
  ]);
  assert.deepEqual(highlight("Low-dose naltrexone is LDN.", ["ldn"], phrases), [
    { text: "Low-dose naltrexone", mark: true }, { text: " is ", mark: false }, { text: "LDN", mark: true },
    { text: ".", mark: false },
  ]);
});

test("whole words are marked by their stem, and no part of a word is", () => {
  assert.deepEqual(highlight("Fog, fogging and befogged", ["fog"]), [
    { text: "Fog", mark: true }, { text: ", ", mark: false }, { text: "fogging", mark: true },
    { text: " and befogged", mark: false },
  ]);
});

const site = process.env.SALVE_SEARCH_SITE ?? fileURLToPath(new URL("../../.build-tools/search-site/", import.meta.url));
const sample = new SearchEngine(pathToFileURL(site.replace(/\/?$/, "/") + "search-index.json"), async (url) =>
  JSON.parse(await readFile(fileURLToPath(url), "utf8")));

test("on the sample site, an LDN answer names its FAQ page and 'start low' keeps 'low' unmarked", async () => {
  const found = await sample.search("ldn", { limit: 100 });
  const dose = found.results.find((r) => r.url === "/faqs/ldn/#what-dose-of-ldn-is-used");
  assert.ok(dose, "the dose answer is found");
  assert.deepEqual(dose.page, { title: "Low-dose naltrexone (LDN) questions and answers", url: "/faqs/ldn/" });
  assert.match(dose.snippet, /start low/);
  const marked = found.results.flatMap((r) => highlight(r.snippet, found.terms, found.phrases))
    .filter((p) => p.mark).map((p) => p.text.toLowerCase());
  assert.ok(marked.includes("ldn"));
  assert.ok(!marked.includes("low") && !marked.includes("dose"), `marked alone: ${[...new Set(marked)]}`);
});
