// What indexing one document finds: its results, and for each the terms it holds and how often, field by field.

/// The per-document half of the index, a pure function of a `SearchDocument` (see `SearchAnalyzer`).
/// The index is assembled from these, so a page whose document did not change keeps its analysis.
public struct SearchAnalysis: Sendable, Equatable {
    /// One result with its term counts.
    public struct Result: Sendable, Equatable {
        public var result: SearchResult
        /// Each field's length in terms (stop words are not counted), by `SearchField.rawValue`.
        public var lengths: [Int]
        /// Every term found in any field, in the order of first appearance (title first, body last).
        public var terms: [String]
        /// `counts[i * SearchField.count + field.rawValue]`: how often `terms[i]` is in that field, at most 65,535
        /// (16 bits: a cold build holds a count per field for every term of every result, millions at 10,000 pages,
        /// and BM25F's term frequency has long levelled off before then).
        public var counts: [UInt16]
    }

    /// A page's own result first, then one per FAQ question, in page order (not yet sorted by URL).
    public var results: [Result]

    /// Analyses `document` in English with an analyzer of its own; to analyse many, keep one `SearchAnalyzer`.
    public init(_ document: SearchDocument) {
        self.init(document, language: .english)
    }

    /// Analyses `document` in `language` with an analyzer of its own.
    public init(_ document: SearchDocument, language: SearchLanguage) {
        var analyzer = SearchAnalyzer(language: language)
        self = analyzer.analyze(document)
    }

    init(results: [Result]) { self.results = results }
}

extension SearchDocument {
    /// The results this document makes, each with its fields' text by `SearchField.rawValue`.
    func results() -> [(result: SearchResult, fields: [String])] {
        var fields = [String](repeating: "", count: SearchField.count)
        fields[SearchField.title.rawValue] = title
        fields[SearchField.alsoCalled.rawValue] = alsoCalled.joined(separator: "\n")
        fields[SearchField.headings.rawValue] = headings.joined(separator: "\n")
        fields[SearchField.summary.rawValue] = summary
        // A FAQ page's answers are results of their own; indexing them twice would let the page outrank them.
        fields[SearchField.body.rawValue] = kind == .faq ? "" : body
        let label = kindLabel ?? kind.label
        var results = [(SearchResult(url: url, kind: label, title: title, snippet: summary, lastReviewed: lastReviewed,
                                     prior: kind == .faq ? 0.9 : 1), fields)]
        for question in questions {
            var fields = [String](repeating: "", count: SearchField.count)
            fields[SearchField.title.rawValue] = question.heading
            fields[SearchField.body.rawValue] = question.answer
            results.append((SearchResult(url: url + "#" + question.anchor, kind: label, title: question.heading,
                                         snippet: SearchIndex.shorten(question.answer), lastReviewed: lastReviewed),
                            fields))
        }
        return results
    }
}
