// The pairs of pages across a multilingual site's languages: which pages translate which, and their addresses.

/// Every page's translations, found by name (`ldn.es.md` translates `ldn.md`), and the pages of each language
/// part that have the same place in another (home, listings, search, glossary).
public struct Translations: Sendable, Equatable {
    /// Each language part's code, name and home page's absolute URL, the default language first.
    private var parts: [Part] = []
    /// The alternates of every page that has a counterpart in another language, by the page's absolute URL.
    private var alternatesByURL: [String: [Alternate]] = [:]

    struct Part: Sendable, Equatable {
        var code: String
        var name: String
        var home: String
    }

    init() {}

    /// The pairs among `sites`, the default language's first.
    init(_ sites: [(site: Site, listings: [Listing])], names: [String: String]) {
        guard sites.count > 1 else { return }
        var groups: [String: [Alternate]] = [:]
        for (site, listings) in sites {
            let code = site.config.language
            parts.append(Part(code: code, name: names[code] ?? code, home: site.absoluteURL("")))
            for page in site.pages {
                groups["page " + page.document.contentPath, default: []].append(
                    Alternate(language: code, url: site.absoluteURL(page.sitePath)))
            }
            var others = listings.map(\.sitePath) + ["", "search/"]
            if !site.glossary.terms.isEmpty { others.append("glossary/") }
            for sitePath in others {
                groups["other " + sitePath, default: []].append(Alternate(language: code, url: site.absoluteURL(sitePath)))
            }
        }
        let defaultCode = parts[0].code
        for var group in groups.values where group.count > 1 {
            if let main = group.first(where: { $0.language == defaultCode }) {
                group.append(Alternate(language: "x-default", url: main.url))
            }
            for alternate in group where alternate.language != "x-default" { alternatesByURL[alternate.url] = group }
        }
    }

    /// True for a site in one language: nothing links across languages.
    var isEmpty: Bool { parts.count < 2 }

    /// The page at `url` in every language it is in, and `x-default`; nil when it is in one language only.
    func alternates(of url: String) -> [Alternate]? { alternatesByURL[url] }

    /// The language switch of the page at `url` in `language`: the same page in each other language, or that
    /// language's home page when the page has no translation into it.
    func switchLinks(of url: String, in language: String) -> [LanguageLink]? {
        guard !isEmpty else { return nil }
        let alternates = alternatesByURL[url] ?? []
        return parts.filter { $0.code != language }.map { part in
            let same = alternates.first { $0.language == part.code }
            return LanguageLink(language: part.code, name: part.name, url: same?.url ?? part.home, translated: same != nil)
        }
    }

    public static func == (a: Translations, b: Translations) -> Bool {
        a.parts == b.parts && a.alternatesByURL == b.alternatesByURL
    }

    /// A translation without a page in the default language is an error: it has nothing to translate.
    static func orphans(_ main: ParsedProject, sources: Set<String>) -> [Diagnostic] {
        main.translations.flatMap { part in
            part.documents.filter { !sources.contains($0.contentPath) }.map { document in
                Diagnostic.error(
                    document.sourcePath, line: 1,
                    "this translation has no source page: content/\(document.contentPath) does not exist",
                    fix: "name a translation after the page it translates (ldn.\(part.config.language).md beside ldn.md), or add that page")
            }
        }
    }
}

/// One language version of a page (`<link rel="alternate" hreflang>`, the sitemap's `xhtml:link`).
public struct Alternate: TemplateContext, Equatable {
    /// The language code, or `x-default` for the version shown to readers of other languages.
    public var language: String
    /// The absolute URL.
    public var url: String

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "language": .text(language)
        case "url": .text(url)
        default: nil
        }
    }
}

/// The language switch of a page (`languages.links`).
public struct LanguageSwitch: TemplateContext, Equatable {
    public var links: [LanguageLink]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "links" ? .list(of: links) : nil
    }
}

/// One entry of the language switch: the page in another language, or that language's home.
public struct LanguageLink: TemplateContext, Equatable {
    public var language: String
    /// The language's own name (`Español`).
    public var name: String
    public var url: String
    /// True when the link goes to this page's translation, false when to the language's home page.
    public var translated: Bool

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "language": .text(language)
        case "name": .text(self.name)
        case "url": .text(url)
        case "translated": .flag(translated)
        default: nil
        }
    }
}
