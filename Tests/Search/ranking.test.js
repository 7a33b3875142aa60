// Patient-style queries against the sample site's built index, each with the result that must come first.
// `make test` builds the sample site into .build-tools/search-site first (SALVE_SEARCH_SITE overrides it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
import { SearchEngine } from "../../templates/assets/search-engine.js";

const site = process.env.SALVE_SEARCH_SITE ?? fileURLToPath(new URL("../../.build-tools/search-site/", import.meta.url));
const fetched = [];
const engine = new SearchEngine(pathToFileURL(site.replace(/\/?$/, "/") + "search-index.json"), async (url) => {
  fetched.push(url.pathname);
  return JSON.parse(await readFile(fileURLToPath(url), "utf8"));
});

const LDN_FAQ = "/faqs/ldn/";
const LIVING = "/faqs/living-with-fibromyalgia/";
const expectations = [
  // Acronyms and other names
  ["LDN", "/articles/ldn-fibromyalgia/"],
  ["low dose naltrexone", "/articles/ldn-fibromyalgia/"],
  ["FMS", "/articles/understanding-fibromyalgia/"],
  ["fibro", "/articles/understanding-fibromyalgia/"],
  ["cbt", LIVING + "#what-is-cognitive-behavioral-therapy-cbt-and-can-it-help"],
  ["physio", "/articles/exercise-physical-therapy/"],
  ["cymbalta", "/comparisons/fibromyalgia-medicines/"],
  ["ldn questions", LDN_FAQ],
  // Lay words
  ["fibro fog", LIVING + "#what-is-fibro-fog-and-what-helps"],
  ["brain fog", LIVING + "#what-is-fibro-fog-and-what-helps"],
  ["tiredness", "/articles/sleep-and-fatigue/"],
  ["insomnia", "/articles/sleep-and-fatigue/"],
  ["boom and bust", "/articles/exercise-physical-therapy/"],
  ["feeling sad", LIVING + "#what-if-i-feel-sad-or-hopeless"],
  ["massage", LIVING + "#what-about-complementary-treatments-like-massage-or-acupuncture"],
  ["compare medicines", "/comparisons/fibromyalgia-medicines/"],
  // Misspellings
  ["naltrexon sid efects", "/articles/ldn-fibromyalgia/"],
  ["opiods", LDN_FAQ + "#can-i-take-ldn-with-opioid-pain-medicines"],
  ["fibromialgia", "/articles/understanding-fibromyalgia/"],
  ["ibromyalgia", "/articles/understanding-fibromyalgia/"],
  ["tierd all the time", "/articles/sleep-and-fatigue/"],
  ["accupuncture", LIVING + "#what-about-complementary-treatments-like-massage-or-acupuncture"],
  // Questions
  ["can i take ldn with opioids", LDN_FAQ + "#can-i-take-ldn-with-opioid-pain-medicines"],
  ["how much does ldn cost", LDN_FAQ + "#how-much-does-ldn-cost-and-will-insurance-pay-for-it"],
  ["is fibromyalgia real", LIVING + "#is-fibromyalgia-a-real-condition"],
  ["is it safe to exercise", LIVING + "#is-it-safe-to-exercise-when-i-hurt"],
  ["where can i get ldn", LDN_FAQ + "#where-can-i-get-ldn"],
  ["does ldn work", LDN_FAQ + "#does-ldn-work-for-everyone"],
  ["what are the side effects of ldn", LDN_FAQ + "#what-are-the-side-effects-of-ldn"],
  ["can i keep working", LIVING + "#can-i-keep-working-with-fibromyalgia"],
  ["is there a fibromyalgia diet", LIVING + "#is-there-a-special-fibromyalgia-diet"],
];

for (const [query, first] of expectations) {
  test(`"${query}" finds ${first} first`, async () => {
    const { results } = await engine.search(query);
    assert.equal(results[0]?.url, first, `got ${results.slice(0, 3).map((r) => r.url).join(", ")}`);
  });
}

test("at least 25 queries are checked", () => assert.ok(expectations.length >= 25));

test("while typing, the last word matches as a prefix; a finished word does not", async () => {
  const typing = await engine.search("naltr", { typing: true });
  assert.equal(typing.results[0]?.url, "/articles/ldn-fibromyalgia/");
  assert.equal((await engine.search("naltr")).total, 0);
});

test("exact matches rank above typo matches", async () => {
  // "pacing" stems to "pace", a word of the site; "packing" stems to "pack", which is not, one typo from "pace".
  const exact = await engine.search("pacing");
  const typo = await engine.search("packing");
  assert.ok(typo.total > 0, "packing is one typo from pacing");
  assert.ok(exact.results[0].score > typo.results[0].score);
});

test("a query of stop words only finds nothing", async () => {
  // An English index (its search-index.json names no language) searches in English.
  assert.deepEqual(await engine.search("what is the"), { total: 0, results: [], terms: [], phrases: [], language: "en" });
});

test("results carry kind, title, snippet and last reviewed date", async () => {
  const { results } = await engine.search("can i take ldn with opioids");
  assert.equal(results[0].kind, "FAQ");
  assert.equal(results[0].title, "Can I take LDN with opioid pain medicines?");
  assert.match(results[0].snippet, /opioid/i);
  assert.match(results[0].lastReviewed, /^\d{4}-\d{2}-\d{2}$/);
});

test("a one-word query fetches the entry point, one term shard and the result chunks it shows", async () => {
  const fresh = [];
  const counting = new SearchEngine(pathToFileURL(site.replace(/\/?$/, "/") + "search-index.json"), async (url) => {
    fresh.push(url.pathname.replace(/.*\/search/, "search"));
    return JSON.parse(await readFile(fileURLToPath(url), "utf8"));
  });
  await counting.search("insomnia", { limit: 1 });
  assert.equal(fresh.filter((p) => p.startsWith("search/terms/")).length, 1);
  assert.equal(fresh.filter((p) => p.startsWith("search/words/")).length, 0, "no typo lookup for a known word");
  assert.equal(fresh.filter((p) => p.startsWith("search/results/")).length, 1);
});
