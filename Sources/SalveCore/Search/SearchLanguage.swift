// The languages search can index: each with its stemmer and stop words; search-text.js picks the same by code.

/// The language of one search index: how its words are stemmed and which are too common to search for.
/// One index holds one language; `search-index.json` names it (only when it is not English, so English
/// indexes keep their bytes), and the browser picks the same pipeline from it.
public enum SearchLanguage: String, Sendable, Equatable, Hashable, CaseIterable {
    case english = "en"
    case spanish = "es"

    /// The language of a BCP 47 tag by its first subtag (`es`, `es-MX`, `ES_us`), or nil when search has no stemmer
    /// for it.
    public init?(code: String) {
        let primary = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        self.init(rawValue: primary)
    }

    /// The code written into `search-index.json` and read by search-engine.js.
    public var code: String { rawValue }

    /// Stems one folded token (see `SearchText.tokens`).
    public func stem(_ word: String) -> String {
        switch self {
        case .english: EnglishStemmer.stem(word)
        case .spanish: SpanishStemmer.stem(word)
        }
    }

    /// Folded function words that are not searched for.
    var stopWords: Set<String> {
        switch self {
        case .english: StopWords.english
        case .spanish: StopWords.spanish
        }
    }
}
