// search-text.js against the vectors Swift writes (Tests/Fixtures/search/parity.json) and Snowball's own stems.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { tokens, terms, stem } from "../../templates/assets/search-text.js";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../Fixtures/search/${name}`, import.meta.url), "utf8"));

test("tokens and terms match the Swift pipeline for every parity vector", () => {
  const cases = fixture("parity.json");
  assert.ok(cases.length > 3000);
  const wrong = cases.filter((c) => JSON.stringify(tokens(c.text)) !== JSON.stringify(c.tokens) ||
    JSON.stringify(terms(c.text)) !== JSON.stringify(c.terms));
  assert.deepEqual(wrong.slice(0, 10).map((c) => [c.text, tokens(c.text), terms(c.text)]), []);
});

test("the stemmer gives the official Snowball English stem for every reference word", () => {
  const reference = fixture("snowball.json");
  const wrong = Object.entries(reference).filter(([word, expected]) => stem(word) !== expected);
  assert.ok(Object.keys(reference).length > 3000);
  assert.deepEqual(wrong.slice(0, 10).map(([word, expected]) => [word, stem(word), expected]), []);
});
