// content/glossary.yml: plain-language definitions of medical words, linked from their first use in each page.
import Yams

public struct GlossaryTerm: Sendable, Equatable {
    public var term: String
    public var definition: String
    public var alsoCalled: [String]
    /// The anchor on the glossary page.
    public var slug: String
}

public struct Glossary: Sendable, Equatable {
    public var terms: [GlossaryTerm]

    public static let empty = Glossary(terms: [])
    public static let path = "content/glossary.yml"

    /// Parses the glossary: a list of `term`, `definition` and optional `also_called`.
    public static func parse(_ text: String, path: String = Glossary.path) -> (Glossary, [Diagnostic]) {
        // The same cap as pages: a 26 MB glossary took 28 s to parse.
        guard text.utf8.count <= ContentSource.maxFileSize else {
            let megabytes = String(Double(text.utf8.count * 10 / 1_048_576) / 10)
            return (.empty, [.error(path, "the glossary is \(megabytes) MB; it can be at most \(ContentSource.maxFileSize / 1_048_576) MB",
                                    fix: "keep definitions short, or split long explanations into articles")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (.empty, [Document.yamlDiagnostic(error, path: path, lineOffset: 0)])
        }
        guard let root else { return (.empty, []) }
        guard case .sequence(let items) = root else {
            return (.empty, [.error(path, line: root.mark?.line, "the glossary must be a list of terms",
                                    fix: "write each term as `- term: …` with `definition: …` below it")])
        }
        var terms: [GlossaryTerm] = []
        var diagnostics: [Diagnostic] = []
        var slugs: [String: (term: String, line: Int?)] = [:]
        for item in items {
            var fields = YAMLFields(item, path: path, lineOffset: 0, what: "a glossary term")
            fields.rejectUnknownKeys(allowed: ["term", "definition", "also_called"], what: "a glossary term")
            let term = fields.string("term", required: true, hint: "the word as it appears in pages")
            let definition = fields.string("definition", required: true, hint: "a plain-language explanation")
            let alsoCalled = fields.strings("also_called").map(\.value)
            diagnostics += fields.diagnostics
            guard let term, let definition else { continue }
            var slug = Slug.make(term)
            guard !slug.isEmpty else {
                diagnostics.append(.error(path, line: fields.line, "the term \"\(term)\" has no letter or digit",
                                          fix: "write the term in words"))
                continue
            }
            // The anchor sits on the glossary page beside the theme's own ids.
            if ThemeIDs.isReserved(slug) { slug = "term-" + slug }
            if let earlier = slugs[slug] {
                let place = earlier.line.map { " (line \($0))" } ?? ""
                let message = earlier.term.lowercased() == term.lowercased()
                    ? "the term \"\(term)\" is defined twice"
                    : "the terms \"\(term)\" and \"\(earlier.term)\"\(place) would share the anchor #\(slug)"
                diagnostics.append(.error(path, line: fields.line, message,
                                          fix: earlier.term.lowercased() == term.lowercased()
                                            ? "keep one definition" : "rename one of them so they differ in letters or digits"))
                continue
            }
            slugs[slug] = (term, fields.line)
            terms.append(GlossaryTerm(term: term, definition: definition, alsoCalled: alsoCalled, slug: slug))
        }
        return (Glossary(terms: terms.sorted { $0.term.lowercased() < $1.term.lowercased() }), diagnostics)
    }
}
