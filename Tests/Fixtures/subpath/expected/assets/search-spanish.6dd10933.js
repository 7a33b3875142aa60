// Spanish for search: the stop words and the Snowball Spanish stemmer on folded words, twins of Salve's Swift
// StopWords.spanish and SpanishStemmer (read the latter for why the suffix tables are folded and which are left out).

/** Folded Spanish function words: articles, prepositions, pronouns, conjunctions, forms of ser, estar and haber. */
export const STOP_WORDS = new Set(("el la los las lo un una unos unas al del a ante con contra de desde durante en " +
  "entre hacia hasta mediante para por segun sin sobre tras yo tu ti mi me te se si nos os le les vos usted ustedes " +
  "ella ellas ello ellos nosotros nosotras vosotros vosotras conmigo contigo consigo mis tus su sus nuestro nuestra " +
  "nuestros nuestras vuestro vuestra vuestros vuestras suyo suya suyos suyas mio mia mios mias tuyo tuya tuyos tuyas " +
  "este esta estos estas ese esa esos esas aquel aquella aquellos aquellas esto eso aquello otro otra otros otras " +
  "mismo misma mismos mismas cada algun alguno alguna algunos algunas todo toda todos todas y e o u ni pero sino " +
  "aunque porque pues que quien quienes cual cuales cuyo cuya cuando donde como cuanto cuanta cuantos cuantas mas " +
  "muy no tan tanto ser soy eres es somos sois son era eras eramos erais eran fui fuiste fue fuimos fueron sido " +
  "siendo sea seas seamos sean sera seran estar estoy estamos estan estaba estaban estuvo esten estando haber he " +
  "has ha hemos han hay habia habian habido hubo haya hayan habra habria habiendo").split(" "));

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const table = (words) => words.split(" ").sort((a, b) => b.length - a.length);
const PRONOUNS = table("me se sela selo selas selos la le lo las les los nos");
const PRONOUN_HOSTS = table("ando iendo yendo ar er ir");
const STANDARD = [
  ["delete", "anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas amiento " +
    "amientos imiento imientos"],
  ["deleteIC", "adora ador acion adoras adores aciones ante antes ancia ancias"],
  ["log", "logia logias"], ["u", "ucion uciones"], ["ente", "encia encias"], ["amente", "amente"],
  ["mente", "mente"], ["idad", "idad idades"], ["iv", "iva ivo ivas ivos"],
].flatMap(([kind, words]) => words.split(" ").map((s) => [s, kind])).sort((a, b) => b[0].length - a[0].length);
const AFTER_AMENTE = table("ic ad os iv");
const AFTER_MENTE = table("ante able ible");
const AFTER_IDAD = table("ic abil iv");
const Y_VERB = table("ya ye yan yen yeron yendo yo yas yes yais yamos");
// Verb suffixes (Snowball's, folded, without the left-out ones); true for those that take a u after a g with them.
const VERBS = [
  ...table("en es emos").map((s) => [s, true]),
  ...table("ar er ir aremos eremos iremos areis ereis ireis ara aba ada ida iera ad ed id ase iese aste iste an " +
    "aban aran ieran asen iesen aron ieron ado ido ando iendo as abas adas idas aras ieras ases ieses abais " +
    "arais ierais aseis ieseis asteis isteis ados idos amos abamos aramos ieramos iesemos asemos imos").map((s) => [s, false]),
].sort((a, b) => b[0].length - a[0].length);
const RESIDUAL = table("os a o");

/** Stems one folded word (see fold in search-text.js). */
export function stem(word) {
  let w = Array.from(word);
  const n = w.length;
  const isVowel = (i) => VOWELS.has(w[i]);
  // Suffixes are ASCII, so suffix[k] is a letter, as w[i] is.
  const ends = (suffix, end = w.length, limit = 0) => {
    const start = end - suffix.length;
    if (start < limit) return false;
    for (let k = 0; k < suffix.length; k++) if (w[start + k] !== suffix[k]) return false;
    return true;
  };
  const longest = (list, end = w.length, limit = 0) => list.find((s) => ends(s, end, limit)) ?? null;
  const cut = (count) => { w.length -= count; };

  // Regions: RV after the next vowel when the second letter is a consonant, after the next consonant when the first
  // two are vowels, else after the third letter; R1 and R2 as in every Snowball stemmer.
  let pV = n, p1 = n, p2 = n;
  if (n >= 2) {
    let i = 2;
    if (isVowel(0) === isVowel(1)) {
      const wantVowel = !isVowel(1);
      while (i < n && isVowel(i) !== wantVowel) i++;
      if (i < n) pV = i + 1;
    } else if (isVowel(0)) {
      while (i < n && !isVowel(i)) i++;
      if (i < n) pV = i + 1;
    } else if (n > 2) {
      pV = 3;
    }
  }
  const regionStart = (start) => {
    let i = start;
    while (i < n && !isVowel(i)) i++;
    if (i >= n) return null;
    i++;
    while (i < n && isVowel(i)) i++;
    return i < n ? i + 1 : null;
  };
  const r1 = regionStart(0);
  if (r1 !== null) {
    p1 = r1;
    const r2 = regionStart(r1);
    if (r2 !== null) p2 = r2;
  }

  // Step 0: an attached pronoun.
  const pronoun = longest(PRONOUNS);
  if (pronoun) {
    const end = w.length - pronoun.length;
    const host = longest(PRONOUN_HOSTS, end);
    if (host) {
      const start = end - host.length;
      if (start >= pV && (host[0] !== "y" || (start > 0 && w[start - 1] === "u"))) cut(pronoun.length);
    }
  }

  // Step 1: standard suffixes; when none applies, the verb suffixes.
  const deleteInR2 = (suffix) => { if (ends(suffix, w.length, p2)) cut(suffix.length); };
  const deleteLongestInR2 = (list) => {
    const suffix = longest(list);
    if (suffix && w.length - suffix.length >= p2) cut(suffix.length);
  };
  const standard = () => {
    const found = STANDARD.find(([s]) => ends(s));
    if (!found) return false;
    const [suffix, kind] = found;
    if (w.length - suffix.length < (kind === "amente" ? p1 : p2)) return false;
    cut(suffix.length);
    if (kind === "deleteIC") deleteInR2("ic");
    else if (kind === "log") w.push("l", "o", "g");
    else if (kind === "u") w.push("u");
    else if (kind === "ente") w.push("e", "n", "t", "e");
    else if (kind === "amente") {
      const next = longest(AFTER_AMENTE);
      if (next && w.length - next.length >= p2) {
        cut(next.length);
        if (next === "iv") deleteInR2("at");
      }
    } else if (kind === "mente") deleteLongestInR2(AFTER_MENTE);
    else if (kind === "idad") deleteLongestInR2(AFTER_IDAD);
    else if (kind === "iv") deleteInR2("at");
    return true;
  };
  const yVerb = () => {
    if (w.length < pV) return false;
    const suffix = longest(Y_VERB, w.length, pV);
    if (!suffix) return false;
    const start = w.length - suffix.length;
    if (!(start > 0 && w[start - 1] === "u")) return false;
    cut(suffix.length);
    return true;
  };
  const verb = () => {
    if (w.length < pV) return;
    const found = VERBS.find(([s]) => ends(s, w.length, pV));
    if (!found) return;
    const [suffix, afterGU] = found;
    const start = w.length - suffix.length;
    cut(suffix.length);
    if (afterGU && start >= 2 && w[start - 1] === "u" && w[start - 2] === "g") cut(1);
  };
  if (!standard() && !yVerb()) verb();

  // Step 3: a last vowel (or os) in RV; an e after gu takes the u too when that is in RV.
  const residual = longest(RESIDUAL);
  if (residual) {
    if (w.length - residual.length >= pV) cut(residual.length);
  } else if (w[w.length - 1] === "e" && w.length - 1 >= pV) {
    cut(1);
    const u = w.length - 1;
    if (u >= 1 && w[u] === "u" && w[u - 1] === "g" && u >= pV) cut(1);
  }
  return w.join("");
}
