// The values each template sees. Dictionaries, not structs: swift-mustache reads them without reflection.

extension Site {
    /// Values every template sees: the site, the navigation, the page's title and URLs.
    func baseContext(sitePath: String, title: String, description: String, breadcrumbs: [(String, String?)])
        -> [String: Any]
    {
        let navigation: [(String, String)] = [
            ("Articles", "articles/"), ("Questions", "faqs/"), ("Comparisons", "comparisons/"),
            ("Conditions", "conditions/"), ("Treatments", "treatments/"),
        ]
        return [
            "site": [
                "title": config.title, "description": config.description, "language": config.language,
                "base": config.basePath, "disclaimer": config.disclaimer, "search_url": url("search/"),
                "has_glossary": !glossary.terms.isEmpty,
            ] as [String: Any],
            "nav": navigation.map { label, path in
                ["label": label, "url": url(path), "current": sitePath.hasPrefix(path)] as [String: Any]
            },
            "title": title,
            "head_title": sitePath.isEmpty ? config.title : "\(title) | \(config.title)",
            "description": description.isEmpty ? config.description : description,
            "canonical": absoluteURL(sitePath),
            "breadcrumbs": breadcrumbs.map { label, path in
                path.map { ["label": label, "url": url($0)] } ?? ["label": label]
            },
            "has_breadcrumbs": !breadcrumbs.isEmpty,
        ]
    }

    func card(_ index: Int) -> [String: Any] {
        let page = pages[index]
        return [
            "title": page.metadata.title, "url": url(page.sitePath), "summary": page.metadata.summary,
            "kind": page.kind.label, "last_reviewed": page.metadata.lastReviewed.longForm,
            "last_reviewed_iso": page.metadata.lastReviewed.description,
        ].droppingEmptyText
    }

    func termLinks(_ names: [String], _ taxonomy: Term.Taxonomy) -> [[String: Any]] {
        names.map { ["name": $0, "url": url("\(taxonomy.rawValue)/\(Slug.make($0))/")] }
    }

    /// The context of a content page (article, FAQ or comparison).
    func pageContext(_ index: Int) -> [String: Any] {
        let page = pages[index]
        let metadata = page.metadata
        var context = baseContext(
            sitePath: page.sitePath, title: metadata.title, description: metadata.summary,
            breadcrumbs: [("Home", ""), (page.kind.pluralLabel, page.kind.folder + "/"), (metadata.title, nil)])
        let toc = page.body.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] }
        var pageValues: [String: Any] = [
            "title": metadata.title, "summary": metadata.summary, "kind": page.kind.label,
            "body": page.body.html,
            "toc": toc, "has_toc": page.kind == .article && toc.count > 1,
            "reviewed_by": metadata.reviewedBy,
            "last_reviewed": metadata.lastReviewed.longForm, "last_reviewed_iso": metadata.lastReviewed.description,
            "next_review": metadata.nextReview.longForm, "next_review_iso": metadata.nextReview.description,
            "references": metadata.references.map { reference in
                [
                    "title": reference.title, "publisher": reference.publisher ?? "", "year": reference.year ?? "",
                    "url": reference.url ?? "",
                ].droppingEmptyText
            },
            "has_references": !metadata.references.isEmpty,
            "related": related[index].map(card),
            "has_related": !related[index].isEmpty,
            "conditions": termLinks(metadata.conditions, .conditions),
            "treatments": termLinks(metadata.treatments, .treatments),
            "has_terms": !(metadata.conditions.isEmpty && metadata.treatments.isEmpty),
            "has_conditions": !metadata.conditions.isEmpty,
            "has_treatments": !metadata.treatments.isEmpty,
            "also_called": metadata.alsoCalled.joined(separator: ", "),
        ].droppingEmptyText
        pageValues["questions"] = page.body.sections.map { section in
            ["question": section.heading.text, "id": section.heading.id, "heading_html": section.headingHTML,
             "html": section.html]
        }
        pageValues["notes"] = page.body.sections.map { $0.headingHTML + $0.html }.joined()
        if let table = page.table {
            pageValues["table"] = tableContext(table, caption: metadata.title)
        }
        context["page"] = pageValues
        context["json_ld"] = structuredData(for: index).scriptSafeJSON()
        return context
    }

    private func tableContext(_ table: RenderedTable, caption: String) -> [String: Any] {
        [
            "caption": caption,
            "columns": table.columns.map { ["label": $0] },
            "rows": table.rows.map { row in
                ([
                    "name": row.name, "url": row.href ?? "",
                    "cells": zip(table.columns, row.cells).map { column, cell in
                        switch cell {
                        case .html(let html): ["label": column, "html": html] as [String: Any]
                        case .list(let items): ["label": column, "is_list": true, "items": items.map { ["html": $0] }]
                        case .unknown: ["label": column, "unknown": true]
                        }
                    },
                ] as [String: Any]).droppingEmptyText
            },
        ]
    }

    /// A listing: a kind's pages, a condition's or treatment's pages, or an index of terms.
    func listContext(sitePath: String, title: String, intro: String, items: [[String: Any]],
                     breadcrumbs: [(String, String?)]) -> [String: Any]
    {
        var context = baseContext(sitePath: sitePath, title: title, description: intro, breadcrumbs: breadcrumbs)
        context["list"] = ["title": title, "intro": intro, "items": items, "empty": items.isEmpty] as [String: Any]
        context["json_ld"] = simplePageStructuredData(
            type: "CollectionPage", sitePath: sitePath, title: title, description: intro
        ).scriptSafeJSON()
        return context
    }

    func homeContext(latest: Int) -> [String: Any] {
        var context = baseContext(sitePath: "", title: config.title, description: config.description, breadcrumbs: [])
        let newest = pages.indices.sorted {
            (pages[$1].metadata.lastReviewed, pages[$0].metadata.title) < (pages[$0].metadata.lastReviewed, pages[$1].metadata.title)
        }
        context["home"] = [
            "conditions": conditions.map { ["name": $0.name, "url": url($0.sitePath)] },
            "treatments": treatments.map { ["name": $0.name, "url": url($0.sitePath)] },
            "latest": newest.prefix(latest).map(card),
        ] as [String: Any]
        context["json_ld"] = homeStructuredData().scriptSafeJSON()
        return context
    }

    /// The glossary page: every term A to Z, each with an anchor that pages link to.
    func glossaryContext() -> [String: Any] {
        var context = baseContext(
            sitePath: "glossary/", title: "Glossary",
            description: "Medical words used on this site, explained in plain language.",
            breadcrumbs: [("Home", ""), ("Glossary", nil)])
        var groups: [(String, [[String: Any]])] = []
        for term in glossary.terms {
            let letter = term.term.first.map { String($0).uppercased() } ?? "#"
            let entry: [String: Any] = [
                "term": term.term, "id": term.slug, "definition": term.definition,
                "also_called": term.alsoCalled.joined(separator: ", "),
            ].droppingEmptyText
            if groups.last?.0 == letter { groups[groups.count - 1].1.append(entry) } else { groups.append((letter, [entry])) }
        }
        context["letters"] = groups.map { letter, terms in ["letter": letter, "terms": terms] as [String: Any] }
        context["json_ld"] = glossaryStructuredData().scriptSafeJSON()
        return context
    }

    /// Every topic A to Z: the search page's content, which works without JavaScript.
    func searchContext() -> [String: Any] {
        var context = baseContext(
            sitePath: "search/", title: "Search", description: "Search all topics, or browse them A to Z.",
            breadcrumbs: [("Home", ""), ("Search", nil)])
        let sorted = pages.indices.sorted { pages[$0].metadata.title.lowercased() < pages[$1].metadata.title.lowercased() }
        var groups: [(String, [Int])] = []
        for index in sorted {
            let letter = pages[index].metadata.title.first.map { String($0).uppercased() } ?? "#"
            if groups.last?.0 == letter { groups[groups.count - 1].1.append(index) } else { groups.append((letter, [index])) }
        }
        context["topics"] = groups.map { letter, indexes in ["letter": letter, "items": indexes.map(card)] as [String: Any] }
        context["json_ld"] = simplePageStructuredData(
            type: "SearchResultsPage", sitePath: "search/", title: "Search", description: "Search all topics, or browse them A to Z."
        ).scriptSafeJSON()
        return context
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Mustache treats "" as true, so optional text is left out instead of passed empty.
    var droppingEmptyText: [String: Any] {
        filter { ($0.value as? String)?.isEmpty != true }
    }
}
