// Conditions and treatments: each name gets a page listing everything about it.

/// One condition or treatment and the pages that name it.
public struct Term: Sendable, Equatable {
    public enum Taxonomy: String, Sendable, CaseIterable {
        case conditions, treatments

        public var label: String { self == .conditions ? "Conditions" : "Treatments" }
    }

    public var taxonomy: Taxonomy
    public var name: String
    public var slug: String
    /// Indexes into `Site.pages`, in page order.
    public var pages: [Int]

    public var sitePath: String { "\(taxonomy.rawValue)/\(slug)/" }
}

extension Term {
    /// Groups pages by the names in `names(page)`; names that differ only in case or punctuation share a term.
    static func collect(_ taxonomy: Taxonomy, from pages: [Page], names: (Page) -> [String]) -> [Term] {
        var terms: [String: Term] = [:]
        for (index, page) in pages.enumerated() {
            for name in names(page) {
                let slug = HeadingIDs.slug(name)
                if terms[slug] == nil { terms[slug] = Term(taxonomy: taxonomy, name: name, slug: slug, pages: []) }
                if terms[slug]!.pages.last != index { terms[slug]!.pages.append(index) }
            }
        }
        return terms.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
