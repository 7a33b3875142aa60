// The assembled site: pages in a fixed order, their taxonomies, and the links between them.
import Foundation

public struct Site: Sendable {
    public var config: SiteConfig
    /// Pages sorted by kind, then title: the order of every listing and of the output.
    public var pages: [Page]
    public var conditions: [Term]
    public var treatments: [Term]
    /// For each page, the pages to show as related (indexes into `pages`).
    public var related: [[Int]]
    public var glossary: Glossary
    /// The pages of the site's other languages that translate these (none for a site in one language).
    public var translations = Translations()
    /// The theme's words in the site's language.
    public var strings = UIStrings.english

    static let maxSuggested = 5

    /// Sorts pages, builds taxonomies and related links.
    static func assemble(config: SiteConfig, pages unsorted: [Page], glossary: Glossary = .empty) -> Site {
        Site(config: config, pages: unsorted, arrangement: arrange(unsorted.map(ArrangementInput.init)), glossary: glossary)
    }

    /// The order of the pages, their taxonomies and related links, from only what these read of each page.
    /// - Parameter last: the preview's last arrangement and what it was made from: the related pages of a page that
    ///   shares no condition or treatment with a changed page are taken from it (see `unaffected`).
    static func arrange(_ unsorted: [ArrangementInput], last: ArrangedFrom? = nil) -> Arrangement {
        var keys: [OrderKey] = []
        return arrange(unsorted, last: last, keys: &keys)
    }

    /// `arrange`, also giving each page's sort key, which the preview keeps for the next arrangement.
    static func arrange(_ unsorted: [ArrangementInput], last: ArrangedFrom?, keys: inout [OrderKey]) -> Arrangement {
        let order: [Int]
        (order, keys) = Self.order(unsorted, last: last)
        let pages = order.map { unsorted[$0] }
        let conditions = Term.collect(.conditions, from: pages) { $0.conditions }
        let treatments = Term.collect(.treatments, from: pages) { $0.treatments }
        let indexByPath = Dictionary(pages.enumerated().map { ($1.contentPath, $0) }, uniquingKeysWith: { a, _ in a })
        // Page -> its terms -> their pages, built once: scanning every term for every page was O(pages x terms).
        var termsOfPage = [[Int]](repeating: [], count: pages.count)
        let terms = conditions + treatments
        for (termIndex, term) in terms.enumerated() {
            for page in term.pages { termsOfPage[page].append(termIndex) }
        }
        let sharing = termsOfPage
        var related = [[Int]](repeating: [], count: pages.count)
        let kept = last.flatMap { unaffected(unsorted, order: order, terms: (conditions, treatments), termsOfPage: sharing, last: $0) }
        let redo = kept.map { kept in kept.indices.filter { kept[$0] == nil } } ?? Array(pages.indices)
        for (position, value) in (kept ?? []).enumerated() { if let value { related[position] = value } }
        // Each worker counts shared terms in one array it keeps for all its pages (a dictionary per page was most
        // of assembling a 10,000-page site).
        let found = redo.parallelMap(state: { SharedTerms(count: pages.count) }) { tally, page in
            relatedPages(of: page, pages: pages, indexByPath: indexByPath,
                         sharing: sharing[page].map { terms[$0].pages }, tally: &tally)
        }
        for (page, relatedToPage) in zip(redo, found) { related[page] = relatedToPage }
        return Arrangement(order: order, conditions: conditions, treatments: treatments, related: related)
    }

    /// The pages' order (indexes into `unsorted`) and sort keys. With the last arrangement of the same files, only
    /// the pages whose key changed move: each is taken out and put back where its new key goes, so a changed title
    /// costs a binary search, not a sort of every page.
    private static func order(_ unsorted: [ArrangementInput], last: ArrangedFrom?) -> ([Int], [OrderKey]) {
        guard let last, last.keys.count == unsorted.count,
            zip(last.inputs, unsorted).allSatisfy({ identical($0.contentPath, $1.contentPath) })
        else {
            let keys = unsorted.map(OrderKey.init)
            return (unsorted.indices.sorted { keys[$0] < keys[$1] }, keys)
        }
        var keys = last.keys
        var moved: [Int] = []
        for index in unsorted.indices where unsorted[index] != last.inputs[index] {
            let key = OrderKey(unsorted[index])
            if key != keys[index] {
                keys[index] = key
                moved.append(index)
            }
        }
        guard !moved.isEmpty else { return (last.arrangement.order, keys) }
        let leaving = Set(moved)
        var order = last.arrangement.order.filter { !leaving.contains($0) }
        for index in moved { order.insert(index, at: order.partitionPoint { keys[$0] < keys[index] }) }
        precondition(!verifiesSuspects || order == unsorted.indices.sorted { keys[$0] < keys[$1] },
                     "memo: the page order changed unnoticed")
        return (order, keys)
    }

    /// For each page (in site order), its related pages as the last arrangement had them, in this order's
    /// indexes; nil for the pages that must be worked out again. Nil when the site's files are not the same ones.
    ///
    /// A page's related pages read its own `related` entries, which pages share its terms, and the order of
    /// those pages (ties go to the earlier one). Only pairs with a changed page can change order, so a page that
    /// shares no term with a changed page, before or after the change, has the same related pages as before.
    private static func unaffected(_ unsorted: [ArrangementInput], order: [Int], terms: ([Term], [Term]),
                                   termsOfPage: [[Int]], last: ArrangedFrom) -> [[Int]?]?
    {
        guard last.inputs.count == unsorted.count,
              zip(last.inputs, unsorted).allSatisfy({ identical($0.contentPath, $1.contentPath) })
        else { return nil }
        let changed = unsorted.indices.filter { unsorted[$0] != last.inputs[$0] }
        var position = [Int](repeating: 0, count: order.count)
        for (index, page) in order.enumerated() { position[page] = index }
        var redo = Set<Int>()
        let all = terms.0 + terms.1
        let termBySlug = [Dictionary(terms.0.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a }),
                          Dictionary(terms.1.enumerated().map { ($1.slug, terms.0.count + $0) }, uniquingKeysWith: { a, _ in a })]
        for page in changed {
            redo.insert(position[page])
            // Its terms now, and those it had, by their pages now (an unchanged page's terms are as they were).
            var termIndexes = termsOfPage[position[page]]
            for (taxonomy, names) in [last.inputs[page].conditions, last.inputs[page].treatments].enumerated() {
                termIndexes += names.compactMap { termBySlug[taxonomy][Slug.make($0)] }
            }
            for term in termIndexes { redo.formUnion(all[term].pages) }
        }
        return last.arrangement.related.indices.reduce(into: [[Int]?](repeating: nil, count: order.count)) { kept, old in
            let page = position[last.arrangement.order[old]]
            guard !redo.contains(page) else { return }
            kept[page] = last.arrangement.related[old].map { position[last.arrangement.order[$0]] }
        }
    }

    /// Explicit `related` entries first, then pages sharing the most conditions and treatments.
    /// - Parameter sharing: the pages of each term this page names.
    private static func relatedPages(of index: Int, pages: [ArrangementInput], indexByPath: [String: Int],
                                     sharing: [[Int]], tally: inout SharedTerms) -> [Int]
    {
        let page = pages[index]
        var chosen: [Int] = []
        for link in page.related {
            if case .success(.content(let path, _)) = LinkDestination.classify(link.value, from: page.contentPath),
                let target = indexByPath[path], target != index, !chosen.contains(target)
            {
                chosen.append(target)
            }
        }
        for termPages in sharing {
            for other in termPages where other != index && !chosen.contains(other) { tally.add(other) }
        }
        defer { tally.reset() }
        return chosen + topSuggestions(tally.counted)
    }

    /// The `maxSuggested` pages sharing the most terms, lowest index first among equals: a selection, not a sort,
    /// since a page can share a term with thousands of others.
    private static func topSuggestions(_ shared: some Sequence<(Int, Int)>) -> [Int] {
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

/// An arrangement and the pages it was made from, which the preview keeps for the next one.
struct ArrangedFrom: Sendable {
    var inputs: [ArrangementInput]
    var arrangement: Arrangement
    /// Each input's sort key.
    var keys: [OrderKey]
    /// The documents the inputs were read from: an unchanged one's input is taken as it is.
    var documents: [Document] = []
}

/// What pages are sorted by: their kind; within a kind, pages with a `weight` first (lowest first), then the rest
/// by title ignoring case, as in Hugo and Zola; the address settles ties. Made once per page, not twice per
/// comparison.
struct OrderKey: Sendable, Comparable {
    var kind: ContentKind
    var unweighted: Bool
    var weight: Int
    var title: String
    var sitePath: String

    init(_ input: ArrangementInput) {
        kind = input.kind
        unweighted = input.weight == nil
        weight = input.weight ?? 0
        title = input.title.lowercased()
        sitePath = input.sitePath
    }

    static func < (a: OrderKey, b: OrderKey) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.unweighted != b.unweighted { return !a.unweighted }
        if a.weight != b.weight { return a.weight < b.weight }
        return (a.title, a.sitePath) < (b.title, b.sitePath)
    }
}

/// Where each page goes in the site and how pages are grouped and linked: all of `Site` but the pages themselves.
struct Arrangement: Sendable, Equatable {
    /// Indexes into the unsorted pages, in site order.
    var order: [Int]
    var conditions: [Term]
    var treatments: [Term]
    var related: [[Int]]
}

extension ArrangementInput {
    init(_ page: Page) { self.init(page.document) }

    init(_ document: Document) {
        let metadata = document.metadata
        self.init(
            kind: document.kind, weight: metadata.weight, title: metadata.title, contentPath: document.contentPath,
            sitePath: document.sitePath, conditions: metadata.conditions, treatments: metadata.treatments,
            related: metadata.related)
    }
}

extension Site {
    /// The site from its pages (in any order) and their arrangement.
    init(config: SiteConfig, pages unsorted: [Page], arrangement: Arrangement, glossary: Glossary) {
        self.init(
            config: config, pages: arrangement.order.map { unsorted[$0] }, conditions: arrangement.conditions,
            treatments: arrangement.treatments, related: arrangement.related, glossary: glossary)
    }
}

/// How many terms each other page shares with the page at hand: counts in an array indexed by page, and the pages
/// touched, so starting the next page costs only what this one touched.
struct SharedTerms {
    private var counts: [Int32]
    private var touched: [Int] = []

    init(count: Int) { counts = [Int32](repeating: 0, count: count) }

    mutating func add(_ page: Int) {
        if counts[page] == 0 { touched.append(page) }
        counts[page] += 1
    }

    var counted: [(Int, Int)] { touched.map { ($0, Int(counts[$0])) } }

    mutating func reset() {
        for page in touched { counts[page] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
}

extension Site {
    /// Lets every page's HTML go once the pages are written: the search index, the sitemap and the feed read none.
    mutating func forgetRenderedHTML() {
        // Handed over, so each page's old HTML is freed on the worker that made its copy without.
        var written = pages
        pages = []
        pages = written.parallelMapEmptying { $0.withoutHTML }
    }
}
