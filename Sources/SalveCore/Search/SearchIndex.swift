// The search index: every page and every FAQ question as a result, and each term's postings with BM25F scores.
import Foundation

/// The parts of a result that search looks at, strongest first.
public enum SearchField: Int, CaseIterable, Sendable {
    case title, alsoCalled, headings, summary, body

    /// How much a match here counts against a match in the body.
    var weight: Double {
        switch self {
        case .title, .alsoCalled: 6
        case .headings: 2.5
        case .summary: 2
        case .body: 1
        }
    }

    /// BM25's length normalisation: short fields (a title) are barely normalised, long ones fully.
    var lengthNormalisation: Double {
        switch self {
        case .title, .alsoCalled: 0.3
        case .headings, .summary, .body: 0.75
        }
    }
}

/// One thing a search can find: a page, or one question on a FAQ page (which links to its anchor).
public struct SearchResult: Sendable, Equatable {
    public var url: String
    /// Article, FAQ or Comparison; a FAQ question is a FAQ.
    public var kind: String
    public var title: String
    /// The text shown under the title, with matched words marked by the browser.
    public var snippet: String
    public var lastReviewed: String
    /// Text of each field, indexed by `SearchField.rawValue`.
    public var fields: [String]
    /// A multiplier on every score: a FAQ page is a list of questions that are results of their own,
    /// so it ranks a little below an article about the same thing.
    public var prior: Double = 1
}

/// A result containing a term, with the term's precomputed weight in that result.
public struct Posting: Sendable, Equatable {
    public var result: Int
    /// BM25F's term-frequency part (0 to k1 + 1) times 100, rounded, at least 1: whole numbers keep the
    /// JSON short. The browser multiplies it by the term's IDF, or, for synonyms, by the IDF of the word
    /// typed, so that a rare synonym does not outrank the word the patient asked for.
    public var score: Int
}

public struct SearchIndex: Sendable {
    /// Sorted by URL; a posting's `result` is an index into this.
    public var results: [SearchResult]
    /// Each term's postings, sorted by result. Very common terms keep only their best `maxPostings`.
    public var postings: [String: [Posting]]
    /// Each term's inverse document frequency times 100, rounded.
    public var idf: [String: Int]
    public var synonyms: Synonyms

    /// BM25 saturation: how quickly repeats of a word stop adding to the score.
    static let k1 = 3.0
    /// A word found in thousands of results keeps its best this many: a query never needs more to rank the top.
    static let maxPostings = 1000
    /// Snippets of FAQ answers are cut to about this many characters, at a word boundary.
    static let snippetLength = 200

    public static func make(from site: Site, synonyms: Synonyms = .empty, threads: Int? = nil) -> SearchIndex {
        let results = self.results(of: site)
        // Token counts per field per result, on every core; then each distinct token is stemmed once
        // (a site has thousands of distinct words but millions of words), and counts are merged by term.
        let tokenCounts: [[[String: Int]]] = results.parallelMap(threads: threads) { result in
            result.fields.map { text in
                var counts: [String: Int] = [:]
                for token in SearchText.tokens(text) { counts[token, default: 0] += 1 }
                return counts
            }
        }
        var distinct: Set<String> = []
        for fields in tokenCounts { for counts in fields { distinct.formUnion(counts.keys) } }
        let tokens = distinct.sorted()
        let termOf = Dictionary(uniqueKeysWithValues: zip(tokens, tokens.parallelMap(threads: threads) { SearchText.term($0) }))
        let counted: [[[String: Int]]] = tokenCounts.parallelMap(threads: threads) { fields in
            fields.map { counts in
                var terms: [String: Int] = [:]
                for (token, count) in counts {
                    if let term = termOf[token]! { terms[term, default: 0] += count }
                }
                return terms
            }
        }
        // Per result: each field's length in terms, and the terms found in any field.
        let lengths = counted.map { fields in fields.map { Double($0.values.reduce(0, +)) } }
        let termsOf = counted.map { fields in fields.reduce(into: Set<String>()) { $0.formUnion($1.keys) } }
        var averageLength = [Double](repeating: 0, count: SearchField.allCases.count)
        for fieldLengths in lengths {
            for (field, length) in fieldLengths.enumerated() { averageLength[field] += length }
        }
        averageLength = averageLength.map { Swift.max(1, $0 / Double(Swift.max(1, results.count))) }
        var resultsWith: [String: Int] = [:]
        for terms in termsOf { for term in terms { resultsWith[term, default: 0] += 1 } }

        var postings: [String: [Posting]] = [:]
        let total = Double(results.count)
        let idf = resultsWith.mapValues { found in
            Swift.max(1, Int((log(1 + (total - Double(found) + 0.5) / (Double(found) + 0.5)) * 100).rounded()))
        }
        for (index, fields) in counted.enumerated() {
            for term in termsOf[index].sorted() {
                var weighted = 0.0
                for field in SearchField.allCases {
                    guard let count = fields[field.rawValue][term] else { continue }
                    let b = field.lengthNormalisation
                    let norm = 1 - b + b * lengths[index][field.rawValue] / averageLength[field.rawValue]
                    weighted += field.weight * Double(count) / norm
                }
                let score = results[index].prior * weighted * (k1 + 1) / (weighted + k1)
                postings[term, default: []].append(Posting(result: index, score: Swift.max(1, Int((score * 100).rounded()))))
            }
        }
        for (term, list) in postings where list.count > maxPostings {
            let best = list.sorted { ($0.score, $1.result) > ($1.score, $0.result) }.prefix(maxPostings)
            postings[term] = best.sorted { $0.result < $1.result }
        }
        return SearchIndex(results: results, postings: postings, idf: idf, synonyms: synonyms)
    }

    /// Every page, then every FAQ question, sorted by URL.
    static func results(of site: Site) -> [SearchResult] {
        var results: [SearchResult] = []
        for page in site.pages {
            let metadata = page.metadata
            let url = site.url(page.sitePath)
            let lastReviewed = metadata.lastReviewed.description
            var fields = [String](repeating: "", count: SearchField.allCases.count)
            fields[SearchField.title.rawValue] = metadata.title
            fields[SearchField.alsoCalled.rawValue] = metadata.alsoCalled.joined(separator: "\n")
            fields[SearchField.headings.rawValue] = page.body.headings.map(\.text).joined(separator: "\n")
            fields[SearchField.summary.rawValue] = metadata.summary
            // A FAQ page's answers are results of their own; indexing them twice would let the page outrank them.
            fields[SearchField.body.rawValue] = page.kind == .faq ? "" : page.body.text
            results.append(SearchResult(url: url, kind: page.kind.label, title: metadata.title,
                                        snippet: metadata.summary, lastReviewed: lastReviewed, fields: fields,
                                        prior: page.kind == .faq ? 0.9 : 1))
            guard page.kind == .faq else { continue }
            for section in page.body.sections {
                var fields = [String](repeating: "", count: SearchField.allCases.count)
                fields[SearchField.title.rawValue] = section.heading.text
                fields[SearchField.body.rawValue] = section.text
                results.append(SearchResult(url: url + "#" + section.heading.id, kind: page.kind.label,
                                            title: section.heading.text, snippet: shorten(section.text),
                                            lastReviewed: lastReviewed, fields: fields))
            }
        }
        return results.sorted { $0.url.utf8.lexicographicallyPrecedes($1.url.utf8) }
    }

    static func shorten(_ text: String) -> String {
        guard text.count > snippetLength else { return text }
        let cut = text.prefix(snippetLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
