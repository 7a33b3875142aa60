// The theme's fixed words in one language: templates/strings/CODE.yml, with the English file as the fallback.
import Yams

/// The words a theme shows around the content (navigation, review labels, callout headings, search texts),
/// as `strings.*` in templates and in the texts the build writes itself (listing titles, dates).
/// A class, so the ten thousand views of a page hold one reference and compare it at once.
public final class UIStrings: Sendable, Equatable, TemplateContext {
    /// Key -> text; a text may hold `{name}` placeholders.
    let texts: [String: String]
    /// January to December.
    let months: [String]

    init(texts: [String: String], months: [String]) {
        self.texts = texts
        self.months = months
    }

    /// The file of `language` under templates/.
    static func path(_ language: String) -> String { "strings/\(language).yml" }

    /// The default theme's English words: what a theme without strings files shows.
    public static let english: UIStrings = {
        guard let text = BundledTheme.files[path("en")], case let (strings, found) = parse(text, path: "en.yml"),
            found.isEmpty
        else { fatalError("the bundled templates/strings/en.yml does not parse") }
        return strings
    }()

    /// The text of `key`, with each `{name}` replaced by its value.
    /// The values are pairs, not a dictionary: a date or a review line is made for every page, and a dictionary
    /// of two or three names cost more to hash than to search.
    public func text(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        let template = texts[key] ?? UIStrings.english.texts[key] ?? key
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        // One pass, so a value holding `{name}` itself is left as written.
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                case let name = rest[rest.index(after: open)..<close],
                let value = values.first(where: { $0.key == name })?.value
            else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A page kind's name as lists and search results show it (`Article`, `Artículo`).
    public func kind(_ kind: ContentKind) -> String { text("kind_" + kind.rawValue) }

    /// A day written out in this language: `14 September 2026`, `14 de septiembre de 2026`.
    public func date(_ day: Day) -> String {
        let month = months.count == 12 ? months[day.month - 1] : UIStrings.english.months[day.month - 1]
        return text("date_format", ["day": String(day.day), "month": month, "year": String(day.year)])
    }

    /// The texts search.js shows (the `search_*` keys, the months and the date format) as script-safe JSON; nil
    /// when they are the bundled English ones, which search.js has built in.
    func searchTexts() -> String? {
        let keys = texts.keys.filter { $0.hasPrefix("search_") } + ["date_format"]
        guard keys.contains(where: { texts[$0] != UIStrings.english.texts[$0] }) || months != UIStrings.english.months
        else { return nil }
        var object = Dictionary(keys.map { ($0, JSONValue.string(text($0))) }, uniquingKeysWith: { a, _ in a })
        object["months"] = .array(months.map(JSONValue.string))
        return JSONValue.object(object).scriptSafeJSON()
    }

    public func templateValue(_ name: String) -> TemplateValue? {
        texts[name].map(TemplateValue.text) ?? UIStrings.english.texts[name].map(TemplateValue.text)
    }

    public static func == (a: UIStrings, b: UIStrings) -> Bool {
        a === b || (a.texts == b.texts && a.months == b.months)
    }

    /// Reads one strings file: a mapping of keys to texts, and `months:` as a list of twelve names.
    static func parse(_ text: String, path: String) -> (UIStrings, [Diagnostic]) {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (UIStrings(texts: [:], months: []), [Document.yamlDiagnostic(error, path: path, lineOffset: 0)])
        }
        guard case .mapping(let mapping)? = root else {
            return (UIStrings(texts: [:], months: []),
                    [.error(path, line: 1, "a strings file must map keys to texts", fix: "write lines such as `home: Home`")])
        }
        var texts: [String: String] = [:]
        var months: [String] = []
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            let line = key.mark.map { $0.line }
            if name == "months" {
                months = value.sequence?.compactMap { $0.scalar?.string } ?? []
                if months.count != 12 {
                    diagnostics.append(.error(path, line: line, "`months` must list the twelve month names",
                                              fix: "list them from January to December, one per line starting with `- `"))
                }
            } else if let text = value.scalar?.string {
                texts[name] = text
            } else {
                diagnostics.append(.error(path, line: line, "the string `\(name)` is not a text",
                                          fix: "write it on the same line, such as `\(name): Some words`"))
            }
        }
        return (UIStrings(texts: texts, months: months), diagnostics)
    }

    /// These strings with every key and the months they lack taken from `fallback`.
    private func filled(from fallback: UIStrings) -> UIStrings {
        UIStrings(texts: fallback.texts.merging(texts) { _, own in own },
                  months: months.count == 12 ? months : fallback.months)
    }

    /// The strings of every language, each filled in from English: a key a language lacks is a warning naming
    /// its file, and shows the English text.
    /// - Parameter files: the theme's strings files' texts by language code.
    /// - Parameter warnMissing: whether a language without a strings file is a warning.
    static func load(_ languages: [String], files: [String: String], displayFolder: String, warnMissing: Bool = true)
        -> ([String: UIStrings], [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        var english = UIStrings.english
        if let text = files["en"] {
            let (found, problems) = parse(text, path: "\(displayFolder)/\(path("en"))")
            diagnostics += problems
            english = found.filled(from: UIStrings.english)
        }
        var result: [String: UIStrings] = [:]
        for language in languages {
            guard language != "en" else { result[language] = english; continue }
            let shown = "\(displayFolder)/\(path(language))"
            guard let text = files[language] else {
                if warnMissing { diagnostics.append(.warning(shown, "the theme has no strings for the language \(language), so its pages show English words",
                                            fix: "add \(shown), translated from \(displayFolder)/\(path("en"))")) }
                result[language] = english
                continue
            }
            let (found, problems) = parse(text, path: shown)
            diagnostics += problems
            let missing = english.texts.keys.filter { found.texts[$0] == nil }.sorted()
            if !missing.isEmpty {
                let listed = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
                diagnostics.append(.warning(shown, "\(missing.count == 1 ? "a key is" : "\(missing.count) keys are") missing, so English shows instead: \(listed)",
                                            fix: "add the missing keys, translated from \(displayFolder)/\(path("en"))"))
            }
            result[language] = found.filled(from: english)
        }
        return (result, diagnostics)
    }
}
