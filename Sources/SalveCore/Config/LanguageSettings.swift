// One language of a multilingual site: `languages:` in salve.yml, the default first.
import Yams

/// A language the site is published in. The default language's pages keep the site's URLs; every other
/// language lives under `/CODE/` with its own listings, glossary, search and feed.
public struct LanguageSettings: Sendable, Equatable {
    /// The language code, as in `lang` and `hreflang` (`en`, `es`); also the file suffix of a translation
    /// (`ldn.es.md`).
    public var code: String
    /// The language's own name, shown by the language switch (`English`, `Español`).
    public var name: String
    public var title: String
    public var description: String
    public var disclaimer: String
    /// The lowest reading ease a page may have before `salve check` warns (Szigriszt-Pazos for Spanish pages,
    /// Flesch for English); nil leaves the gate to `readability.max_grade`.
    public var minReadingEase: Double?

    public init(code: String, name: String, title: String, description: String, disclaimer: String,
                minReadingEase: Double? = nil)
    {
        self.code = code
        self.name = name
        self.title = title
        self.description = description
        self.disclaimer = disclaimer
        self.minReadingEase = minReadingEase
    }

    static let keys: Set<String> = ["code", "name", "title", "description", "disclaimer", "readability"]

    /// A language code is a folder name and a file suffix: two or three lowercase letters, optionally a region
    /// (`pt-br`).
    static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].count) else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.utf8.allSatisfy { $0 >= 97 && $0 <= 122 } }
    }
}

extension SiteConfig {
    /// Reads `languages:`; the entries' titles, descriptions and disclaimers default to the top-level ones.
    mutating func parseLanguages(_ fields: inout YAMLFields, path: String) {
        guard fields.node("languages") != nil else { return }
        let entries = fields.mappings("languages", what: "a language")
        var seen: Set<String> = []
        for var entry in entries {
            entry.rejectUnknownKeys(allowed: LanguageSettings.keys, what: "a language")
            guard let code = entry.string("code", required: true, hint: "the language code, for example es") else { continue }
            guard LanguageSettings.isValidCode(code) else {
                entry.diagnostics.append(
                    .error(path, line: entry.line(of: "code"), "the language code \"\(code)\" is not valid",
                           fix: "use a code of two lowercase letters, for example es or en"))
                fields.diagnostics += entry.diagnostics
                continue
            }
            guard seen.insert(code).inserted else {
                entry.diagnostics.append(
                    .error(path, line: entry.line(of: "code"), "the language \"\(code)\" is listed twice",
                           fix: "list each language once, the default first"))
                fields.diagnostics += entry.diagnostics
                continue
            }
            let name = entry.string("name", required: true, hint: "the language's own name, for example Español") ?? code
            var settings = LanguageSettings(
                code: code, name: name, title: entry.string("title") ?? title,
                description: entry.string("description") ?? description,
                disclaimer: entry.string("disclaimer") ?? disclaimer)
            var readability = YAMLFields(entry.node("readability"), path: path, lineOffset: 0, what: "a language's `readability`")
            readability.rejectUnknownKeys(allowed: ["min_ease"], what: "a language's `readability`")
            settings.minReadingEase = readability.number("min_ease", fix: "write a reading ease score from 0 to 100, such as 55")
            fields.diagnostics += entry.diagnostics + readability.diagnostics
            languages.append(settings)
        }
        if let first = languages.first {
            if fields.node("language") != nil, language != first.code {
                fields.diagnostics.append(
                    .error(path, line: fields.line(of: "language"),
                           "`language: \(language)` is not the first of `languages:` (\(first.code))",
                           fix: "remove `language:`, or list the default language first in `languages:`"))
            }
            language = first.code
            title = first.title
            description = first.description
            disclaimer = first.disclaimer
        }
    }

    /// The settings of the part of the site in `language`: its texts, and for a language other than the
    /// default its own address under the site's (`https://example.org/es/`).
    public func part(in language: LanguageSettings) -> SiteConfig {
        var config = self
        config.language = language.code
        config.title = language.title
        config.description = language.description
        config.disclaimer = language.disclaimer
        if language.code != languages.first?.code {
            config.rootURL = baseURL
            config.baseURL = baseURL + language.code + "/"
        }
        return config
    }

    /// The other languages' codes: the file suffixes a translation can have.
    var translationCodes: [String] { Array(languages.dropFirst().map(\.code)) }

    /// The path part of the whole site's address, where theme assets and media are: the base path, or for a
    /// language under `/CODE/` the site's.
    public var rootBasePath: String {
        guard let rootURL else { return basePath }
        return String(basePath.dropLast(baseURL.count - rootURL.count))
    }
}
