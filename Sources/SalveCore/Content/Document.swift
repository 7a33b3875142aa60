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
public struct Document: Sendable, Equatable {
    public var kind: ContentKind
    /// Path under content/, with `/` separators (`articles/ldn.md`); links between files use it.
    public var contentPath: String
    /// Path from the project root, for diagnostics (`content/articles/ldn.md`).
    public var sourcePath: String
    public var metadata: Metadata
    public var body: String
    /// The file line the body starts on, so Markdown lines map back to the file.
    public var bodyLine: Int
    public var table: ComparisonTable?
    /// Where the file still holds a `TODO` placeholder, as `salve new` writes them (value: the line's text).
    public var placeholders: [Located<String>] = []

    /// Site path of the page, relative to the site root, always ending in `/`.
    public var sitePath: String { "\(kind.folder)/\(metadata.slug)/" }
}
