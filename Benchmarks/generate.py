#!/usr/bin/env python3
"""Writes a deterministic synthetic knowledge base for benchmarks, as a Salve project and as a Hugo site.

    python3 Benchmarks/generate.py --pages 10000 --out .build-bench/kb-10000 [--no-hugo] [--own-conditions]

Mix and shape (the performance issue's spec): 60% articles of about 1,200 words with headings, lists,
links and bold text; 30% FAQ pages with 8 to 12 questions; 10% comparisons with 4 to 6 treatments.
Front matter follows Salve's content model. The same arguments always give the same bytes: seeded
random numbers, no clock, sorted iteration.

--own-conditions gives every page a condition of its own (as in rare-disease collections, where nearly every
page has its own condition page), for the scaling row of `make bench`.

Output:
    OUT/salve/   salve.yml, content/, templates/ (copied from the repository)
    OUT/hugo/    hugo.toml, content/, layouts/: the same pages with minimal templates (tables on)
    OUT/bodies/  the Markdown bodies alone, for the cmark-gfm lower bound
"""
import argparse
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WORDS = (
    "pain sleep fatigue muscle nerve brain signal doctor exercise therapy dose medicine trial study symptom "
    "flare rest walk stretch mood stress diet water heat cold joint morning evening week month help ease slow "
    "gentle steady plan record talk ask start stop change keep body mind day night people often some many most "
    "may can will should could not also when while because after before during about around with without "
    "your their this that these those research shows small large group daily weekly side effect benefit risk "
    "nurse pharmacist clinic visit test result blood scan treatment option choice support family work school"
).split()
SYLLABLES = ["ba", "lo", "mi", "ra", "tex", "dol", "pra", "zin", "fen", "ta", "ro", "vi", "cel", "mab", "ox"]
ENDINGS = ["ine", "ol", "ate", "ide", "one", "amab", "osis", "itis", "algia", "pathy"]


def made_up_name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)


def sentence(rng, extra=()):
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    for word in extra:
        words.insert(rng.randrange(len(words)), word)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences, links=()):
    parts = [sentence(rng) for _ in range(sentences)]
    if links:
        parts[rng.randrange(len(parts))] += " See [%s](%s)." % links[rng.randrange(len(links))]
    if rng.random() < 0.5:
        i = rng.randrange(len(parts))
        words = parts[i].split(" ")
        j = rng.randrange(len(words) - 1)
        words[j] = "**" + words[j] + "**"
        parts[i] = " ".join(words)
    return " ".join(parts)


def yaml_list(items):
    return "[" + ", ".join(items) + "]"


class Corpus:
    def __init__(self, pages, seed, own_conditions=False):
        self.rng = random.Random(seed)
        self.own_conditions = own_conditions
        self.conditions = sorted({made_up_name(self.rng).capitalize() for _ in range(60)})
        self.treatments = sorted({made_up_name(self.rng).capitalize() for _ in range(240)})
        self.kinds = [("articles" if n % 10 < 6 else "faqs" if n % 10 < 9 else "comparisons") for n in range(pages)]
        self.paths = ["%s/page-%05d.md" % (kind, n) for n, kind in enumerate(self.kinds)]

    def link(self, rng, own_kind):
        path = rng.choice(self.paths)
        return ("page %s" % path.split("-")[-1][:-3], "../" + path if not path.startswith(own_kind) else path.split("/")[1])

    def front_matter(self, rng, n, kind, title):
        day = "2026-%02d-%02d" % (1 + n % 12, 1 + n % 28)
        conditions = rng.sample(self.conditions, rng.randint(1, 2))
        if self.own_conditions:
            conditions = ["Condition %05d" % n]
        lines = [
            "---",
            "title: \"%s\"" % title,
            "summary: %s" % sentence(rng),
            "last_reviewed: %s" % day,
            "reviewed_by: Dr. Sample Reviewer %d, MD" % (n % 40),
            "conditions: %s" % yaml_list(conditions),
            "also_called: %s" % yaml_list(rng.sample(WORDS, 2)),
            "tags: %s" % yaml_list(rng.sample(WORDS, 2)),
            "references:",
            "  - title: Study %d of %s" % (n, rng.choice(WORDS)),
            "    publisher: Journal of %s" % rng.choice(WORDS).capitalize(),
            "    year: %d" % (2000 + n % 26),
            "    url: https://example.org/study/%d" % n,
            "related:",
        ]
        lines += ["  - %s" % self.link(rng, kind)[1] for _ in range(rng.randint(1, 3))]
        return lines, conditions

    def page(self, n):
        rng = random.Random(n * 7919 + 17)
        kind = self.kinds[n]
        title = "%s and %s: page %d" % (rng.choice(WORDS).capitalize(), rng.choice(WORDS), n)
        lines, conditions = self.front_matter(rng, n, kind, title)
        links = [self.link(rng, kind) for _ in range(4)]
        treatments = rng.sample(self.treatments, rng.randint(4, 6) if kind == "comparisons" else rng.randint(0, 3))
        body = []
        if kind == "articles":
            lines += ["treatments:"] + ["  - name: %s\n    type: %s" % (t, rng.choice(["drug", "therapy"])) for t in treatments]
            body.append(paragraph(rng, 3, links))
            for section in range(7):
                body.append("## %s %s %d" % (rng.choice(WORDS).capitalize(), rng.choice(WORDS), section))
                body += [paragraph(rng, 5, links) for _ in range(2)]
                if section % 2 == 0:
                    body.append("\n".join("- " + sentence(rng) for _ in range(4)))
        elif kind == "faqs":
            lines += ["treatments: %s" % yaml_list(treatments)]
            body.append(paragraph(rng, 2))
            for question in range(rng.randint(8, 12)):
                body.append("## %s %s %s %d?" % (rng.choice(["Can", "Should", "How", "Why"]), rng.choice(WORDS),
                                                 rng.choice(WORDS), question))
                body.append(paragraph(rng, 3, links if question % 3 == 0 else ()))
        else:
            lines += ["criteria:", "  - key: mechanism", "    label: How it works", "  - key: benefits",
                      "    label: Possible benefits", "  - key: side_effects", "    label: Possible side effects",
                      "treatments:"]
            for t in treatments:
                lines += ["  - name: %s" % t, "    type: drug",
                          "    mechanism: %s" % sentence(rng),
                          "    benefits: %s" % yaml_list(rng.sample(WORDS, 3)),
                          "    side_effects: %s" % yaml_list(rng.sample(WORDS, 3))]
            body.append(paragraph(rng, 3, links))
            body.append("## Notes")
            body.append(paragraph(rng, 4))
        lines.append("---")
        markdown = "\n\n".join(body) + "\n"
        return kind, "\n".join(lines) + "\n" + markdown, markdown, title, conditions, treatments


def hugo_page(title, day, conditions, treatments, markdown, kind, rows):
    front = ["---", "title: \"%s\"" % title, "date: %s" % day, "conditions: %s" % yaml_list(conditions),
             "treatments: %s" % yaml_list(treatments), "---"]
    if kind == "comparisons":
        table = ["| Treatment | How it works | Possible benefits | Possible side effects |", "|---|---|---|---|"]
        table += ["| %s | %s | %s | %s |" % row for row in rows]
        markdown = "\n".join(table) + "\n\n" + markdown
    return "\n".join(front) + "\n" + markdown


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Synthetic knowledge base"
disableKinds = ["RSS"]
[taxonomies]
  condition = "conditions"
  treatment = "treatments"
[markup.goldmark.extensions]
  table = true
  strikethrough = true
  linkify = true
  taskList = true
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
                            "</head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}"
                          "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--own-conditions", action="store_true", help="a condition of its own for every page")
    args = parser.parse_args()

    shutil.rmtree(args.out, ignore_errors=True)
    salve = os.path.join(args.out, "salve")
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(salve, "templates"))
    write(os.path.join(salve, "salve.yml"),
          "title: Synthetic knowledge base\nbase_url: https://example.org/\nreview_interval_months: 36\n")
    corpus = Corpus(args.pages, args.seed, args.own_conditions)
    for n, path in enumerate(corpus.paths):
        kind, text, markdown, title, conditions, treatments = corpus.page(n)
        write(os.path.join(salve, "content", path), text)
        write(os.path.join(args.out, "bodies", path), markdown)
        if not args.no_hugo:
            rng = random.Random(n)
            rows = [(t, sentence(rng), ", ".join(rng.sample(WORDS, 3)), ", ".join(rng.sample(WORDS, 3))) for t in treatments]
            day = "2026-%02d-%02d" % (1 + n % 12, 1 + n % 28)
            write(os.path.join(args.out, "hugo", "content", path),
                  hugo_page(title, day, conditions, treatments, markdown, kind, rows))
    if not args.no_hugo:
        write(os.path.join(args.out, "hugo", "hugo.toml"), HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(args.out, "hugo", "layouts", name), text)


if __name__ == "__main__":
    main()
