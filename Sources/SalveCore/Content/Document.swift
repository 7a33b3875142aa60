// The typed content model: what a Markdown file with front matter means once parsed.

/// A value and the line (and column, when known) of the file it was written on.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var line: Int?
    public var column: Int?

    public init(_ value: Value, line: Int?, column: Int? = nil) {
        self.value = value
        self.line = line
        self.column = column
    }
}

public struct Reference: Sendable, Equatable {
    public var title: String
    public var publisher: String?
    public var year: String?
    public var url: String?
}

/// What kind of treatment a name stands for, as schema.org sees it.
public enum TreatmentKind: String, Sendable, Equatable, CaseIterable {
    case drug, therapy

    var schemaType: String { self == .drug ? "Drug" : "MedicalTherapy" }
}

/// Front matter shared by every kind of content.
public struct Metadata: Sendable, Equatable {
    public var title: String
    public var summary: String
    public var lastReviewed: Day
    public var reviewedBy: String
    public var nextReview: Day
    public var slug: String
    public var conditions: [String]
    /// Treatment names: front matter `treatments` for articles and FAQs, the table rows for comparisons.
    public var treatments: [String]
    /// Treatments whose kind the front matter gives (`- name: LDN` / `type: drug`).
    public var treatmentKinds: [String: TreatmentKind]
    public var alsoCalled: [String]
    public var tags: [String]
    public var references: [Reference]
    public var related: [Located<String>]
    public var draft: Bool
    /// Orders the page in listings: pages with a weight come first, lowest first, then the rest by title.
    public var weight: Int? = nil
    /// Earlier addresses of the page (`moved_from`), as site paths without the base path (`articles/old-name/`).
    public var movedFrom: [Located<String>] = []
    /// When the page's text last changed (`updated`), apart from its medical review.
    public var updated: Located<Day>? = nil
    /// What changed (`changes`), newest first.
    public var changes: [Change] = []

    /// The day shown as "Page last updated": `updated`, else the newest of `changes`.
    public var lastUpdated: Day? { updated?.value ?? changes.map(\.date).max() }
}

/// A comparison's table: treatments (rows) against criteria (columns).
public struct ComparisonTable: Sendable, Equatable {
    public struct Criterion: Sendable, Equatable {
        public var key: String
        public var label: String
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case list([String])
        case unknown
    }

    public struct Row: Sendable, Equatable {
        public var name: String
        public var kind: TreatmentKind?
        public var article: Located<String>?
        /// One cell per criterion, in the criteria's order.
        public var cells: [Cell]
        public var line: Int?
    }

    public var criteria: [Criterion]
    public var rows: [Row]
}

/// One content file, parsed and validated on its own.
///
/// The fields live in one shared, immutable box (copy on write): a document is copied into many arrays and
/// keys, and a struct of twenty strings and arrays costs twenty reference counts per copy; a box costs one, and two
/// copies of one document compare equal without reading their fields.
public struct Document: Sendable, Equatable {
    private var storage: Storage

    private final class Storage: Sendable {
        let kind: ContentKind
        let contentPath: String
        let sourcePath: String
        let metadata: Metadata
        let body: String
        let bodyLine: Int
        let table: ComparisonTable?
        let placeholders: [Located<String>]
        /// Made once: every step reads it for every page, and making it allocates.
        let sitePath: String

        init(kind: ContentKind, contentPath: String, sourcePath: String, metadata: Metadata, body: String,
             bodyLine: Int, table: ComparisonTable?, placeholders: [Located<String>])
        {
            self.kind = kind
            self.contentPath = contentPath
            self.sourcePath = sourcePath
            self.metadata = metadata
            self.body = body
            self.bodyLine = bodyLine
            self.table = table
            self.placeholders = placeholders
            sitePath = "\(kind.folder)/\(metadata.slug)/"
        }
    }

    public init(kind: ContentKind, contentPath: String, sourcePath: String, metadata: Metadata, body: String,
                bodyLine: Int, table: ComparisonTable?, placeholders: [Located<String>] = [])
    {
        storage = Storage(kind: kind, contentPath: contentPath, sourcePath: sourcePath, metadata: metadata, body: body,
                          bodyLine: bodyLine, table: table, placeholders: placeholders)
    }

    public var kind: ContentKind { storage.kind }
    /// Path under content/, with `/` separators (`articles/ldn.md`); links between files use it.
    public var contentPath: String { storage.contentPath }
    /// Path from the project root, for diagnostics (`content/articles/ldn.md`).
    public var sourcePath: String { storage.sourcePath }
    public var metadata: Metadata { storage.metadata }
    /// The Markdown body (emptied once rendered: the source is not needed after that).
    public var body: String {
        get { storage.body }
        set {
            storage = Storage(kind: kind, contentPath: contentPath, sourcePath: sourcePath, metadata: metadata,
                              body: newValue, bodyLine: bodyLine, table: table, placeholders: placeholders)
        }
    }
    /// The file line the body starts on, so Markdown lines map back to the file.
    public var bodyLine: Int { storage.bodyLine }
    public var table: ComparisonTable? { storage.table }
    /// Where the file still holds a `TODO` placeholder, as `salve new` writes them (value: the line's text).
    public var placeholders: [Located<String>] { storage.placeholders }

    /// Site path of the page, relative to the site root, always ending in `/`.
    public var sitePath: String { storage.sitePath }

    /// The same box: equal without reading a field (what a rebuild hands on from the last one).
    func isSame(as other: Document) -> Bool { storage === other.storage }

    public static func == (a: Document, b: Document) -> Bool {
        a.storage === b.storage
            || (a.kind == b.kind && a.contentPath == b.contentPath && a.sourcePath == b.sourcePath
                && a.metadata == b.metadata && a.body == b.body && a.bodyLine == b.bodyLine && a.table == b.table
                && a.placeholders == b.placeholders)
    }
}
