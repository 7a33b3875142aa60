// The build's way in: each page of the assembled site as a search document, then the index from those.

extension SearchIndex {
    /// The index of every page of `site` and every FAQ question, in `language`.
    public static func make(from site: Site, synonyms: Synonyms = .empty, language: SearchLanguage = .english,
                            threads: Int? = nil, updatable: Bool = true) -> SearchIndex
    {
        make(from: documents(of: site, threads: threads), synonyms: synonyms, language: language, threads: threads,
             updatable: updatable)
    }

    /// Each page's search document, in the site's page order.
    public static func documents(of site: Site, threads: Int? = nil) -> [SearchDocument] {
        site.pages.parallelMap(threads: threads) { SearchDocument($0, url: site.url($0.sitePath), kind: site.strings.kind($0.kind)) }
    }
}

extension SearchDocument {
    /// The document of one page, at `url` (root-relative, with the base path).
    /// - Parameter kind: the page's kind as the results show it, in the page's language.
    public init(_ page: Page, url: String, kind label: String? = nil) {
        let isFAQ = page.kind == .faq
        self.init(
            url: url, kind: page.kind, title: page.metadata.title, summary: page.metadata.summary,
            lastReviewed: page.metadata.lastReviewed.description, alsoCalled: page.metadata.alsoCalled,
            headings: page.body.headings.map(\.text),
            // A FAQ page's body is its answers, which are indexed as its questions.
            body: isFAQ ? "" : page.body.text,
            questions: isFAQ
                ? page.body.sections.map { Question(heading: $0.heading.text, anchor: $0.heading.id, answer: $0.text) } : [])
        kindLabel = label
    }
}
