// The three kinds of content, each kept in its own folder under content/.

public enum ContentKind: String, Sendable, CaseIterable, Comparable {
    case article, faq, comparison

    /// The folder under content/ and under the site that holds this kind.
    public var folder: String {
        switch self {
        case .article: "articles"
        case .faq: "faqs"
        case .comparison: "comparisons"
        }
    }

    public var label: String {
        switch self {
        case .article: "Article"
        case .faq: "FAQ"
        case .comparison: "Comparison"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .article: "Articles"
        case .faq: "Questions and answers"
        case .comparison: "Treatment comparisons"
        }
    }

    public init?(folder: String) {
        guard let kind = ContentKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    public static func < (lhs: ContentKind, rhs: ContentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
