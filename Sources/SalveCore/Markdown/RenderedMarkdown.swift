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
    /// The `##` heading itself, with its id and anchor link.
    public var headingHTML: String
    /// What follows the heading: the answer on a FAQ page.
    public var html: String
    public var text: String
}

/// A link or image target as written in Markdown, for checks that need the whole site.
public struct FoundLink: Sendable, Equatable {
    public var destination: LinkDestination
    public var line: Int
    /// 1-based column of the link's `[` (in characters), so a caret points at it on a line with several links.
    public var column: Int? = nil
    /// False for a link with no visible text, which screen readers announce as just "link".
    public var hasText: Bool
    /// The address as written in the file, for messages.
    public var written: String = ""
}

public struct RenderedMarkdown: Sendable, Equatable {
    /// The body (or, when split into sections, what comes before the first `##`).
    public var html: String
    public var headings: [Heading]
    /// Plain text of the body, for search and summaries.
    public var text: String
    public var sections: [Section]
    public var links: [FoundLink]
    /// Body prose for readability scores (no headings, tables or code).
    public var prose: String
}
