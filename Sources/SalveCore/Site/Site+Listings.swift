// The generated pages that list other pages: one per kind, per condition and treatment, and their indexes.

/// A page that lists others, before templates turn it into HTML.
struct Listing {
    var sitePath: String
    var title: String
    var intro: String
    var items: [Int]
    /// Term index pages list terms, not pages.
    var terms: [Term]?
    var breadcrumbs: [(String, String?)]
}

extension Site {
    var listings: [Listing] {
        var listings: [Listing] = ContentKind.allCases.map { kind in
            Listing(
                sitePath: kind.folder + "/", title: kind.pluralLabel, intro: intro(for: kind),
                items: pages.indices.filter { pages[$0].kind == kind }, terms: nil,
                breadcrumbs: [("Home", ""), (kind.pluralLabel, nil)])
        }
        for (taxonomy, terms) in [(Term.Taxonomy.conditions, conditions), (.treatments, treatments)] {
            listings.append(
                Listing(
                    sitePath: taxonomy.rawValue + "/", title: taxonomy.label,
                    intro: "Browse every page by \(taxonomy == .conditions ? "condition" : "treatment").",
                    items: [], terms: terms, breadcrumbs: [("Home", ""), (taxonomy.label, nil)]))
            for term in terms {
                listings.append(
                    Listing(
                        sitePath: term.sitePath, title: term.name, intro: "Everything on this site about \(term.name).",
                        items: term.pages, terms: nil,
                        breadcrumbs: [("Home", ""), (taxonomy.label, taxonomy.rawValue + "/"), (term.name, nil)]))
            }
        }
        return listings
    }

    private func intro(for kind: ContentKind) -> String {
        switch kind {
        case .article: "Articles that answer common questions, reviewed by health professionals."
        case .faq: "Short answers to the questions people ask most."
        case .comparison: "Tables that compare treatments side by side."
        }
    }

    /// The newest review date among `items`, for the sitemap.
    func newestReview(of items: [Int]) -> Day? {
        items.map { pages[$0].metadata.lastReviewed }.max()
    }
}
