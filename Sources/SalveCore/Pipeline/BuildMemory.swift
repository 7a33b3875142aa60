// What the preview keeps from one build to the next: each step's results by item, with the values they were made
// from. A cold build keeps none of it, so its memory goes as soon as each step is done.
import Foundation

struct BuildMemory: Sendable {
    /// The content as last read: unchanged files (same stamp) are taken from here, not read again.
    var content: ContentSource?
    var themeAssets: ThemeAssets.Made?
    var templates: TemplateLibrary?
    var settings: Memo<ExactText, ParsedSettings>? = Memo()
    var parsed: Memo<ParseKey, ParsedFile>? = Memo()
    var parseSettings: PageParseSettings?
    var checks: Memo<[CheckedDocument], [Diagnostic]>? = Memo()
    var validated: Memo<LinkedKey<Document>, [Diagnostic]>? = Memo()
    /// The documents last validated, to tell by identity which may have changed.
    var validatedDocuments: [Document]?
    var rendered: Memo<RenderKey, RenderedPage>? = Memo()
    /// What every page's Markdown was last rendered with besides the page and the link table.
    var renderSettings: RenderSettings?
    var arranged: Memo<[Document], Arrangement>? = Memo()
    /// The last arrangement made, with its inputs: a changed title redoes only the related pages it can change.
    var arrangedFrom: ArrangedFrom?
    var listings: Memo<ListingsKey, [Listing]>? = Memo()
    var linkChecks: Memo<LinkCheckKey, [Diagnostic]>? = Memo()
    var cards: Memo<CardKey<Document>, Card>? = Memo()
    var views: Memo<ViewKey, ViewFile>? = Memo()
    /// What the views were last made from, to tell by identity which pages' views may change.
    var viewInputs: ViewInputs?
    var otherViews: Memo<OtherViewsKey, [ViewFile]>? = Memo()
    /// The settings box and each template's fingerprint as last used, handed on when unchanged.
    var settingsBox: SharedSettings?
    var fingerprints: [String: [ExactText]] = [:]
    var html: Memo<HTMLKey, [UInt8]>? = Memo()
    /// The views the pages were last rendered from.
    var lastViews: [ViewFile]?
    var searchDocuments: Memo<CardKey<Page>, SearchAnalysis>? = Memo()
    var searchIndex: SearchIndex?
    /// The search index's files as last made, and the pages and settings its documents were made from.
    var searchFiles: [OutputFile]?
    var searchInputs: SearchInputs?
    var sitemap: Memo<SitemapKey, [OutputFile]>? = Memo()
    var feed: Memo<FeedKey, OutputFile>? = Memo()
    /// The per-page parts of the sitemap's and feed's keys, with the pages they were taken from.
    var sitemapPages: PerPage<SitemapKey.SitemapPage>?
    var feedPages: PerPage<Document>?
    /// The link table and the link checks' view of the site as last built: when they are the same, no page's
    /// lookups in them need checking one by one.
    var links: LinkTable?
    var lookup: SiteLookup?
    var outputPaths: OutputPathsFrom?
    /// The pages and the day links were last checked for.
    var linkedPages: [Page]?
    var linkCheckDay: Day?
    /// salve.yml, the glossary, the synonyms and the templates as last read.
    var settingsTexts: [String?] = []
    /// The theme's words in each language, as last made.
    var strings: [String: UIStrings] = [:]
    /// The memory of each other language's part of the site, by language code.
    var parts: [String: BuildMemory] = [:]

    init() {}

    /// Forgets every result when a file changed only in its Unicode normalisation (see
    /// `ContentSource.normalisationOnlyChange`); keeps the content as read.
    mutating func startAfreshIfOnlyNormalisationChanged(_ project: Project) {
        let texts = [project.configText, project.glossaryText, project.synonymsText]
            + project.languageTexts.keys.sorted().map { project.languageTexts[$0] }
            + project.templates.texts.keys.sorted().map { project.templates.texts[$0] }
        defer { settingsTexts = texts }
        let settingsChanged = texts.count == settingsTexts.count
            && zip(texts, settingsTexts).contains { new, old in
                new == old && !identical(new ?? "", old ?? "")
            }
        guard settingsChanged || project.content.normalisationOnlyChange else { return }
        self = BuildMemory()
        content = project.content
    }
}

/// Text compared byte for byte: `==` on String accepts other Unicode normalisations of the same text, which would
/// reuse a result made from other bytes.
struct ExactText: Sendable, Equatable {
    var text: String

    static func == (a: ExactText, b: ExactText) -> Bool { identical(a.text, b.text) }
}

/// Byte-for-byte equality of two strings.
func identical(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        // A kept file's text is the same buffer as last time: equal without reading its bytes.
        b.withUTF8 { y in
            x.count == y.count
                && (x.count == 0 || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
        }
    }
}

/// salve.yml, the glossary and the synonyms, parsed.
struct ParsedSettings: Sendable, Equatable {
    var config: SiteConfig
    var glossary: Glossary
    var synonyms: Synonyms
    /// The other languages' settings, glossaries and synonyms.
    var translations: [Part] = []
    var diagnostics: [Diagnostic]

    struct Part: Sendable, Equatable {
        var config: SiteConfig
        var glossary: Glossary
        var synonyms: Synonyms
    }
}

/// What parsing one file reads: its bytes and kind, and the one setting a page's front matter depends on.
struct ParseKey: Sendable, Equatable {
    var kind: ContentKind
    var text: ExactText
    var settings: PageParseSettings
}

struct PageParseSettings: Sendable, Equatable {
    var reviewIntervalMonths: Int
    /// The site's languages other than the default: a file named `x.es.md` is a translation only when `es` is one.
    var languages: [String]
}

struct ParsedFile: Sendable, Equatable {
    var document: Document?
    var diagnostics: [Diagnostic]
    /// The language of a translation; nil for a page in the default language.
    var language: String? = nil
}

/// What the checks across all pages read of each: its file, address and taxonomies.
struct CheckedDocument: Sendable, Equatable {
    var sourcePath: String
    var sitePath: String
    var conditions: [String]
    var treatments: [String]

    init(_ document: Document) {
        sourcePath = document.sourcePath
        sitePath = document.sitePath
        conditions = document.metadata.conditions
        treatments = document.metadata.treatments
    }
}

/// A per-page result that also read the link table: kept while the page is the same and every entry it looked up
/// still says the same.
struct LinkedKey<Value: Sendable & Equatable>: Sendable, Equatable {
    var value: Value
    var basePath: String
    var reads: [LinkResolution]

    /// - Parameter sameTable: the table has the same entries as the last build's, so only `value` can differ.
    func holds(for value: Value, in table: LinkTable, sameTable: Bool) -> Bool {
        self.value == value && basePath == table.basePath
            && (sameTable || reads.allSatisfy { table.resolution($0.path) == $0 })
    }
}

/// What rendering one page's Markdown reads.
struct RenderKey: Sendable, Equatable {
    var page: LinkedKey<Document>
    var settings: RenderSettings
}

/// What rendering reads besides the page and the link table.
struct RenderSettings: Sendable, Equatable {
    var allowRawHTML: Bool
    var readability: Bool
    var glossary: Glossary
    /// Callout titles are in the page's language.
    var strings: UIStrings
}

struct RenderedPage: Sendable, Equatable {
    var page: Page
    var diagnostics: [Diagnostic]
}

/// What assembling the site reads of each page (order, taxonomies, related pages); the bodies are not among it.
/// The fields live in one box, like a document's: every pass over ten thousand inputs then touches one object per
/// page instead of eight.
struct ArrangementInput: Sendable, Equatable {
    struct Fields: Sendable, Equatable {
        var kind: ContentKind
        var weight: Int?
        var title: String
        var contentPath: String
        var sitePath: String
        var conditions: [String]
        var treatments: [String]
        var related: [Located<String>]
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(kind: ContentKind, weight: Int?, title: String, contentPath: String, sitePath: String, conditions: [String],
         treatments: [String], related: [Located<String>])
    {
        box = Box(Fields(kind: kind, weight: weight, title: title, contentPath: contentPath, sitePath: sitePath,
                         conditions: conditions, treatments: treatments, related: related))
    }

    var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    var kind: ContentKind { box.fields.kind }
    var weight: Int? { box.fields.weight }
    var title: String { box.fields.title }
    var contentPath: String { box.fields.contentPath }
    var sitePath: String { box.fields.sitePath }
    var conditions: [String] { box.fields.conditions }
    var treatments: [String] { box.fields.treatments }
    var related: [Located<String>] { box.fields.related }

    static func == (a: ArrangementInput, b: ArrangementInput) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
}

struct ListingsKey: Sendable, Equatable {
    var arrangement: Arrangement
    var kinds: [ContentKind]
    var glossary: Glossary
    var strings: UIStrings
}

/// What checking one page's links read: its links and headings, and what it asked of the others.
struct LinkCheckKey: Sendable, Equatable {
    var sourcePath: String
    var links: [FoundLink]
    var anchors: [Heading]
    var nextReview: Day
    var today: Day
    var reads: [LinkCheckRead]
}


/// What a page's card and its search document read: the page (its document alone for the card) and the base path.
struct CardKey<Source: Sendable & Equatable>: Sendable, Equatable {
    var basePath: String
    var source: Source
    /// A card's kind and date, and a search result's kind, are in the page's language.
    var strings: UIStrings
}

/// What the search documents were last made from, compared by identity with the next build's pages.
struct SearchInputs: Sendable {
    var pages: [Page]
    var basePath: String
    var strings: UIStrings
}

/// Every path the last build wrote, and what they were made from.
struct OutputPathsFrom: Sendable {
    var pages: [Page]
    var others: Others
    var paths: Set<String>

    struct Others: Sendable, Equatable {
        var listings: [String]
        var assets: [String]
        var media: [String]
        var themeFiles: [String]
        var hasGlossary: Bool
    }
}

/// The inputs of the last views step, compared by identity with the next build's.
struct ViewInputs: Sendable {
    var pages: [Page]
    var related: [[Int]]
    var cards: [Card]
    var settings: SharedSettings
    var basePath: String
    var strings: UIStrings
    var listings: [Listing]
    var conditions: [Term]
    var treatments: [Term]
}

/// Everything a content page's view is made from: the page, the cards it links to, the settings and glossary
/// (JSON-LD reads condition names from it).
struct ViewKey: Sendable, Equatable {
    var page: Page
    var related: [Card]
    var settings: SharedSettings
}

/// The settings and glossary in one box made once per build, so ten thousand keys hold one reference to them.
final class SharedSettings: Sendable, Equatable {
    let config: SiteConfig
    let glossary: Glossary
    /// Every page links the stylesheet by its content-hashed name.
    let assets: AssetURLs
    /// The language switch and alternates of every page.
    let translations: Translations
    let strings: UIStrings

    init(config: SiteConfig, glossary: Glossary, assets: AssetURLs = AssetURLs(), translations: Translations = Translations(),
         strings: UIStrings = .english)
    {
        self.config = config
        self.glossary = glossary
        self.assets = assets
        self.translations = translations
        self.strings = strings
    }

    static func == (a: SharedSettings, b: SharedSettings) -> Bool {
        a === b
            || (a.config == b.config && a.glossary == b.glossary && a.assets == b.assets && a.translations == b.translations
                && a.strings == b.strings)
    }
}

/// Everything the listings, home, search, glossary and 404 pages are made from.
struct OtherViewsKey: Sendable, Equatable {
    var listings: [Listing]
    var cards: [Card]
    /// Titles and review dates order the home and search pages.
    var documents: [Document]
    var conditions: [Term]
    var treatments: [Term]
    var config: SiteConfig
    var glossary: Glossary
    /// Every page links the stylesheet by its content-hashed name.
    var assets: AssetURLs
    var translations: Translations
    var strings: UIStrings
}

struct HTMLKey: Sendable, Equatable {
    var file: ViewFile
    var templates: [ExactText]
}

/// The sitemap reads every page's address and dates, and the listings' addresses.
struct SitemapKey: Sendable, Equatable {
    var config: SiteConfig
    var pages: [SitemapPage]
    var listings: [Listing]
    var hasGlossary: Bool
    var urlsPerSitemap: Int
    /// The other languages' sitemap entries.
    var sitemap: [SitemapEntry]
    var translations: Translations

    struct SitemapPage: Sendable, Equatable {
        var sitePath: String
        var lastChanged: Day
        /// A listing's date is the newest review among its pages.
        var lastReviewed: Day
    }
}

/// One field of every page, kept with the pages it was taken from: the next build takes only the fields of the
/// pages that are not these (by identity), and hands on the last array itself when those come out the same, so a
/// key holding it compares without reading ten thousand entries.
struct PerPage<Field: Sendable & Equatable>: Sendable {
    private(set) var pages: [Page]
    private(set) var values: [Field]

    /// The field of every page of `pages`, from `last` where it can be.
    static func of(_ pages: [Page], last: PerPage?, _ field: (Page) -> Field) -> PerPage {
        if let last, let changed = changedIndices(from: last.pages, to: pages, same: { $0.isSame(as: $1) }) {
            var values = last.values
            for index in changed {
                let value = field(pages[index])
                if value != values[index] { values[index] = value }
            }
            return PerPage(pages: pages, values: values)
        }
        return PerPage(pages: pages, values: pages.map(field))
    }
}

/// The feed reads the newest pages' front matter (their bodies are emptied once rendered).
struct FeedKey: Sendable, Equatable {
    var config: SiteConfig
    var pages: [Document]
}

extension Optional where Wrapped == BuildMemory {
    /// One step's memo, in place; none for a build that keeps nothing.
    subscript<Kept>(memo path: WritableKeyPath<BuildMemory, Kept?>) -> Kept? {
        get { self?[keyPath: path] ?? nil }
        _modify {
            if self == nil {
                var none: Kept? = nil
                yield &none
            } else {
                yield &self![keyPath: path]
            }
        }
    }
}
