#!/usr/bin/env python3
"""Write expected.json and words.json from paragraphs.json with textstat in Spanish.

Run it with the Python of the venv described in README.md:

    .build-tools/textstat-venv/bin/python Tests/Fixtures/readability-es/make_fixture.py

After textstat.set_lang("es"), textstat has no pronouncing dictionary (its cmudict
lookup is for English only), so every word's syllables are pyphen's hyphenation points
plus one, with pyphen's Spanish patterns (hyph_es.dic, left=2, right=2). This script
checks that mode before it writes anything, and forbids nltk.download so nothing is
fetched.

Outputs (keys sorted, 2-space indent, UTF-8, trailing newline; the same inputs and
package versions give the same bytes):
  expected.json  per text: words, sentences, syllables and both scores, unrounded,
                 exactly as textstat returns them
  words.json     every distinct word textstat saw (lowercased, as its syllable counter
                 sees it) with textstat's syllable count and pyphen's hyphenation
"""
from __future__ import annotations

import json
import platform
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANG = "es"


def load_texts() -> dict[str, str]:
    data = json.loads((HERE / "paragraphs.json").read_text(encoding="utf-8"))
    for key, value in data.items():
        if not isinstance(value, str):
            sys.exit(f"paragraphs.json: {key!r} is not a string")
    return data


def dump(path: Path, obj: object) -> None:
    path.write_text(
        json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def main() -> None:
    import nltk

    def no_download(*args, **kwargs):
        raise RuntimeError("nltk.download was called: textstat looked for cmudict in Spanish mode")

    nltk.download = no_download

    import textstat
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_cmudict, get_pyphen

    textstat.set_lang(LANG)
    if get_cmudict(LANG) is not None:
        sys.exit("textstat has a pronouncing dictionary for 'es': the mode below is wrong")
    pyphen = get_pyphen(LANG)
    import pyphen as pyphen_module

    dictionary = Path(str(pyphen_module.LANGUAGES[LANG])).name
    if (pyphen.left, pyphen.right) != (2, 2):
        sys.exit(f"pyphen margins are {pyphen.left}, {pyphen.right}, not 2, 2")
    # Every count must be pyphen's: hyphenation points plus one.
    for word, expected in {"medicamento": 5, "agua": 1, "día": 1, "fibromialgia": 4}.items():
        got = textstat.syllable_count(word)
        if got != expected or got != len(pyphen.positions(word)) + 1:
            sys.exit(f"syllable_count({word!r}) = {got}, expected {expected} from pyphen")

    versions = {name: metadata.version(name) for name in ("textstat", "pyphen", "nltk")}
    texts = load_texts()
    results = {}
    words: dict[str, dict[str, object]] = {}
    for name, text in texts.items():
        results[name] = {
            "words": textstat.lexicon_count(text, removepunct=True),
            "sentences": textstat.sentence_count(text),
            "syllables": textstat.syllable_count(text),
            "fernandez_huerta": textstat.fernandez_huerta(text),
            "szigriszt_pazos": textstat.szigriszt_pazos(text),
        }
        for word in list_words(text, lowercase=True):
            if word in words:
                continue
            words[word] = {
                "syllables": textstat.syllable_count(word),
                "hyphenated": pyphen.inserted(word),
            }

    mode = (
        f"lang {LANG} (set_lang); no pronouncing dictionary (textstat's cmudict is English only), "
        f"so syllables = pyphen {versions['pyphen']} {dictionary} hyphenation points + 1 "
        f"(left=2, right=2); lexicon_count removepunct=True; "
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
            "note": "syllables = textstat.syllable_count(word) with set_lang('es'); "
            "hyphenated = pyphen's hyphenation of the word, whose points textstat counts",
            "words": words,
        },
    )
    print(f"{len(results)} texts, {len(words)} distinct words; textstat {versions['textstat']}")


if __name__ == "__main__":
    main()
