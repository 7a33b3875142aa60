// `salve check`'s warnings about translations that have fallen out of step with their source pages.

/// Compares each translation with its source: review dates, FAQ questions, comparison rows.
public enum TranslationCheck {
    static func warnings(_ model: Model) -> [Diagnostic] {
        let sources = Dictionary(model.site.pages.map { ($0.document.contentPath, $0) }, uniquingKeysWith: { a, _ in a })
        return model.translations.flatMap { part in
            part.site.pages.flatMap { translation -> [Diagnostic] in
                guard let source = sources[translation.document.contentPath] else { return [] }
                return warnings(translation, source: source)
            }
        }
    }

    /// One row of `salve check --translations`: a page of the default language and its translations.
    public struct Row: Sendable, Equatable {
        /// The source file (`content/faqs/ldn.md`).
        public var page: String
        /// Every language the page is in, the default first.
        public var languages: [String]
        /// `complete`, or what is missing or out of step (`missing: es`, `out of date: es`).
        public var status: String
    }

    /// Every page of the default language with the languages it is in.
    static func rows(_ model: Model) -> [Row] {
        let parts = model.translations.map { part in
            (code: part.site.config.language,
             pages: Dictionary(part.site.pages.map { ($0.document.contentPath, $0) }, uniquingKeysWith: { a, _ in a }))
        }
        return model.site.pages.map { source in
            var languages = [model.site.config.language]
            var missing: [String] = [], stale: [String] = []
            for part in parts {
                guard let translation = part.pages[source.document.contentPath] else {
                    missing.append(part.code)
                    continue
                }
                languages.append(part.code)
                if !warnings(translation, source: source).isEmpty { stale.append(part.code) }
            }
            let status = (missing.isEmpty ? [] : ["missing: " + missing.joined(separator: ", ")])
                + (stale.isEmpty ? [] : ["out of step: " + stale.joined(separator: ", ")])
            return Row(page: source.document.sourcePath, languages: languages,
                       status: status.isEmpty ? "complete" : status.joined(separator: "; "))
        }.sorted { $0.page < $1.page }
    }

    /// What is out of step between `translation` and the page it translates.
    static func warnings(_ translation: Page, source: Page) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let path = translation.document.sourcePath
        let sourceFile = source.document.sourcePath
        if translation.metadata.lastChanged < source.metadata.lastChanged {
            found.append(.warning(
                path, line: 1,
                "this translation was last reviewed or updated on \(translation.metadata.lastChanged), before its source \(sourceFile) (\(source.metadata.lastChanged))",
                fix: "check the translation against the source's changes, then update its `last_reviewed` or `updated`"))
        }
        if translation.kind == .faq, translation.body.sections.count != source.body.sections.count {
            found.append(.warning(
                path, line: translation.document.bodyLine,
                "this translation has \(translation.body.sections.count) questions and its source \(sourceFile) has \(source.body.sections.count)",
                fix: "translate every question of the source, and no others"))
        }
        if translation.kind == .comparison, let rows = translation.table?.rows.count, let sourceRows = source.table?.rows.count,
            rows != sourceRows || translation.table?.columns.count != source.table?.columns.count
        {
            found.append(.warning(
                path, line: 1,
                "this comparison has \(rows) rows and \(translation.table?.columns.count ?? 0) columns; its source \(sourceFile) has \(sourceRows) rows and \(source.table?.columns.count ?? 0)",
                fix: "give the translation the same rows and columns as its source"))
        }
        return found
    }
}
