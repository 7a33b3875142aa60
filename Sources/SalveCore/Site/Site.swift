// The assembled site: pages in a fixed order, their taxonomies, and the links between them.

public struct Site: Sendable {
    public var config: SiteConfig
    /// Pages sorted by kind, then title: the order of every listing and of the output.
    public var pages: [Page]
    public var conditions: [Term]
    public var treatments: [Term]
    /// For each page, the pages to show as related (indexes into `pages`).
    public var related: [[Int]]
    public var glossary: Glossary

    static let maxSuggested = 5

    /// Sorts pages, builds taxonomies and related links.
    static func assemble(config: SiteConfig, pages unsorted: [Page], glossary: Glossary = .empty) -> Site {
        // Sort keys made once per page, not twice per comparison. Within a kind, pages with a `weight` come
        // first (lowest first), then the rest by title, as in Hugo and Zola.
        let keys = unsorted.map {
            ($0.kind, $0.metadata.weight == nil ? 1 : 0, $0.metadata.weight ?? 0, $0.metadata.title.lowercased(), $0.sitePath)
        }
        let pages = unsorted.indices.sorted {
            let (a, b) = (keys[$0], keys[$1])
            return (a.0, a.1, a.2) != (b.0, b.1, b.2) ? (a.0, a.1, a.2) < (b.0, b.1, b.2) : (a.3, a.4) < (b.3, b.4)
        }.map { unsorted[$0] }
        let conditions = Term.collect(.conditions, from: pages) { $0.metadata.conditions }
        let treatments = Term.collect(.treatments, from: pages) { $0.metadata.treatments }
        let indexByPath = Dictionary(pages.enumerated().map { ($1.document.contentPath, $0) }, uniquingKeysWith: { a, _ in a })
        // Page -> its terms -> their pages, built once: scanning every term for every page was O(pages x terms).
        var termsOfPage = [[Int]](repeating: [], count: pages.count)
        let terms = conditions + treatments
        for (termIndex, term) in terms.enumerated() {
            for page in term.pages { termsOfPage[page].append(termIndex) }
        }
        let sharing = termsOfPage
        let related = Array(pages.indices).parallelMap { index in
            relatedPages(of: index, pages: pages, indexByPath: indexByPath, sharing: sharing[index].map { terms[$0].pages })
        }
        return Site(
            config: config, pages: pages, conditions: conditions, treatments: treatments, related: related,
            glossary: glossary)
    }

    /// Explicit `related` entries first, then pages sharing the most conditions and treatments.
    /// - Parameter sharing: the pages of each term this page names.
    private static func relatedPages(of index: Int, pages: [Page], indexByPath: [String: Int], sharing: [[Int]]) -> [Int] {
        let document = pages[index].document
        var chosen: [Int] = []
        for link in document.metadata.related {
            if case .success(.content(let path, _)) = LinkDestination.classify(link.value, from: document.contentPath),
                let target = indexByPath[path], target != index, !chosen.contains(target)
            {
                chosen.append(target)
            }
        }
        var shared: [Int: Int] = [:]
        for termPages in sharing {
            for other in termPages where other != index && !chosen.contains(other) {
                shared[other, default: 0] += 1
            }
        }
        return chosen + topSuggestions(shared)
    }

    /// The `maxSuggested` pages sharing the most terms, lowest index first among equals: a selection, not a sort,
    /// since a page can share a term with thousands of others.
    private static func topSuggestions(_ shared: [Int: Int]) -> [Int] {
        var best: [(page: Int, count: Int)] = []
        for (page, count) in shared {
            guard best.count < maxSuggested || (count, -page) > (best[best.count - 1].count, -best[best.count - 1].page)
            else { continue }
            let position = best.firstIndex { (count, -page) > ($0.count, -$0.page) } ?? best.count
            best.insert((page, count), at: position)
            if best.count > maxSuggested { best.removeLast() }
        }
        return best.map(\.page)
    }

    public func url(_ sitePath: String) -> String { config.basePath + Site.percentEncoded(sitePath) }

    public func absoluteURL(_ sitePath: String) -> String { config.baseURL + Site.percentEncoded(sitePath) }

    /// Site paths are ASCII except for term slugs in other scripts (`conditions/фибромиалгия/`), whose UTF-8
    /// bytes are percent-encoded so every href, sitemap and feed URL is a plain URL.
    static func percentEncoded(_ sitePath: String) -> String {
        guard !sitePath.utf8.allSatisfy({ $0 < 0x80 }) else { return sitePath }
        var encoded = ""
        for byte in sitePath.utf8 {
            if byte < 0x80 {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
