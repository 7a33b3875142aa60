// What the article, FAQ and comparison templates see: the chrome plus `page`.

/// The root view of a content page.
public struct PageView: TemplateContext, Equatable {
    public var chrome: Chrome
    public var page: PageContent

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "page" ? .view(page) : chrome.templateValue(name)
    }
}

/// A content page's own values (`page.*`).
public struct PageContent: TemplateContext, Equatable {
    public var title: String
    public var summary: String
    public var kind: String
    /// The rendered Markdown body (before the first question on FAQ pages and comparisons).
    public var body: String
    /// "On this page": articles with more than one section; on FAQ pages, every question.
    public var toc: TableOfContents?
    public var reviewedBy: String
    /// "Reviewed by …" in the page's language.
    public var reviewedByLine: String
    public var lastReviewed: String
    public var lastReviewedISO: String
    public var nextReview: String
    public var nextReviewISO: String
    /// "Page last updated", when the front matter gives `updated` or `changes`.
    public var lastUpdated: String? = nil
    public var lastUpdatedISO: String? = nil
    /// What changed, newest first, when the front matter lists any.
    public var changes: ChangeList? = nil
    public var references: ReferenceList?
    public var related: RelatedPages?
    public var topics: Topics?
    /// Other names of the page's topic, comma-separated.
    public var alsoCalled: String?
    /// FAQ pages: each `##` question with its answer.
    public var questions: [Question]
    /// Comparisons: the sections after the table, as HTML.
    public var notes: String
    public var table: TableView?

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "title": .text(title)
        case "summary": .text(summary)
        case "kind": .text(kind)
        case "body": .text(body)
        case "toc": toc.map(TemplateValue.view)
        case "reviewed_by": .text(reviewedBy)
        case "reviewed_by_line": .text(reviewedByLine)
        case "last_reviewed": .text(lastReviewed)
        case "last_reviewed_iso": .text(lastReviewedISO)
        case "next_review": .text(nextReview)
        case "next_review_iso": .text(nextReviewISO)
        case "last_updated": lastUpdated.map(TemplateValue.text)
        case "last_updated_iso": lastUpdatedISO.map(TemplateValue.text)
        case "changes": changes.map(TemplateValue.view)
        case "references": references.map(TemplateValue.view)
        case "related": related.map(TemplateValue.view)
        case "topics": topics.map(TemplateValue.view)
        case "also_called": alsoCalled.map(TemplateValue.text)
        case "questions": .list(of: questions)
        case "notes": .text(notes)
        case "table": table.map(TemplateValue.view)
        default: nil
        }
    }
}

/// The links to a page's sections.
public struct TableOfContents: TemplateContext, Equatable {
    public struct Entry: TemplateContext, Equatable {
        public var text: String
        public var id: String

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "text": .text(text)
            case "id": .text(id)
            default: nil
            }
        }
    }

    public var entries: [Entry]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "entries" ? .list(of: entries) : nil
    }
}

/// A page's references, when it has any.
public struct ReferenceList: TemplateContext, Equatable {
    public struct Item: TemplateContext, Equatable {
        public var title: String
        public var publisher: String?
        public var year: String?
        /// Checked when the front matter was read: http, https, mailto or relative only.
        public var url: String?

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "publisher": publisher.map(TemplateValue.text)
            case "year": year.map(TemplateValue.text)
            case "url": url.map(TemplateValue.text)
            default: nil
            }
        }
    }

    public var items: [Item]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "items" ? .list(of: items) : nil
    }
}

/// A page's list of changes (`changes:` in the front matter).
public struct ChangeList: TemplateContext, Equatable {
    public struct Item: TemplateContext, Equatable {
        public var date: String
        public var dateISO: String
        public var text: String

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "date": .text(date)
            case "date_iso": .text(dateISO)
            case "text": .text(text)
            default: nil
            }
        }
    }

    public var items: [Item]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "items" ? .list(of: items) : nil
    }
}

/// Pages to read next, when there are any.
public struct RelatedPages: TemplateContext, Equatable {
    public var cards: [Card]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "cards" ? .list(of: cards) : nil
    }
}

/// The conditions and treatments a page is about, when it names any.
public struct Topics: TemplateContext, Equatable {
    public var conditions: TermLinks?
    public var treatments: TermLinks?

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "conditions": conditions.map(TemplateValue.view)
        case "treatments": treatments.map(TemplateValue.view)
        default: nil
        }
    }
}

/// Links to the pages of some conditions or treatments.
public struct TermLinks: TemplateContext, Equatable {
    public var links: [TermLink]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "links" ? .list(of: links) : nil
    }
}

/// A condition or treatment and the URL of its page.
public struct TermLink: TemplateContext, Equatable {
    public var name: String
    public var url: String

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "url": .text(url)
        default: nil
        }
    }
}

/// One question and its answer on a FAQ page.
public struct Question: TemplateContext, Equatable {
    public var question: String
    public var id: String
    /// The `<h2>` with its id.
    public var headingHTML: String
    public var html: String

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "question": .text(question)
        case "id": .text(id)
        case "heading_html": .text(headingHTML)
        case "html": .text(html)
        default: nil
        }
    }
}
