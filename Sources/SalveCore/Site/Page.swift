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

/// A page with its rendered Markdown. Like `Document`, its fields live in one shared box, so copies are cheap and
/// two copies of one page compare equal at once.
public struct Page: Sendable, Equatable {
    private let storage: Storage

    private final class Storage: Sendable {
        let document: Document
        let body: RenderedMarkdown
        let table: RenderedTable?

        init(document: Document, body: RenderedMarkdown, table: RenderedTable?) {
            self.document = document
            self.body = body
            self.table = table
        }
    }

    public init(document: Document, body: RenderedMarkdown, table: RenderedTable?) {
        storage = Storage(document: document, body: body, table: table)
    }

    public var document: Document { storage.document }
    public var body: RenderedMarkdown { storage.body }
    public var table: RenderedTable? { storage.table }

    public var kind: ContentKind { document.kind }
    public var metadata: Metadata { document.metadata }
    public var sitePath: String { document.sitePath }

    /// The same box: equal without reading a field (what a rebuild hands on from the last one).
    func isSame(as other: Page) -> Bool { storage === other.storage }

    public static func == (a: Page, b: Page) -> Bool {
        a.storage === b.storage || (a.document == b.document && a.body == b.body && a.table == b.table)
    }
}

extension Page {
    /// The page without its body's and sections' HTML, for the steps after the pages are written.
    var withoutHTML: Page {
        var body = self.body
        body.html = ""
        for index in body.sections.indices {
            body.sections[index].headingHTML = ""
            body.sections[index].html = ""
        }
        return Page(document: document, body: body, table: table)
    }
}
