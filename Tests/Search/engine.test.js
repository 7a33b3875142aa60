// search-engine.js on a small hand-made index with several term shards: shard lookup, prefixes across a
// shard boundary, typos with a wrong first letter, synonyms, and the highlighter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SearchEngine, editDistance, allowedTypos, highlight } from "../../templates/assets/search-engine.js";

// Three results; terms split over three shards starting at "", "fog" and "pain". Each file's name carries the
// hash that search-index.json lists for it (made up here: the engine only joins names).
const files = {
  "search-index.json": {
    version: 3,
    terms: { path: "search/terms/", first: ["cbt", "fog", "pain"], files: ["0c1d2e3f", "1a2b3c4d", "2f3e4d5c"] },
    results: { path: "search/results/", count: 3, chunk: 2, files: ["9a8b7c6d", "5e4f3a2b"] },
    words: { path: "search/words/", lengths: [3, 4, 5, 8, 9], files: ["33aa33aa", "44bb44bb", "55cc55cc", "88dd88dd", "99ee99ee"] },
    synonyms: [[["ldn"], ["low", "dose", "naltrexon"]]],
  },
  "search/terms/0.0c1d2e3f.json": { cbt: [200, 2, 300], dose: [100, 0, 250] },
  "search/terms/1.1a2b3c4d.json": { fog: [150, 1, 300], low: [80, 0, 250], ldn: [300, 1, 100], naltrexon: [200, 0, 300] },
  "search/terms/2.2f3e4d5c.json": { pain: [50, 0, 100, 1, 100], painkil: [250, 2, 200] },
  "search/results/0.9a8b7c6d.json": [["/a/", "Article", "Low-dose naltrexone", "Naltrexone at a low dose.", "2026-01-01"],
    ["/b/#fog", "FAQ", "What is fibro fog?", "Fog and pain.", "2026-02-01"]],
  "search/results/1.5e4f3a2b.json": [["/c/", "Comparison", "Painkillers and CBT", "Compared.", "2026-03-01"]],
  "search/words/3.33aa33aa.json": ["cbt", "fog", "ldn", "low"],
  "search/words/4.44bb44bb.json": ["dose", "pain"],
  "search/words/5.55cc55cc.json": [],
  "search/words/8.88dd88dd.json": [],
  "search/words/9.99ee99ee.json": ["naltrexon"],
};
const fetched = [];
const engine = new SearchEngine(new URL("https://example.org/health/search-index.json"), async (url) => {
  const path = url.pathname.replace("/health/", "");
  fetched.push(path);
  if (!(path in files)) throw new Error(`no ${path}`);
  return structuredClone(files[path]);
});

test("each term is looked up in the shard whose range holds it, under the site's sub-path", async () => {
  assert.deepEqual((await engine.search("cbt")).results.map((r) => r.url), ["/c/"]);
  assert.deepEqual((await engine.search("fog")).results.map((r) => r.url), ["/b/#fog"]);
  assert.deepEqual((await engine.search("pain")).results.map((r) => r.url), ["/a/", "/b/#fog"]);
  assert.ok(fetched.every((p) => p in files), "every URL stays under /health/");
});

test("a prefix is matched across every shard that can hold it", async () => {
  const found = await engine.search("pai", { typing: true });
  assert.deepEqual(found.results.map((r) => r.url), ["/c/", "/a/", "/b/#fog"]);
});

test("a synonym finds pages that use only the other name, multi-word names included", async () => {
  const found = await engine.search("LDN");
  assert.deepEqual(found.results.map((r) => r.url).sort(), ["/a/", "/b/#fog"]);
  assert.deepEqual(found.phrases, [["low", "dose", "naltrexon"]], "the other name is marked as a whole phrase");
  assert.deepEqual(found.terms, ["ldn"], "its words are not marked on their own");
});

test("a typo in the first letter is forgiven, within the allowed distance", async () => {
  assert.deepEqual((await engine.search("bain")).results.map((r) => r.url), ["/a/", "/b/#fog"]);
  assert.equal((await engine.search("bog")).total, 0, "three letters allow no typo");
  assert.equal(allowedTypos(3), 0);
  assert.equal(allowedTypos(4), 1);
  assert.equal(allowedTypos(8), 2);
  assert.equal(editDistance("naltrexon", "nalterxon", 2), 1, "a swap of two letters is one typo");
  assert.equal(editDistance("abc", "xyz", 1), 2, "over the maximum reports maximum + 1");
});

test("the highlighter marks words whose terms matched, and nothing is HTML", () => {
  assert.deepEqual(highlight("Side effects <b>of</b> LDN", ["effect", "ldn"]), [
    { text: "Side ", mark: false }, { text: "effects", mark: true }, { text: " <b>of</b> ", mark: false },
    { text: "LDN", mark: true },
  ]);
});
