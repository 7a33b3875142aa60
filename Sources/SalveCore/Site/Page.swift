// A content page once its Markdown is rendered: the unit every later stage works on.

/// A comparison table with its cells rendered to HTML and treatment links resolved.
public struct RenderedTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case html(String)
        case list([String])
        case unknown
    }

    public struct Row: Sendable, Equatable {
        public var name: String
        /// Root-relative URL of the treatment's article, when it has one.
        public var href: String?
        public var cells: [Cell]
    }

    public var columns: [String]
    public var rows: [Row]
}

public struct Page: Sendable, Equatable {
    public var document: Document
    public var body: RenderedMarkdown
    public var table: RenderedTable?

    public var kind: ContentKind { document.kind }
    public var metadata: Metadata { document.metadata }
    public var sitePath: String { document.sitePath }
}
