// `salve new`: a new content file with every front matter field present and TODO placeholders to fill; it is a
// draft (`draft: true`) until the editor fills it in and publishes it.
import Foundation

public enum NewPage {
    /// Generated slugs stop at about ten words: enough to tell pages apart, short enough for a URL.
    public static let maxSlugBytes = 80

    /// Writes a new page of `kind` titled `title` under `root`/content and returns its path from `root`.
    /// The file name is `slug`, or one made from the title's Latin letters and digits.
    /// Never overwrites: throws when the file exists, and throws `NewPageError` for a title or slug that
    /// cannot make a page the build accepts.
    public static func create(_ kind: ContentKind, title: String, slug: String? = nil, root: URL, today: Day) throws -> String {
        let title = title.trimmingWhitespace()
        guard !title.isEmpty else { throw NewPageError.emptyTitle }
        if let scalar = title.unicodeScalars.first(where: { PublishableText.isForbidden($0) || $0.value < 0x20 }) {
            throw NewPageError.controlCharacter(SafeURL.codePoint(scalar))
        }
        let slug = try slug.map(checked) ?? self.slug(from: title)
        let path = "content/\(kind.folder)/\(slug).md"
        let interval = settings(root).reviewIntervalMonths
        let text = scaffold(kind, title: title, slug: slug, today: today, nextReview: today.adding(months: interval))
        try write(text, to: path, root: root)
        return path
    }

    /// salve.yml's settings, or the defaults when it is missing.
    static func settings(_ root: URL) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("salve.yml").path) else {
            return SiteConfig()
        }
        return SiteConfig.parse(String(decoding: data, as: UTF8.self), path: "salve.yml").0
    }

    /// Writes a new file at `path` under `root`, never over an existing one.
    static func write(_ text: String, to path: String, root: URL) throws {
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            throw NewPageError.exists(path)
        } catch let error as CocoaError {
            let reason = (error.userInfo[NSUnderlyingErrorKey] as? Error).map { "\($0.localizedDescription)" }
            throw NewPageError.cannotWrite(path, reason ?? error.localizedDescription)
        }
    }

    /// A slug the build accepts (`[a-z0-9-]`, see `isValidSlug`) from the title's Latin letters and digits,
    /// accents dropped (`Café` -> `cafe`), cut at a hyphen to at most `maxSlugBytes`.
    /// - Throws: `NewPageError.noLatinLetters` when the title has none, so the editor chooses one with `--slug`.
    static func slug(from title: String) throws -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        var hasLetter = false
        for scalar in folded.unicodeScalars where scalar != "'" && scalar != "\u{2019}" {
            let isLetter = ("a"..."z").contains(scalar)
            guard isLetter || ("0"..."9").contains(scalar) else {
                pendingHyphen = true
                continue
            }
            hasLetter = hasLetter || isLetter
            if pendingHyphen && !slug.isEmpty { slug += "-" }
            pendingHyphen = false
            slug.unicodeScalars.append(scalar)
        }
        guard hasLetter else { throw NewPageError.noLatinLetters(title) }
        guard slug.utf8.count > maxSlugBytes else { return slug }
        let cut = slug.prefix(maxSlugBytes + 1)
        if cut.last == "-" { return String(cut.dropLast()) }
        guard let hyphen = cut.lastIndex(of: "-") else { return String(cut.dropLast()) }
        return String(cut[..<hyphen])
    }

    /// A `--slug` given on the command line, held to the build's own rule.
    static func checked(_ slug: String) throws -> String {
        guard isValidSlug(slug), slug.utf8.count <= YAMLFields.maxNameBytes else { throw NewPageError.invalidSlug(slug) }
        return slug
    }

    public enum NewPageError: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case emptyTitle
        case controlCharacter(String)
        case noLatinLetters(String)
        case invalidSlug(String)
        case cannotWrite(String, String)
        case notAPage(String)
        case unknownLanguage(String, [String])
        case isTranslation(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; choose another title or edit that file"
            case .emptyTitle: "the title is empty; write the page's question or topic in quotes"
            case .controlCharacter(let code):
                "the title contains the control character \(code); type it without line breaks or control characters"
            case .noLatinLetters:
                "the title has no Latin letters to make a file name from; choose one with --slug, for example --slug fibromyalgia"
            case .invalidSlug(let slug):
                "the slug \"\(slug.escapingControlCharacters())\" is not valid; use lowercase letters a-z, digits and hyphens (at most \(YAMLFields.maxNameBytes))"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            case .notAPage(let path): "\(path) is not a page; name a .md file under content/, for example content/faqs/ldn.md"
            case .unknownLanguage(let code, let codes):
                codes.isEmpty
                    ? "salve.yml lists no other language than the default; add `\(code)` under `languages:` first"
                    : "\(code) is not one of salve.yml's other languages (\(codes.joined(separator: ", ")))"
            case .isTranslation(let path): "\(path) is a translation itself; translate its source page"
            }
        }
    }

    static func scaffold(_ kind: ContentKind, title: String, slug: String, today: Day, nextReview: Day) -> String {
        let quotedTitle = yamlQuoted(title)
        var lines = [
            "---",
            "title: \(quotedTitle)",
            "summary: TODO One or two plain sentences that give the answer first.",
            "last_reviewed: \(today)",
            "reviewed_by: TODO Reviewer name, credentials",
            "next_review: \(nextReview)",
            "slug: \(yamlQuoted(slug))",
            "conditions: []",
        ]
        if kind != .comparison { lines.append("treatments: []") }
        lines += [
            "also_called: []",
            "tags: []",
            "references: []",
            "related: []",
            "draft: true",
        ]
        if kind == .comparison {
            lines += [
                "criteria:",
                "  - key: mechanism",
                "    label: How it works",
                "  - key: benefits",
                "    label: Possible benefits",
                "  - key: side_effects",
                "    label: Possible side effects",
                "treatments:",
                "  - name: TODO Treatment name",
                "    type: therapy",
                "    mechanism: TODO",
                "    benefits: [TODO]",
                "    side_effects: [TODO]",
            ]
        }
        lines.append("---")
        switch kind {
        case .article:
            lines += ["TODO Answer the question first, in one or two short paragraphs.", "", "## TODO First section", "",
                      "TODO Text."]
        case .faq:
            lines += ["TODO One sentence about what these questions cover.", "", "## TODO First question?", "",
                      "TODO Answer in two or three short sentences."]
        case .comparison:
            lines += ["TODO Say what the table compares and that everyone is different.", "", "## Notes", "",
                      "TODO Talk to your doctor about which treatments are right for you."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar; the title holds no control characters (`create` refuses them), and YAML would
    /// read U+2028, U+2029 and a byte order mark as line breaks or markers, so those are escaped.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\u{2028}": quoted += "\\u2028"
            case "\u{2029}": quoted += "\\u2029"
            case "\u{FEFF}": quoted += "\\uFEFF"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
