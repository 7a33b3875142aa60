"""Writes snowball.json: word -> stem from PyPI snowballstemmer (the official Snowball-generated Python).

Run with `make snowball-fixture` (not part of make test). The words are the sample content's vocabulary,
common inflections of it, and words that exercise each rule and exception of the algorithm.
"""
import json, pathlib, re, snowballstemmer

root = pathlib.Path(__file__).resolve().parents[3]
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
