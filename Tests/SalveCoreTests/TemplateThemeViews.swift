// Realistic views for the default theme (templates/): pages with a long body, cards, listings, home, search.
import Foundation
import SalveCore

/// Builds the views the default theme's templates read, shaped like a real build's (names and types as
/// Sources/SalveCore/Templates/Site+Contexts.swift gives them), with text that needs escaping and non-ASCII text.
enum ThemeViews {
    static let kinds = ["Article", "Question and answer", "Comparison"]

    static func card(_ index: Int) -> TestView {
        var values: [String: TemplateValue] = [
            "title": .text("Does treatment \(index) help with “fibro fog” & sleep?"),
            "url": .text("/articles/topic-\(index)/"),
            "kind": .text(kinds[index % 3]),
            "last_reviewed": .text("\(1 + index % 28) March 2026"),
            "last_reviewed_iso": .text("2026-03-\(String(format: "%02d", 1 + index % 28))"),
        ]
        // Some cards have no summary: their {{#summary}} falls through to the enclosing views.
        if index % 7 != 0 {
            values["summary"] = .text("What the studies say about topic \(index): who it's for, the <b>risks</b> — and what's next.")
        }
        return TestView(values, fragmentID: index)
    }

    static func chrome(path: String, title: String, breadcrumbs: [(String, String?)]) -> [String: TemplateValue] {
        let nav: [(String, String)] = [
            ("Articles", "articles/"), ("Questions", "faqs/"), ("Comparisons", "comparisons/"),
            ("Conditions", "conditions/"), ("Treatments", "treatments/"),
        ]
        return [
            "site": .object([
                "title": .text("Fibromyalgia Facts"), "description": .text("Plain-language answers & reviewed facts"),
                "language": .text("en"), "base": .text("/"), "search_url": .text("/search/"),
                "disclaimer": .text("This information is for education; it doesn't replace your doctor's advice."),
                "has_glossary": .flag(true),
            ]),
            "nav": .views(nav.map { TestView(["label": .text($0.0), "url": .text("/\($0.1)"),
                                              "current": .flag(path.hasPrefix($0.1))]) }),
            "title": .text(title),
            "head_title": .text("\(title) | Fibromyalgia Facts"),
            "description": .text("A summary of \(title) for patients & carers."),
            "canonical": .text("https://example.org/\(path)"),
            "breadcrumbs": .views(breadcrumbs.map { label, url in
                TestView(url.map { ["label": .text(label), "url": .text($0)] } ?? ["label": .text(label)])
            }),
            "has_breadcrumbs": .flag(!breadcrumbs.isEmpty),
            "json_ld": .text(#"{"@context":"https://schema.org","@type":"MedicalWebPage","name":"\#(title)"}"#),
        ]
    }

    /// About 6 KB of body HTML, as a rendered Markdown article gives.
    static func body(_ index: Int) -> String {
        var html = ""
        for section in 0..<6 {
            html += "<h2 id=\"section-\(section)\">Section \(section) of page \(index)</h2>\n"
            html += "<p>Fibromyalgia causes widespread pain, tiredness and “fibro fog”. Low-dose naltrexone (LDN) "
                + "is taken at night; people say it&#39;s easier with food &amp; water. Ask your GP before you "
                + "change a dose — especially if you take opioids.</p>\n<ul>\n<li>Sleep: 7–9 hours</li>\n"
                + "<li>Exercise: start with 10 minutes</li>\n</ul>\n<p>Studies are small (n &lt; 100), so results "
                + "vary from person to person and from one month to the next.</p>\n"
        }
        return html
    }

    static func page(_ index: Int, template: String) -> TestView {
        let title = "Does treatment \(index) help with “fibro fog” & sleep?"
        var values = chrome(path: "articles/topic-\(index)/", title: title,
                            breadcrumbs: [("Home", "/"), ("Articles", "/articles/"), (title, nil)])
        var page: [String: TemplateValue] = [
            "title": .text(title), "summary": .text("What the studies say, who it's for, and the <risks>."),
            "kind": .text(kinds[index % 3]), "body": .text(body(index)),
            "toc": .views((0..<6).map { TestView(["text": .text("Section \($0)"), "id": .text("section-\($0)")]) }),
            "has_toc": .flag(template == "article"),
            "reviewed_by": .text("Dr. Ana O'Neil, rheumatologist"),
            "last_reviewed": .text("3 March 2026"), "last_reviewed_iso": .text("2026-03-03"),
            "next_review": .text("3 March 2029"), "next_review_iso": .text("2029-03-03"),
            "references": .views((0..<4).map { reference in
                var values: [String: TemplateValue] = ["title": .text("Trial \(reference) of LDN in fibromyalgia")]
                if reference % 2 == 0 { values["url"] = .text("https://doi.org/10.1000/\(reference)") }
                if reference != 3 { values["publisher"] = .text("Arthritis & Rheumatology") }
                if reference == 1 { values["year"] = .text("2021") }
                return TestView(values)
            }),
            "has_references": .flag(true),
            "related": .views((1...5).map { card(index + $0) }),
            "has_related": .flag(true),
            "conditions": .views([TestView(["name": .text("Fibromyalgia"), "url": .text("/conditions/fibromyalgia/")])]),
            "treatments": .views([TestView(["name": .text("Naltrexone"), "url": .text("/treatments/naltrexone/")])]),
            "has_terms": .flag(true), "has_conditions": .flag(true), "has_treatments": .flag(true),
        ]
        if index % 2 == 0 { page["also_called"] = .text("FMS, fibrositis") }
        if template == "faq" {
            page["questions"] = .views((0..<3).map {
                TestView(["heading_html": .text("<h2 id=\"q\($0)\">Question \($0)?</h2>"),
                          "html": .text("<p>Answer \($0) &amp; more.</p>")])
            })
        }
        if template == "comparison" {
            page["notes"] = .text("<p>Notes on the table.</p>")
            page["table"] = .object([
                "caption": .text(title),
                "columns": .views(["Evidence", "Side effects"].map { TestView(["label": .text($0)]) }),
                "rows": .views((0..<3).map { row in
                    TestView([
                        "name": .text("Treatment \(row)"),
                        "cells": .views([
                            TestView(["label": .text("Evidence"), "html": .text("<strong>Good</strong>")]),
                            row == 1 ? TestView(["label": .text("Side effects"), "unknown": .flag(true)])
                                : TestView(["label": .text("Side effects"), "is_list": .flag(true),
                                            "items": .views([TestView(["html": .text("Nausea")])])]),
                        ]),
                    ].merging(row == 0 ? ["url": .text("/treatments/t0/")] : [:]) { a, _ in a })
                }),
            ])
        }
        values["page"] = .view(TestView(page))
        return TestView(values)
    }

    static func listing(_ title: String, cards: [Int]) -> TestView {
        var values = chrome(path: "conditions/x/", title: title, breadcrumbs: [("Home", "/"), (title, nil)])
        values["list"] = .object([
            "title": .text(title), "intro": .text("Pages about \(title)."),
            "items": .views(cards.map(card)), "empty": .flag(cards.isEmpty),
        ])
        return TestView(values)
    }

    static func home(latest: [Int]) -> TestView {
        var values = chrome(path: "", title: "Fibromyalgia Facts", breadcrumbs: [])
        values["home"] = .object([
            "conditions": .views([TestView(["name": .text("Fibromyalgia"), "url": .text("/conditions/f/")])]),
            "treatments": .views([TestView(["name": .text("Naltrexone"), "url": .text("/treatments/n/")])]),
            "latest": .views(latest.map(card)),
        ])
        return TestView(values)
    }

    static func search(cards: [Int]) -> TestView {
        var values = chrome(path: "search/", title: "Search", breadcrumbs: [("Home", "/"), ("Search", nil)])
        let groups = Dictionary(grouping: cards) { $0 % 26 }.sorted { $0.key < $1.key }
        values["topics"] = .views(groups.map { letter, items in
            TestView(["letter": .text(String(UnicodeScalar(65 + letter)!)), "items": .views(items.map(card))])
        })
        return TestView(values)
    }

    static func glossary() -> TestView {
        var values = chrome(path: "glossary/", title: "Glossary", breadcrumbs: [("Home", "/"), ("Glossary", nil)])
        values["letters"] = .views(["A", "É"].map { letter in
            TestView(["letter": .text(letter), "terms": .views((0..<3).map { term in
                var values: [String: TemplateValue] = [
                    "term": .text("\(letter)term \(term)"), "id": .text("term-\(term)"),
                    "definition": .text("A word's meaning, in <plain> language & short."),
                ]
                if term == 1 { values["also_called"] = .text("other name") }
                return TestView(values)
            })])
        })
        return TestView(values)
    }

    /// Every default-theme template as a source, read from the repository's templates/ folder.
    static func themeTemplates() throws -> [String: String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../templates").standardized
        var templates: [String: String] = [:]
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
        for file in files {
            templates[String(file.dropLast(".mustache".count))] =
                try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return templates
    }
}
