// One page as search sees it: the fields it indexes and shows, as a value of its own, apart from the assembled site.

/// What the index reads from one page. Two equal documents give equal analyses, so a caller can keep a
/// page's `SearchAnalysis` for as long as its document stays the same.
public struct SearchDocument: Sendable, Equatable {
    /// One question of a FAQ page, a result of its own that links to its anchor.
    public struct Question: Sendable, Equatable {
        public var heading: String
        /// The heading's id, unique in its page.
        public var anchor: String
        public var answer: String

        public init(heading: String, anchor: String, answer: String) {
            self.heading = heading
            self.anchor = anchor
            self.answer = answer
        }
    }

    /// Root-relative, with the site's base path.
    public var url: String
    public var kind: ContentKind
    /// The kind as results show it (`Artículo`); nil shows the English label.
    public var kindLabel: String? = nil
    public var title: String
    public var summary: String
    /// `YYYY-MM-DD`.
    public var lastReviewed: String
    public var alsoCalled: [String]
    public var headings: [String]
    /// Plain text of the body; empty on a FAQ page, whose answers are its questions' results.
    public var body: String
    public var questions: [Question]

    public init(url: String, kind: ContentKind, title: String, summary: String, lastReviewed: String,
                alsoCalled: [String] = [], headings: [String] = [], body: String = "", questions: [Question] = [])
    {
        self.url = url
        self.kind = kind
        self.title = title
        self.summary = summary
        self.lastReviewed = lastReviewed
        self.alsoCalled = alsoCalled
        self.headings = headings
        self.body = body
        self.questions = questions
    }
}
