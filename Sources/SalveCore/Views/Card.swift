// A page (or a condition or treatment) as one item of a list: the fragment every listing shares.

/// What `partials/card.mustache` sees. The same page's card is the same value on every listing, so the
/// template engine renders it once per build (`fragmentID`).
public struct Card: TemplateContext, Equatable {
    public var title: String
    public var url: String
    /// "Article", "FAQ" or "Comparison"; nil for a condition or treatment on a term index.
    public var kind: String?
    public var summary: String?
    /// The review date written out ("14 September 2026") and as ISO 8601; nil for terms.
    public var lastReviewed: String?
    public var lastReviewedISO: String?
    /// How many pages a condition or treatment has; nil for pages.
    public var count: Int?

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "title": .text(title)
        case "url": .text(url)
        case "kind": kind.map(TemplateValue.text)
        case "summary": summary.map(TemplateValue.text)
        case "last_reviewed": lastReviewed.map(TemplateValue.text)
        case "last_reviewed_iso": lastReviewedISO.map(TemplateValue.text)
        case "count": count.map(TemplateValue.number)
        default: nil
        }
    }

    public var fragmentID: String? { url }
}
