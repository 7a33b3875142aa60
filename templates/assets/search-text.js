// Text to search terms, exactly as Salve's Swift SearchText does it: tokenize, fold, drop stop words, stem.
// Tests/Search/parity.test.js checks this file against the vectors the Swift side writes.
import { STOP_WORDS as SPANISH_STOP_WORDS, stem as spanishStem } from "./search-spanish.js";

const STOP_WORDS = new Set(("a about above after again against all am an and any are aren't as at be because been " +
  "before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't " +
  "down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here " +
  "here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's " +
  "me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't " +
  "she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then " +
  "there there's these they they'd they'll they're they've this those through to too under until up very was " +
  "wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom " +
  "why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves").split(" "));

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;

/** Lowercase, compatibility-decomposed, combining marks removed, typographic apostrophes made plain. */
export function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Words as they are compared; see SearchText.tokens in Swift for the rules. */
export function tokens(text) {
  const chars = Array.from(fold(text));
  const out = [];
  let current = "";
  let lastIsDigit = false;
  const isLetter = (c) => c !== undefined && LETTER.test(c);
  const isDigit = (c) => c !== undefined && DIGIT.test(c);
  const flush = () => { if (current) out.push(current); current = ""; };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i], prev = chars[i - 1], next = chars[i + 1];
    if (isLetter(c) || isDigit(c)) {
      const digit = isDigit(c);
      if (current && lastIsDigit !== digit) flush();
      current += c;
      lastIsDigit = digit;
    } else if (c === "'" && isLetter(prev) && isLetter(next) && current) {
      current += c;
      lastIsDigit = false;
    } else if ((c === "." || c === ",") && isDigit(prev) && isDigit(next) && current) {
      if (c === ".") current += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

/**
 * Each language's stop words and stemmer, by the code search-index.json gives (an index without one is English).
 * Every language folds before stemming, so a word typed without accents is the same term.
 */
const LANGUAGES = {
  en: { stopWords: STOP_WORDS, stem },
  es: { stopWords: SPANISH_STOP_WORDS, stem: spanishStem },
};

/** The term for one token in `language` (a code, "en" by default), or null for a stop word. */
export function term(token, language = "en") {
  const pipeline = Object.hasOwn(LANGUAGES, language) ? LANGUAGES[language] : LANGUAGES.en;
  return pipeline.stopWords.has(token) ? null : pipeline.stem(token);
}

/** The terms stored for (and looked up for) a text in `language`. */
export function terms(text, language = "en") {
  return tokens(text).map((token) => term(token, language)).filter((t) => t !== null);
}

// The Snowball English (Porter2) stemmer, Snowball 3.1's rules; a twin of EnglishStemmer.swift.
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const VOWELS_WXY = new Set(["a", "e", "i", "o", "u", "y", "w", "x", "Y"]);
const VALID_LI = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);
const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
const EXCEPTIONS = new Map(Object.entries({
  skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli",
  singly: "singl", andes: "andes", atlas: "atlas", bias: "bias", cosmos: "cosmos", howe: "howe", news: "news",
  sky: "sky",
}));
const R1_PREFIXES = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"];
const STEP2 = [["anci", "ance"], ["enci", "ence"], ["ogi", "og"], ["li", ""], ["bli", "ble"], ["abli", "able"],
  ["alli", "al"], ["fulli", "ful"], ["lessli", "less"], ["ousli", "ous"], ["entli", "ent"], ["aliti", "al"],
  ["biliti", "ble"], ["iviti", "ive"], ["tional", "tion"], ["ational", "ate"], ["alism", "al"], ["ation", "ate"],
  ["ization", "ize"], ["izer", "ize"], ["ator", "ate"], ["iveness", "ive"], ["fulness", "ful"],
  ["ousness", "ous"], ["ogist", "og"]];
const STEP3 = [["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"],
  ["tional", "tion"], ["ational", "ate"], ["ful", ""], ["ness", ""]];
const STEP4 = ["ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "er", "ous",
  "ant", "ent", "ment", "ement"];

/** Stems one lowercase word; words of one or two letters are returned as they are. */
export function stem(word) {
  if (EXCEPTIONS.has(word)) return EXCEPTIONS.get(word);
  let w = Array.from(word);
  if (w.length < 3) return word;
  let foundY = false;
  const isVowel = (i) => VOWELS.has(w[i]);
  const ends = (s) => { const a = Array.from(s); return a.length <= w.length && w.slice(w.length - a.length).join("") === s; };
  const longest = (list) => {
    let best = null;
    for (const s of list) if (ends(s) && (best === null || Array.from(s).length > Array.from(best).length)) best = s;
    return best;
  };
  const replace = (count, text) => { w = w.slice(0, w.length - count).concat(Array.from(text)); };
  const shortSyllable = (end) => {
    if (end >= 3 && !VOWELS_WXY.has(w[end - 1]) && isVowel(end - 2) && !isVowel(end - 3)) return true;
    if (end === 2 && !isVowel(1) && isVowel(0)) return true;
    return end >= 4 && w.slice(end - 4, end).join("") === "past";
  };
  const vowelBefore = (length, skip = 0) => {
    const end = w.length - length - skip;
    for (let i = 0; i < end; i++) if (isVowel(i)) return true;
    return false;
  };

  // Prelude: an initial apostrophe goes; a y that acts as a consonant becomes Y.
  if (w[0] === "'") w.shift();
  if (w[0] === "y") { w[0] = "Y"; foundY = true; }
  for (let i = 1; i < w.length; i++) if (w[i] === "y" && isVowel(i - 1)) { w[i] = "Y"; foundY = true; }

  // Regions.
  let p1 = w.length, p2 = w.length;
  const joined = w.join("");
  const prefix = R1_PREFIXES.find((p) => joined.startsWith(p));
  const regionStart = (start) => {
    let i = start;
    while (i < w.length && !isVowel(i)) i++;
    while (i < w.length && isVowel(i)) i++;
    return i < w.length ? i + 1 : w.length;
  };
  if (prefix) {
    p1 = Array.from(prefix).length;
    p2 = regionStart(p1);
  } else {
    p1 = regionStart(0);
    p2 = regionStart(p1);
  }

  // Step 1a.
  let suffix = longest(["'", "'s'", "'s"]);
  if (suffix) w.length -= suffix.length;
  suffix = longest(["ied", "s", "ies", "sses", "ss", "us"]);
  if (suffix === "sses") replace(4, "ss");
  else if (suffix === "ied" || suffix === "ies") replace(3, w.length > 4 ? "i" : "ie");
  else if (suffix === "s" && w.length >= 2 && vowelBefore(1, 1)) w.pop();

  // Step 1b.
  step1b: {
    suffix = longest(["ed", "eed", "ing", "edly", "eedly", "ingly"]);
    if (!suffix) break step1b;
    const start = w.length - suffix.length;
    const before = w.slice(0, start).join("");
    if (suffix === "eed" || suffix === "eedly") {
      if (start >= p1 && !["succ", "proc", "exc"].includes(before)) replace(suffix.length, "ee");
      break step1b;
    }
    if (suffix === "ing") {
      if (["even", "cann", "inn", "earr", "herr", "out"].includes(before)) break step1b;
      if (start === 2 && w[1] === "y" && !isVowel(0)) { replace(4, "ie"); break step1b; }
    }
    if (!vowelBefore(suffix.length)) break step1b;
    w.length -= suffix.length;
    if (ends("at") || ends("bl") || ends("iz")) w.push("e");
    else if (longest(DOUBLES)) {
      if (!(w.length === 3 && ["a", "e", "o"].includes(w[0]))) w.pop();
    } else if (w.length === p1 && shortSyllable(w.length)) w.push("e");
  }

  // Step 1c.
  if (w.length >= 3 && (w[w.length - 1] === "y" || w[w.length - 1] === "Y") && !isVowel(w.length - 2)) {
    w[w.length - 1] = "i";
  }

  // Step 2.
  suffix = longest(STEP2.map((r) => r[0]));
  if (suffix && w.length - suffix.length >= p1) {
    const start = w.length - suffix.length;
    if (suffix === "ogi") { if (start > 0 && w[start - 1] === "l") replace(3, "og"); }
    else if (suffix === "li") { if (start > 0 && VALID_LI.has(w[start - 1])) w.length -= 2; }
    else replace(suffix.length, STEP2.find((r) => r[0] === suffix)[1]);
  }

  // Step 3.
  suffix = longest(STEP3.map((r) => r[0]));
  if (suffix && w.length - suffix.length >= p1) {
    if (suffix === "ative") { if (w.length - suffix.length >= p2) w.length -= suffix.length; }
    else replace(suffix.length, STEP3.find((r) => r[0] === suffix)[1]);
  }

  // Step 4.
  suffix = longest(STEP4);
  if (suffix && w.length - suffix.length >= p2) {
    const start = w.length - suffix.length;
    if (suffix !== "ion") w.length -= suffix.length;
    else if (start > 0 && (w[start - 1] === "s" || w[start - 1] === "t")) w.length -= suffix.length;
  }

  // Step 5.
  const last = w.length - 1;
  if (w[last] === "e") {
    if (last >= p2 || (last >= p1 && !shortSyllable(last))) w.pop();
  } else if (w[last] === "l") {
    if (last >= p2 && last > 0 && w[last - 1] === "l") w.pop();
  }

  const result = w.join("");
  return foundY ? result.replace(/Y/g, "y") : result;
}
