// Conditions and treatments: each name gets a page listing everything about it.
import Foundation

/// One condition or treatment and the pages that name it.
public struct Term: Sendable, Equatable {
    public enum Taxonomy: String, Sendable, CaseIterable {
        case conditions, treatments

        public var label: String { self == .conditions ? "Conditions" : "Treatments" }
        var singular: String { self == .conditions ? "condition" : "treatment" }
    }

    public var taxonomy: Taxonomy
    public var name: String
    /// Letters of any script are kept (`фибромиалгия`): the folder on disk has this UTF-8 name, URLs
    /// percent-encode it.
    public var slug: String
    /// Indexes into `Site.pages`, in page order.
    public var pages: [Int]

    public var sitePath: String { "\(taxonomy.rawValue)/\(slug)/" }
}

extension Term {
    /// Groups pages by the names in `names(page)`; names that differ only in case, accents or the spaces and
    /// hyphens between words share a term (`clashes` refuses any other two names with one slug).
    static func collect<Item>(_ taxonomy: Taxonomy, from pages: [Item], names: (Item) -> [String]) -> [Term] {
        var terms: [String: Term] = [:]
        // Thousands of pages name the same few terms: each name's slug is made once.
        var slugs: [String: String] = [:]
        for (index, page) in pages.enumerated() {
            for name in names(page) {
                let slug = slugs[name] ?? Slug.make(name)
                slugs[name] = slug
                guard !slug.isEmpty else { continue }
                if terms[slug] == nil { terms[slug] = Term(taxonomy: taxonomy, name: name, slug: slug, pages: []) }
                if terms[slug]!.pages.last != index { terms[slug]!.pages.append(index) }
            }
        }
        let found = Array(terms.values)
        let keys = found.map { ($0.name.lowercased(), $0.slug) }
        return found.indices.sorted { keys[$0] < keys[$1] }.map { found[$0] }
    }

    /// Names that would have no page (no letter or digit) and different names that would share one page
    /// (`C++` and `C`), one error each, on the later file in path order, naming the earlier one.
    static func clashes(in documents: [Document]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for taxonomy in Taxonomy.allCases {
            var first: [String: (name: String, path: String, line: Int?)] = [:]
            for document in documents.sorted(by: { $0.sourcePath < $1.sourcePath }) {
                let names = taxonomy == .conditions ? document.metadata.conditions : document.metadata.treatments
                for name in names {
                    // Comparison rows carry their line; front matter lists do not keep theirs.
                    let line = taxonomy == .treatments ? document.table?.rows.first { $0.name == name }?.line : nil
                    let slug = Slug.make(name)
                    guard !slug.isEmpty else {
                        diagnostics.append(.error(
                            document.sourcePath, line: line,
                            "the \(taxonomy.singular) \"\(name)\" has no letter or digit, so it cannot have a page",
                            fix: "write the \(taxonomy.singular)'s name in words"))
                        continue
                    }
                    guard let earlier = first[slug] else {
                        first[slug] = (name, document.sourcePath, line)
                        continue
                    }
                    // The same spelling again, on most pages that name a term, needs no Unicode folding.
                    guard earlier.name != name, identity(earlier.name) != identity(name) else { continue }
                    let place = earlier.path + (earlier.line.map { ":\($0)" } ?? "")
                    diagnostics.append(.error(
                        document.sourcePath, line: line,
                        "the \(taxonomy.singular) \"\(name)\" would share the page /\(taxonomy.rawValue)/\(slug)/ with \"\(earlier.name)\" (\(place))",
                        fix: "spell both the same way if they are one \(taxonomy.singular), or name them so they differ in letters or digits"))
                }
            }
        }
        return diagnostics
    }

    /// What makes two spellings one name: case, accents and the spaces, hyphens and underscores between words
    /// do not count; any other character does.
    private static func identity(_ name: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCanonicalMapping.lowercased().foldingDiacritics.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "-" || scalar == "_" {
                if key.last != "-" { key.append("-") }
            } else {
                key.append(scalar)
            }
        }
        return String(key)
    }
}
