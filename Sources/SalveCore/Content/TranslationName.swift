// Which language a content file is in, told by its name: `ldn.es.md` is the Spanish translation of `ldn.md`.

/// A translation sits beside its source, Zola style, with the language code before `.md`.
enum TranslationName {
    /// The language code and the source's path of a translation (`articles/ldn.es.md` -> `es`,
    /// `articles/ldn.md`); nil for a page in the default language.
    /// - Parameter codes: the site's languages other than the default.
    static func split(_ contentPath: String, codes: [String]) -> (code: String, source: String)? {
        guard !codes.isEmpty, contentPath.hasSuffix(".md") else { return nil }
        let stem = contentPath.dropLast(3)
        for code in codes where stem.hasSuffix("." + code) {
            let source = stem.dropLast(code.count + 1)
            // `.es.md` alone is not a translation of anything.
            guard let last = source.last, last != "/" else { return nil }
            return (code, source + ".md")
        }
        return nil
    }

    /// The path of the translation of `source` into `code` (`articles/ldn.md` -> `articles/ldn.es.md`).
    static func path(of source: String, in code: String) -> String {
        String(source.dropLast(3)) + "." + code + ".md"
    }

    /// The glossary or synonyms file of a language: `content/glossary.yml` -> `content/glossary.es.yml`.
    static func settingsFile(_ path: String, in code: String) -> String {
        String(path.dropLast(4)) + "." + code + ".yml"
    }
}
