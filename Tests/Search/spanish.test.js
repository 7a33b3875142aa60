// Spanish search in the browser's code: search-spanish.js against PyPI snowballstemmer's Spanish stems
// (Tests/Fixtures/search/snowball-es.json), and a Spanish index that Swift built (Tests/Fixtures/search/spanish-site).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { fold, terms } from "../../templates/assets/search-text.js";
import { STOP_WORDS, stem } from "../../templates/assets/search-spanish.js";
import { SearchEngine, highlight } from "../../templates/assets/search-engine.js";

const fixtures = new URL("../Fixtures/search/", import.meta.url);
const reference = JSON.parse(readFileSync(new URL("snowball-es.json", fixtures), "utf8"));

// Folding takes accents away, so for a word whose Snowball stem depends on them (the fixture's "unaccented") the stem
// may be the one Snowball gives the word written without accents; for every other word it must be Snowball's.
test("the Spanish stemmer gives Snowball's stem, folded, for every reference word but those whose stem needs accents", () => {
  const words = Object.entries(reference.words);
  assert.ok(words.length > 3000);
  const wrong = [];
  let unaccented = 0;
  for (const [word, expected] of words) {
    const ours = stem(fold(word));
    if (ours === fold(expected)) continue;
    const plain = reference.unaccented[word];
    if (plain !== undefined && ours === fold(plain)) unaccented++;
    else wrong.push([word, ours, fold(expected), plain]);
  }
  assert.deepEqual(wrong.slice(0, 10), []);
  assert.ok(unaccented < words.length / 4);
});

test("Spanish terms match the Swift pipeline for every Spanish parity vector", () => {
  const cases = JSON.parse(readFileSync(new URL("parity-es.json", fixtures), "utf8"));
  assert.ok(cases.length > 3000);
  const wrong = cases.filter((c) => JSON.stringify(terms(c.text, "es")) !== JSON.stringify(c.terms));
  assert.deepEqual(wrong.slice(0, 10).map((c) => [c.text, terms(c.text, "es"), c.terms]), []);
  // Swift writes each of its stop words as a vector of its own: the two lists are the same words.
  const swiftStopWords = cases.filter((c) => c.terms.length === 0 && !c.text.includes(" ")).map((c) => c.text);
  assert.deepEqual([...STOP_WORDS].filter((w) => !swiftStopWords.includes(w)), []);
});

test("a Spanish text folds before stemming, so accents do not matter, and Spanish stop words go", () => {
  assert.deepEqual(terms("La medicación y las medicaciones", "es"), ["medic", "medic"]);
  assert.deepEqual(terms("medicacion", "es"), terms("medicación", "es"));
  assert.deepEqual(terms("¿Qué es la fibromialgia?", "es"), ["fibromialgi"]);
  assert.deepEqual(terms("the medicines"), ["medicin"]);
});

// The index Swift made of SpanishSearchTests.documents (SALVE_UPDATE_GOLDEN=1 swift test records it).
const engine = new SearchEngine(new URL("spanish-site/search-index.json", fixtures), async (url) =>
  JSON.parse(await readFile(fileURLToPath(url), "utf8")));
const FIBRO = "/es/articulos/fibromialgia/", MEDICATION = "/es/articulos/medicacion/", SLEEP = "/es/articulos/sueno/";
const queries = [
  ["medicacion", MEDICATION], ["medicación", MEDICATION], ["MEDICACIONES", MEDICATION], ["la medicacion", MEDICATION],
  ["fibromialgia", FIBRO], ["fibromalgia", FIBRO], ["fibromialgía", FIBRO], ["fibromyalgia", FIBRO],
  ["sueno", SLEEP], ["el sueño y el cansancio", SLEEP], ["dormir", SLEEP],
  ["¿puedo tomar ldn con opioides?", "/es/preguntas/ldn/#puedo-tomar-ldn-con-opioides"],
  ["naltrexona en dosis baja", "/es/preguntas/ldn/#puedo-tomar-ldn-con-opioides"],
  ["cuanto cuesta", "/es/preguntas/ldn/#cuanto-cuesta"],
];

for (const [query, first] of queries) {
  test(`the Spanish index finds ${first} first for "${query}"`, async () => {
    const { results, language } = await engine.search(query);
    assert.equal(language, "es");
    assert.equal(results[0]?.url, first, `got ${results.slice(0, 3).map((r) => r.url).join(", ")}`);
  });
}

test("snippets mark Spanish words by their Spanish terms", () => {
  const pieces = highlight("Tome la medicación con comida.", ["medic"], [], "es");
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ["medicación"]);
});
