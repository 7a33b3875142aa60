// The ids the default theme (templates/ and its scripts) and cmark-gfm put into pages, which ids made from
// content must not repeat: two elements with one id break links, labels and scripts.

enum ThemeIDs {
    /// Every literal `id="…"` in templates/ and the ids templates/assets/search.js creates.
    static let reserved: Set<String> = [
        "a-to-z", "comparison-caption", "conditions-heading", "home-search", "latest-heading", "main",
        "questions-heading", "references-heading", "related-heading", "results-heading", "search-page-form",
        "search-page-input", "search-results", "search-status", "search-texts", "site-search", "toc-heading", "treatments-heading",
    ]

    /// Families of ids: the glossary page's letters, glossary tooltips in pages, cmark-gfm's footnotes.
    static let reservedPrefixes = ["letter-", "glossary-tip-", "fn-", "fnref-"]

    static func isReserved(_ id: String) -> Bool {
        reserved.contains(id) || reservedPrefixes.contains { id.hasPrefix($0) }
    }
}
