// Site settings from salve.yml.
import Yams

/// The settings in salve.yml, with defaults for what the file leaves out.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var description: String
    /// Absolute URL of the site root, always ending in `/` (`https://example.org/health/`).
    public var baseURL: String { didSet { basePath = SiteConfig.path(of: baseURL) } }
    /// The path part of `baseURL` (`/health/`): every link in the site starts with it. Kept beside `baseURL`
    /// because every href of every page asks for it.
    public private(set) var basePath: String
    public var language: String
    public var reviewIntervalMonths: Int
    public var disclaimer: String
    /// Lets Markdown pass raw HTML through (GFM's tagfilter still applies). Off by default.
    public var allowRawHTML: Bool
    /// Pages whose SMOG grade is above this get a warning in `salve check`.
    public var maxReadingGrade: Double?
    /// Names at the top of the output folder that every build leaves untouched (CNAME is always kept, and so are
    /// hidden entries such as .git).
    public var keep: [String] = []
    /// How many of the most recently reviewed pages feed.xml lists (`feed: {entries: 50}`).
    public var feedEntries = 50
    /// Whether `salve build` writes a `.gz` beside each HTML, CSS, JS, JSON, XML and SVG file (`compress: true`).
    public var compress = false
    /// The languages of a multilingual site, the default first; empty for a site in one language.
    public var languages: [LanguageSettings] = []
    /// For the part of a multilingual site in a language other than the default: the whole site's address
    /// (`baseURL` is then the language's own, `https://example.org/es/`).
    public var rootURL: String? = nil

    public init(
        title: String = "Patient information", description: String = "", baseURL: String = "http://localhost/",
        language: String = "en", reviewIntervalMonths: Int = 36, disclaimer: String = SiteConfig.defaultDisclaimer,
        allowRawHTML: Bool = false
    ) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalise(baseURL: baseURL)
        self.basePath = SiteConfig.path(of: self.baseURL)
        self.language = language
        self.reviewIntervalMonths = reviewIntervalMonths
        self.disclaimer = disclaimer
        self.allowRawHTML = allowRawHTML
        self.maxReadingGrade = nil
    }

    public static let defaultDisclaimer =
        "This information is for education only. It does not replace advice from your doctor or other health professional."

    static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    static func normalise(baseURL: String) -> String {
        baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }
}

extension SiteConfig {
    static let keys: Set<String> = [
        "title", "description", "base_url", "language", "review_interval_months", "disclaimer", "markdown",
        "readability", "keep", "feed", "compress", "languages",
    ]

    /// Reads salve.yml's text; `path` names it in diagnostics.
    public static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (config, [Document.yamlDiagnostic(error, path: path, lineOffset: 0)])
        }
        var fields = YAMLFields(root, path: path, lineOffset: 0, what: "salve.yml")
        fields.rejectUnknownKeys(allowed: keys, what: "salve.yml")
        config.title = fields.string("title", required: true, hint: "the site's name") ?? config.title
        config.description = fields.string("description") ?? ""
        if let url = fields.string("base_url", required: true, hint: "the address the site is published at") {
            if SafeURL.isAbsoluteWebAddress(url) {
                config.baseURL = normalise(baseURL: url)
            } else {
                fields.diagnostics.append(
                    .error(path, line: fields.line(of: "base_url"), "base_url \"\(url)\" is not an absolute address",
                           fix: "write it with https://, for example https://example.org/health/"))
            }
        }
        config.language = fields.string("language") ?? config.language
        if let months = fields.int("review_interval_months") {
            if months > 0 {
                config.reviewIntervalMonths = months
            } else {
                fields.diagnostics.append(
                    .error(path, line: fields.line(of: "review_interval_months"), "review_interval_months must be above 0",
                           fix: "use a number of months such as 12 or 36"))
            }
        }
        config.disclaimer = fields.string("disclaimer") ?? config.disclaimer
        config.parseLanguages(&fields, path: path)
        var markdown = YAMLFields(fields.node("markdown"), path: path, lineOffset: 0, what: "`markdown`")
        markdown.rejectUnknownKeys(allowed: ["raw_html"], what: "`markdown`")
        config.allowRawHTML = markdown.bool("raw_html") ?? false
        config.compress = fields.bool("compress") ?? false
        var readability = YAMLFields(fields.node("readability"), path: path, lineOffset: 0, what: "`readability`")
        readability.rejectUnknownKeys(allowed: ["max_grade"], what: "`readability`")
        config.maxReadingGrade = readability.number("max_grade", fix: "write a school grade such as 8")
        for name in fields.strings("keep") {
            if name.value.isEmpty || name.value == "." || name.value == ".." || name.value.contains("/") {
                fields.diagnostics.append(
                    .error(path, line: name.line, "`keep` item \"\(name.value)\" is not a name at the top of the output folder",
                           fix: "list names such as CNAME or downloads, without `/`"))
            } else {
                config.keep.append(name.value)
            }
        }
        var feed = YAMLFields(fields.node("feed"), path: path, lineOffset: 0, what: "`feed`")
        feed.rejectUnknownKeys(allowed: ["entries"], what: "`feed`")
        if let entries = feed.int("entries") {
            if entries > 0 {
                config.feedEntries = entries
            } else {
                feed.diagnostics.append(
                    .error(path, line: feed.line(of: "entries"), "feed entries must be above 0",
                           fix: "use a number such as 50"))
            }
        }
        return (config, fields.diagnostics + markdown.diagnostics + readability.diagnostics + feed.diagnostics)
    }

    /// Replaces `baseURL` with the `--base-url` option's value, or reports why it cannot be the site's address.
    public mutating func override(baseURL url: String, into diagnostics: inout [Diagnostic]) {
        guard SafeURL.isAbsoluteWebAddress(url) else {
            diagnostics.append(
                .error("--base-url", "\"\(url)\" is not an absolute http:// or https:// address",
                       fix: "write it with https://, for example --base-url https://example.org/health/"))
            return
        }
        baseURL = SiteConfig.normalise(baseURL: url)
    }
}
