"""Writes snowball.json and snowball-es.json: word -> stem from PyPI snowballstemmer (the official Snowball-generated
Python), in English and in Spanish.

Run with `make snowball-fixture` (not part of make test). The English words are the sample content's vocabulary,
common inflections of it, and words that exercise each rule and exception of the algorithm. The Spanish words are
spanish-words.txt expanded: plurals, the four forms of adjectives, regular verbs in every simple tense, and forms
written out by hand (irregular verbs, attached pronouns, diminutives, words with ñ and ü).
"""
import json, pathlib, re, sys, unicodedata, snowballstemmer

root = pathlib.Path(__file__).resolve().parents[3]
# The languages to write, from the command line (both by default): `english` follows the sample content, so it is
# rewritten only on purpose.
languages = sys.argv[1:] or ["english", "spanish"]


def write_english():
    stemmer = snowballstemmer.stemmer("english")
    words = set()
    for path in sorted((root / "content").rglob("*")):
        if path.suffix in (".md", ".yml"):
            words.update(re.findall(r"[a-z]+(?:'[a-z]+)*", path.read_text(encoding="utf-8").lower()))
    base = sorted(w for w in words if len(w) > 2)
    suffixes = ("s", "es", "ed", "ing", "ly", "ness", "ation", "ational", "ful", "less", "ity", "ize", "ization",
                       "er", "ers", "ment", "ments", "ive", "iveness", "al", "ally", "ous", "ousness", "ism", "ist")
    for i, w in enumerate(base):
        # Two suffixes per word, taken in turn, keep the fixture a few thousand words long.
        words.update({w + suffixes[i % len(suffixes)], w + suffixes[(i * 7 + 3) % len(suffixes)]})
        if w.endswith("e"):
            words.update({w[:-1] + "ing", w[:-1] + "ed"})
        if w.endswith("y"):
            words.update({w[:-1] + "ies", w[:-1] + "ied"})
    words.update("""
    skis skies dying lying tying idly gently ugly early only singly sky news howe atlas cosmos bias andes
    inning innings outing outings canning cannings herring herrings earring earrings proceed exceed succeed
    proceeding exceeded succeeds evening evenings generate generous general communism communication arsenic
    arsenal emergency emerge interest internal later lateral organ organic past pasted pasting university universe
    caress caresses ponies ties cries gas gaps kiwis agreed feed disagreed bled sing hopping hoping tanned
    falling hissing fizzed failing filing luxuriate hoped hopeful generously cry by say sayy yes ayyy yield
    youth happy happily consign consigned consigning consignment consist consisted consistency consistent
    knack knackeries knacks knave knaves abroad ebbing adding offing egging erring tap tapped hoped
    patient's patients' 'quoted o'brien don't can't it's fibro's
    """.split())
    pathlib.Path(__file__).with_name("snowball.json").write_text(
        json.dumps({w: stemmer.stemWord(w) for w in sorted(words)}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(len(words), "words")


# Spanish. Salve folds words (no accents, ñ as n, ü as u) before stemming, so that "medicacion" typed without accents
# finds "medicación"; its Spanish stemmer runs Snowball's rules on folded words with folded suffix tables. The tests
# check ours(fold(w)) == fold(snowball(w)) for every word, except that where Snowball's stem depends on the accents
# (it differs for the word written without them: "unaccented"), ours may be fold(snowball(fold(w))) instead, which
# folding cannot avoid: once folded, tenía and tenia are one word. LEFT_OUT says which folded suffixes the tables
# leave out, and why, which decides the reading for most of those words.


def fold(word):
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.category(c).startswith("M"))


def plural(noun):
    if noun[-1] in "aeiouáéó":
        return noun + "s"
    if noun.endswith("z"):
        return noun[:-1] + "ces"
    if noun.endswith("s") and not noun.endswith(("és",)):
        return noun  # crisis, análisis: the same in the plural
    # "-ción" -> "-ciones", "-ón" -> "-ones", "-és" -> "-eses": the accent goes when a syllable is added.
    for accented, plain in (("ón", "on"), ("és", "es"), ("án", "an"), ("ín", "in")):
        if noun.endswith(accented):
            return noun[: -len(accented)] + plain + "es"
    return noun + "es"


def soften(verb, ending):
    """A regular verb's stem before `ending`, with its spelling changes: busqué, pagué, empecé; protejo, proteja."""
    stem = verb[:-2]
    if verb.endswith("ar") and ending[:1] in ("e", "é"):
        for plain, soft in (("c", "qu"), ("g", "gu"), ("z", "c")):
            if stem.endswith(plain):
                return stem[: -len(plain)] + soft
    if verb.endswith(("ger", "gir")) and ending[:1] in ("a", "o"):
        return stem[:-1] + "j"
    return stem


AR = """o as a amos áis an aba abas ábamos abais aban é aste ó asteis aron aré arás ará aremos aréis arán aría arías
aríamos aríais arían e es emos éis en ara aras áramos arais aran ase ases ásemos aseis asen ando ado ada ados adas ar
ad""".split()
ER = """o es e emos éis en ía ías íamos íais ían í iste ió imos isteis ieron eré erás erá eremos eréis erán ería erías
eríamos eríais erían a as amos áis an iera ieras iéramos ierais ieran iese ieses iésemos ieseis iesen iendo ido ida
idos idas er ed""".split()
IR = """o es e imos ís en ía ías íamos íais ían í iste ió isteis ieron iré irás irá iremos iréis irán iría irías
iríamos iríais irían a as amos áis an iera ieras iéramos ierais ieran iese ieses iésemos ieseis iesen iendo ido ida
idos idas ir id""".split()
PRONOUNS = ("lo", "la", "le", "los", "las", "les", "se", "me", "nos")


def conjugate(verb, endings, accented):
    """Every simple tense, the infinitive with a pronoun (tomarlo) and the gerund with one (tomándolo)."""
    forms = {soften(verb, e) + e for e in endings}
    forms.update(verb + p for p in PRONOUNS[::2])
    forms.update(verb[:-2] + accented + p for p in PRONOUNS[::3])
    return forms


# Snowball's accented suffixes whose folded forms SpanishStemmer.swift leaves out of its tables, and why.
LEFT_OUT = {
    "ía ías ían íais íamos aría arías arían aríais aríamos ería erías erían eríais eríamos iría irías irían iríais iríamos":
        "folded, ia, ias and ian end the feminine of -io words (propia, diaria, farmacias), which would then stem "
        "apart from their masculine (propio); tenía is stemmed as Snowball stems tenia",
    "ís": "folded, is ends dosis, análisis, artritis: dosis would become dos (two)",
    "ió": "folded, io ends ejercicio, medio, servicio, whose plurals (-ios) would then stem apart",
    "erá erás erán irá irás irán aré eré iré":
        "folded, these end enfermera, cadera, espera, respira, quiere, prepare: espera would become esp",
    "áis éis": "folded, these are the tails of abrierais, abrieseis, which Snowball leaves whole when their longer "
               "suffix is not in RV",
    "í": "folded, a last i would be taken after ías has gone (alergias would become alerg, not alergi)",
    "ü": "folded, güe reads as gue, and Snowball drops the u of gue, gues, guen (averigüe becomes averig, "
         "not averigu)",
}


def write_spanish():
    spanish_words = set()
    section = None
    for line in (root / "Tests/Fixtures/search/spanish-words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.endswith(":"):
            section = line[:-1]
            continue
        for word in line.split():
            if section == "nouns":
                spanish_words.update({word, plural(word)})
            elif section == "adjectives":
                base = word[:-1]
                spanish_words.update({word, base + "a", base + "os", base + "as"} if word.endswith("o") else {word, plural(word)})
            elif section in ("verbs-ar", "verbs-er", "verbs-ir"):
                endings, accented = {"verbs-ar": (AR, "ándo"), "verbs-er": (ER, "iéndo"), "verbs-ir": (IR, "iéndo")}[section]
                spanish_words.update(conjugate(word, endings, accented))
            else:
                spanish_words.add(word)

    spanish = snowballstemmer.stemmer("spanish")
    words = {w: spanish.stemWord(w) for w in sorted(spanish_words)}
    unaccented = {w: spanish.stemWord(fold(w)) for w in sorted(spanish_words)
                  if fold(spanish.stemWord(fold(w))) != fold(words[w])}
    pathlib.Path(__file__).with_name("snowball-es.json").write_text(json.dumps({
        "about": "PyPI snowballstemmer 3.1.1, Spanish. words: word -> Snowball stem. unaccented: the words whose Snowball "
                 "stem changes when the word is written without accents, with that stem; Salve folds before stemming, "
                 "so for these it may give either (folded). left_out: the accented suffixes whose folded forms Salve's "
                 "tables leave out, and why.",
        "left_out": LEFT_OUT,
        "words": words,
        "unaccented": unaccented,
    }, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(len(words), "Spanish words,", len(unaccented), "whose stem depends on their accents")


if "english" in languages:
    write_english()
if "spanish" in languages:
    write_spanish()
