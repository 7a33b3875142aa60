// The generated pages that list other pages: one per kind, per condition and treatment, and their indexes.

/// A page that lists others, before templates turn it into HTML.
struct Listing: Sendable, Equatable {
    var sitePath: String
    var title: String
    var intro: String
    var items: [Int]
    /// Term index pages list terms, not pages.
    var terms: [Term]?
    var breadcrumbs: [(String, String?)]
    /// A condition's or treatment's glossary definition, when the glossary has its name.
    var definition: String? = nil

    static func == (a: Listing, b: Listing) -> Bool {
        a.sitePath == b.sitePath && a.title == b.title && a.intro == b.intro && a.items == b.items && a.terms == b.terms
            && a.definition == b.definition && a.breadcrumbs.elementsEqual(b.breadcrumbs, by: ==)
    }
}

extension Site {
    var listings: [Listing] {
        var definitions: [String: String] = [:]
        for entry in glossary.terms {
            for name in [entry.term] + entry.alsoCalled where definitions[name.lowercased()] == nil {
                definitions[name.lowercased()] = entry.definition
            }
        }
        var listings: [Listing] = ContentKind.allCases.map { kind in
            Listing(
                sitePath: kind.folder + "/", title: strings.text("list_\(kind.folder)_title"),
                intro: strings.text("list_\(kind.folder)_intro"),
                items: pages.indices.filter { pages[$0].kind == kind }, terms: nil,
                breadcrumbs: [(strings.text("breadcrumb_home"), ""), (strings.text("list_\(kind.folder)_title"), nil)])
        }
        for (taxonomy, terms) in [(Term.Taxonomy.conditions, conditions), (.treatments, treatments)] {
            listings.append(
                Listing(
                    sitePath: taxonomy.rawValue + "/", title: strings.text("nav_" + taxonomy.rawValue),
                    intro: strings.text("list_\(taxonomy.rawValue)_intro"),
                    items: [], terms: terms, breadcrumbs: [(strings.text("breadcrumb_home"), ""), (strings.text("nav_" + taxonomy.rawValue), nil)]))
            for term in terms {
                listings.append(
                    Listing(
                        sitePath: term.sitePath, title: term.name,
                        intro: strings.text("list_term_intro", ["name": Site.inSentence(term.name)]),
                        items: term.pages, terms: nil,
                        breadcrumbs: [(strings.text("breadcrumb_home"), ""), (strings.text("nav_" + taxonomy.rawValue), taxonomy.rawValue + "/"),
                                      (term.name, nil)],
                        definition: definitions[term.name.lowercased()]))
            }
        }
        return listings
    }

    /// A name as it reads inside a sentence: "Low-dose naltrexone" becomes "low-dose naltrexone", while
    /// abbreviations and names whose second letter is a capital ("LDN", "CBT") keep their case.
    static func inSentence(_ name: String) -> String {
        let letters = name.prefix(2)
        guard let first = letters.first, first.isUppercase, letters.count == 2, letters.last!.isLowercase else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// The newest review date among `items`, for the sitemap.
    func newestReview(of items: [Int]) -> Day? {
        items.map { pages[$0].metadata.lastReviewed }.max()
    }
}
