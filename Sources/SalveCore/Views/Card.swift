// A page (or a condition or treatment) as one item of a list: the fragment every listing shares.
import Synchronization

/// What `partials/card.mustache` sees. The same page's card is the same value on every listing, so the
/// template engine renders it once per build (`fragmentID`).
/// Its fields are boxed, as `Page`'s are: cards are copied onto every list and into every related-pages key.
public struct Card: TemplateContext, Equatable {
    private let storage: Storage

    private final class Storage: Sendable {
        let title: String, url: String, kind: String?, summary: String?, lastReviewed: String?, lastReviewedISO: String?
        let count: Int?
        /// Unique among every card the process makes: the card's `fragmentID`.
        let serial = Storage.made.add(1, ordering: .relaxed).newValue
        private static let made = Atomic<Int>(0)

        init(title: String, url: String, kind: String?, summary: String?, lastReviewed: String?,
             lastReviewedISO: String?, count: Int?)
        {
            (self.title, self.url, self.kind, self.summary) = (title, url, kind, summary)
            (self.lastReviewed, self.lastReviewedISO, self.count) = (lastReviewed, lastReviewedISO, count)
        }
    }

    public init(title: String, url: String, kind: String? = nil, summary: String? = nil, lastReviewed: String? = nil,
                lastReviewedISO: String? = nil, count: Int? = nil)
    {
        storage = Storage(title: title, url: url, kind: kind, summary: summary, lastReviewed: lastReviewed,
                          lastReviewedISO: lastReviewedISO, count: count)
    }

    public var title: String { storage.title }
    public var url: String { storage.url }
    /// "Article", "FAQ" or "Comparison"; nil for a condition or treatment on a term index.
    public var kind: String? { storage.kind }
    public var summary: String? { storage.summary }
    /// The review date written out ("14 September 2026") and as ISO 8601; nil for terms.
    public var lastReviewed: String? { storage.lastReviewed }
    public var lastReviewedISO: String? { storage.lastReviewedISO }
    /// How many pages a condition or treatment has; nil for pages.
    public var count: Int? { storage.count }

    /// The same box: equal without reading a field (what a rebuild hands on from the last one).
    func isSame(as other: Card) -> Bool { storage === other.storage }

    public static func == (a: Card, b: Card) -> Bool {
        a.storage === b.storage
            || (a.title == b.title && a.url == b.url && a.kind == b.kind && a.summary == b.summary
                && a.lastReviewed == b.lastReviewed && a.lastReviewedISO == b.lastReviewedISO && a.count == b.count)
    }

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

    /// The box's serial number, not the URL: a number is hashed at once, and reading it retains nothing (the URL's
    /// retain, on cards both threads render, was a fifth of the fragment memo's time).
    public var fragmentID: Int? { storage.serial }
}

extension Card: CustomReflectable {
    /// The fields, not the box: what `dump` and the template reference test see.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "title": title, "url": url, "kind": kind as Any, "summary": summary as Any,
            "lastReviewed": lastReviewed as Any, "lastReviewedISO": lastReviewedISO as Any, "count": count as Any,
        ], displayStyle: .struct)
    }
}
