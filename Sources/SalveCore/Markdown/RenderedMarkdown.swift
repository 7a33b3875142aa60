// What a Markdown body becomes: HTML plus the facts later stages need (headings, text, links).

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    /// GitHub-style id, unique in its page.
    public var id: String
    /// File line of the heading.
    public var line: Int
}

/// A part of a page that starts at a `##` heading: one question and its answer on a FAQ page.
public struct Section: Sendable, Equatable {
    public var heading: Heading
    public var html: String
    public var text: String
}

/// A link or image target as written in Markdown, for checks that need the whole site.
public struct FoundLink: Sendable, Equatable {
    public var destination: LinkDestination
    public var line: Int
}

public struct RenderedMarkdown: Sendable, Equatable {
    /// The body (or, when split into sections, what comes before the first `##`).
    public var html: String
    public var headings: [Heading]
    /// Plain text of the body, for search and summaries.
    public var text: String
    public var sections: [Section]
    public var links: [FoundLink]
}
