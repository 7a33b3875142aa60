// The search engine: reads Salve's sharded index (fetching only the files a query needs), expands synonyms,
// tolerates typos, ranks. No DOM here, so node --test runs it against a built site.
import { tokens, term } from "./search-text.js";

/** How much a candidate term counts, by how it matched the word the patient typed (a synonym is the same concept). */
const WEIGHT = { exact: 1, prefix: 0.8, synonym: 1, typo1: 0.5, typo2: 0.35 };
/** Typo candidates per word, closest first: enough for a misspelling, few enough to fetch little. */
const MAX_TYPO_CANDIDATES = 6;
const MAX_PREFIX_CANDIDATES = 12;

/** Edit distance with adjacent transpositions (optimal string alignment), or max + 1 once it is over max. */
export function editDistance(a, b, max) {
  a = Array.from(a); b = Array.from(b);
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2 = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length];
}

/** The typos a word of this many letters may have: none below 4 letters, 1 from 4, 2 from 8. */
export function allowedTypos(length) {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

export class SearchEngine {
  /**
   * @param {URL} entryURL where search-index.json is; every other file is relative to it.
   * @param {(url: URL) => Promise<any>} fetchJSON loads and parses one file.
   */
  constructor(entryURL, fetchJSON) {
    this.entryURL = entryURL;
    this.fetchJSON = fetchJSON;
    this.files = new Map();
  }

  load(path) {
    const url = new URL(path, this.entryURL);
    if (!this.files.has(url.href)) {
      const promise = this.fetchJSON(url);
      promise.catch(() => this.files.delete(url.href));
      this.files.set(url.href, promise);
    }
    return this.files.get(url.href);
  }

  async entry() {
    return this.load(this.entryURL.href);
  }

  /** Index of the term shard that holds `t`: the last shard whose first term is not after it. */
  shardOf(entry, t) {
    const first = entry.terms.first;
    let low = 0, high = first.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (first[mid] <= t) low = mid; else high = mid - 1;
    }
    return low;
  }

  /**
   * A file of the index by its number: `search-index.json` lists the hash in each file's name, so a page and
   * the index files it reads always come from one build.
   */
  file(part, number, position = number) {
    return this.load(`${part.path}${number}.${part.files[position]}.json`);
  }

  async shard(entry, index) {
    return this.file(entry.terms, index);
  }

  /**
   * A term's IDF and postings (a Map from result to its term-frequency weight), or null when the index
   * does not have the term.
   */
  async postings(entry, t) {
    const shard = await this.shard(entry, this.shardOf(entry, t));
    const list = Object.hasOwn(shard, t) ? shard[t] : null;
    if (!list) return null;
    const map = new Map();
    let result = 0;
    for (let i = 1; i < list.length; i += 2) {
      result += list[i];
      map.set(result, list[i + 1] / 100);
    }
    return { idf: list[0] / 100, map };
  }

  /** Terms that start with `prefix`, from the shards that can hold them. */
  async prefixed(entry, prefix) {
    const from = this.shardOf(entry, prefix), to = this.shardOf(entry, prefix + "\uffff");
    const found = [];
    for (let i = from; i <= to; i++) {
      const shard = await this.shard(entry, i);
      for (const t of Object.keys(shard)) if (t.startsWith(prefix) && found.length < MAX_PREFIX_CANDIDATES) found.push(t);
    }
    return found;
  }

  /** Index terms within the allowed typos of `t` (the first letter may differ too), closest first. */
  async typos(entry, t, max) {
    const length = Array.from(t).length;
    const lengths = entry.words.lengths.filter((l) => Math.abs(l - length) <= max);
    const lists = await Promise.all(lengths.map((l) => this.file(entry.words, l, entry.words.lengths.indexOf(l))));
    const found = [];
    for (const list of lists) {
      for (const word of list) {
        const distance = editDistance(t, word, max);
        if (distance > 0 && distance <= max) found.push([distance, word]);
      }
    }
    found.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    return found.slice(0, MAX_TYPO_CANDIDATES);
  }

  /**
   * The query as slots: each slot is one concept, with alternative phrases (synonyms), each phrase a list of
   * words. A word is { term, token, last } where `last` marks the word still being typed.
   */
  slots(entry, query, typing) {
    const words = [];
    const all = tokens(query);
    all.forEach((token, i) => {
      const t = term(token, languageOf(entry));
      if (t !== null) words.push({ term: t, token, last: typing && i === all.length - 1 });
    });
    const slots = [];
    let i = 0;
    while (i < words.length) {
      let match = null;
      for (const group of entry.synonyms) {
        for (const phrase of group) {
          const fits = phrase.length <= words.length - i && phrase.every((t, k) => words[i + k].term === t) &&
            !words[i + phrase.length - 1].last;
          if (fits && (!match || phrase.length > match.phrase.length)) match = { group, phrase };
        }
      }
      if (match) {
        const original = words.slice(i, i + match.phrase.length);
        const alternatives = [{ words: original, weight: 1 }];
        const seen = new Set([match.phrase.join(" ")]);
        for (const group of entry.synonyms) {
          if (!group.some((p) => p.join(" ") === match.phrase.join(" "))) continue;
          for (const phrase of group) {
            if (seen.has(phrase.join(" "))) continue;
            seen.add(phrase.join(" "));
            alternatives.push({ words: phrase.map((t) => ({ term: t, token: t, last: false, synonym: true })), weight: WEIGHT.synonym });
          }
        }
        slots.push(alternatives);
        i += match.phrase.length;
      } else {
        slots.push([{ words: [words[i]], weight: 1 }]);
        i += 1;
      }
    }
    return slots;
  }

  /** Candidate terms for one word, each with its weight: the exact term, prefixes while typing, typos. */
  async candidates(entry, word) {
    const found = [];
    const exact = await this.postings(entry, word.term);
    if (exact) found.push({ term: word.term, weight: WEIGHT.exact, postings: exact, exact: true });
    if (word.synonym) return found;
    if (word.last && Array.from(word.token).length >= 2) {
      const prefixes = new Set([...(await this.prefixed(entry, word.term)), ...(await this.prefixed(entry, word.token))]);
      for (const t of prefixes) {
        if (t === word.term) continue;
        found.push({ term: t, weight: WEIGHT.prefix, postings: await this.postings(entry, t), prefix: true });
      }
    }
    if (found.length === 0) {
      // Numbers get no typo tolerance (the word lists hold no numbers).
      const max = /\p{N}/u.test(word.token) ? 0 : allowedTypos(Array.from(word.token).length);
      if (max > 0) {
        for (const [distance, t] of await this.typos(entry, word.term, max)) {
          found.push({ term: t, weight: distance === 1 ? WEIGHT.typo1 : WEIGHT.typo2, postings: await this.postings(entry, t) });
        }
      }
    }
    return found;
  }

  /**
   * Searches. `typing` treats the last word as unfinished (prefix matches). Returns the number of results,
   * the `limit` results from `offset` with their data, and what to mark in snippets: `terms` (words that matched
   * on their own) and `phrases` (several-word synonyms, each word marked only inside the whole phrase, so "low"
   * of "low-dose naltrexone" is not marked in "start low" for the query "ldn"). A result that is a section of a
   * page (a FAQ answer) carries `page`: that page's { title, url }. `language` is the index's (to pass to highlight).
   */
  async search(query, { typing = false, limit = 10, offset = 0 } = {}) {
    const entry = await this.entry();
    const language = languageOf(entry);
    const slots = this.slots(entry, query, typing);
    if (slots.length === 0) return { total: 0, results: [], terms: [], phrases: [], language };
    const matchedTerms = new Set();
    const matchedPhrases = new Map();
    const coverage = new Map();
    const totals = new Map();
    for (const alternatives of slots) {
      // Every name in a synonym group is the same concept, so exact matches of any of them are weighed
      // with one IDF: the highest among them. Prefix and typo matches keep their own.
      const found = await Promise.all(alternatives.map((alternative) =>
        Promise.all(alternative.words.map((word) => this.candidates(entry, word)))));
      let slotIdf = 0;
      for (const words of found) for (const candidates of words) for (const c of candidates) {
        if (c.exact) slotIdf = Math.max(slotIdf, c.postings.idf);
      }
      const slotScores = new Map();
      alternatives.forEach((alternative, a) => {
        const sums = new Map();
        const phrase = alternative.words.length > 1 && alternative.words.every((w) => w.synonym);
        if (phrase && found[a].every((candidates) => candidates.some((c) => c.postings.map.size > 0))) {
          const terms = alternative.words.map((w) => w.term);
          matchedPhrases.set(terms.join(" "), terms);
        }
        for (const candidates of found[a]) {
          const best = new Map();
          for (const candidate of candidates) {
            const idf = candidate.exact ? slotIdf : candidate.postings.idf;
            for (const [result, weight] of candidate.postings.map) {
              const value = weight * idf * candidate.weight;
              if (value > (best.get(result) ?? 0)) best.set(result, value);
            }
            if (candidate.postings.map.size > 0 && !phrase) matchedTerms.add(candidate.term);
          }
          for (const [result, value] of best) sums.set(result, (sums.get(result) ?? 0) + value);
        }
        for (const [result, sum] of sums) {
          const value = (sum / alternative.words.length) * alternative.weight;
          if (value > (slotScores.get(result) ?? 0)) slotScores.set(result, value);
        }
      });
      for (const [result, value] of slotScores) {
        coverage.set(result, (coverage.get(result) ?? 0) + 1);
        totals.set(result, (totals.get(result) ?? 0) + value);
      }
    }
    // Results that match more of the query come first; then the higher score; then index order, for stable output.
    const ranked = [...totals.keys()].sort((a, b) =>
      coverage.get(b) - coverage.get(a) || totals.get(b) - totals.get(a) || a - b);
    const page = ranked.slice(offset, offset + limit);
    const results = await Promise.all(page.map(async (id) => {
      const [url, kind, title, snippet, lastReviewed] = await this.result(entry, id);
      const found = { id, url, kind, title, snippet, lastReviewed, score: totals.get(id) };
      if (url.includes("#")) found.page = await this.pageOf(entry, id, url.slice(0, url.indexOf("#")));
      return found;
    }));
    const phrases = [...matchedPhrases.keys()].sort().map((key) => matchedPhrases.get(key));
    return { total: ranked.length, results, terms: [...matchedTerms].sort(), phrases, language };
  }

  /** Result `id`'s data: [url, kind, title, snippet, lastReviewed]. */
  async result(entry, id) {
    const chunkSize = entry.results.chunk;
    return (await this.file(entry.results, Math.floor(id / chunkSize)))[id % chunkSize];
  }

  /**
   * The page a section result belongs to, or null. Results are numbered in URL order, and "#" sorts before
   * every character a path goes on with, so the page's own result comes just before its sections.
   */
  async pageOf(entry, id, pageURL) {
    for (let other = id - 1; other >= 0; other--) {
      const [url, , title] = await this.result(entry, other);
      if (url === pageURL) return { title, url };
      if (!url.startsWith(pageURL + "#")) return null;
    }
    return null;
  }
}

/** The index's language code: search-index.json names it unless it is English. */
function languageOf(entry) {
  return entry.language ?? "en";
}

/**
 * `text` cut into pieces to show, each { text, mark }. Whole words are marked, never parts of one: a word when it
 * gives one of `terms`, and a run of words when their terms are one of `phrases` in order (the run is one piece,
 * "low-dose naltrexone"). The caller makes text nodes and <mark> elements from these; nothing here is HTML. `language` is the code whose
 * pipeline made the terms (search's `language`).
 */
export function highlight(text, terms, phrases = [], language = "en") {
  const wanted = new Set(terms);
  // Every term of the text, with the word it came from: [term, start, end].
  const found = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}'\u2019]+/gu)) {
    for (const t of tokens(match[0]).map((token) => term(token, language))) {
      if (t !== null) found.push([t, match.index, match.index + match[0].length]);
    }
  }
  const spans = found.filter(([t]) => wanted.has(t)).map(([, start, end]) => [start, end]);
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= found.length; i++) {
      if (phrase.every((t, k) => found[i + k][0] === t)) spans.push([found[i][1], found[i + phrase.length - 1][2]]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pieces = [];
  let last = 0;
  for (const [start, end] of spans) {
    if (end <= last) continue;
    const from = Math.max(start, last);
    if (from > last) pieces.push({ text: text.slice(last, from), mark: false });
    if (from === last && pieces.length > 0 && pieces[pieces.length - 1].mark) {
      pieces[pieces.length - 1].text += text.slice(from, end);
    } else {
      pieces.push({ text: text.slice(from, end), mark: true });
    }
    last = end;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
  return pieces;
}

