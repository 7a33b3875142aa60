// `salve translate`: starts a translation beside its source (`ldn.es.md` beside `ldn.md`), as a draft copy of the
// source to translate in place, so its front matter, links and questions start in step with the source.
import Foundation

extension NewPage {
    /// Writes `content/…/NAME.CODE.md`, a copy of the source at `source` (a path from `root`, `content/faqs/ldn.md`)
    /// with `draft: true` and a TODO line, and returns its path from `root`. Never overwrites.
    /// - Throws: `NewPageError` when the source is not a page, is itself a translation, or `code` is not one of
    ///   salve.yml's other languages.
    public static func translation(of source: String, into code: String, root: URL) throws -> String {
        let source = source.hasPrefix("./") ? String(source.dropFirst(2)) : source
        guard source.hasPrefix("content/"), source.hasSuffix(".md"),
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(source).path),
            let text = String(validating: data, as: UTF8.self)
        else { throw NewPageError.notAPage(source) }
        let codes = settings(root).translationCodes
        guard codes.contains(code) else { throw NewPageError.unknownLanguage(code, codes) }
        let contentPath = String(source.dropFirst("content/".count))
        guard TranslationName.split(contentPath, codes: codes) == nil else { throw NewPageError.isTranslation(source) }
        let path = "content/" + TranslationName.path(of: contentPath, in: code)
        try write(draft(text, source: source), to: path, root: root)
        return path
    }

    /// The source's text with `draft: true` (replacing a `draft:` line it has) and a TODO line at the top of its
    /// front matter: a TODO keeps the page from being published until it is removed.
    static func draft(_ text: String, source: String) -> String {
        let original = text.components(separatedBy: "\n")
        guard original.first?.trimmingWhitespace() == "---" else { return text }
        let end = original.dropFirst().firstIndex { $0.trimmingWhitespace() == "---" } ?? original.count
        var lines = original.indices.filter { !($0 < end && original[$0].hasPrefix("draft:")) }.map { original[$0] }
        lines.insert(contentsOf: ["# TODO: translate this page from \(source), then remove this line and `draft: true`.",
                                  "draft: true"], at: 1)
        return lines.joined(separator: "\n")
    }
}
