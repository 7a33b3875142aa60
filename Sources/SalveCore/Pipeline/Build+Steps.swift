// The steps between reading and assembling: parse the settings and pages, validate what needs every page,
// render the Markdown.
import Foundation

/// What the parse step makes: the settings and every page's document, for one language.
struct ParsedProject: Sendable {
    var config: SiteConfig
    var glossary: Glossary
    var synonyms: Synonyms
    /// Pages to publish (drafts only with `--drafts`).
    var documents: [Document]
    /// Drafts left out of this build, by path under content/.
    var drafts: Set<String> = []
    /// The parts of the site in its other languages, each parsed like this one (none for a site in one language).
    var translations: [ParsedProject] = []
    /// The theme's words in this part's language.
    var strings = UIStrings.english
}

/// What validating hands on to rendering the Markdown.
struct Validated {
    /// The table Markdown links are resolved through.
    var links: LinkTable
    /// The table says what the last build's said.
    var sameTable: Bool
    /// The indices of the documents that are not the last build's own; nil when all may be.
    var changed: [Int]?
}

extension Build {
    static func parse(_ project: Project, options: BuildOptions, memory: inout BuildMemory?, counts: inout StepCounts,
                      into diagnostics: inout [Diagnostic]) -> ParsedProject
    {
        var ignored = StepCounts()
        let languageTexts: [String?] = project.languageTexts.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        let texts = [project.configText, project.glossaryText, project.synonymsText, options.baseURL] + languageTexts
        let key = ExactText(text: texts.map { $0.map { "\($0.utf8.count):" + $0 } ?? "-" }.joined(separator: "\n"))
        var settings = Memo.one(&memory[memo: \.settings], counts: &ignored, key: key) {
            parseSettings(project, baseURL: options.baseURL)
        }
        diagnostics += settings.diagnostics
        settings.diagnostics = []
        let config = settings.config
        // Parsing a page reads one setting, and the languages its name may end in; a page parsed with only those
        // cannot depend on any other.
        var parseConfig = SiteConfig()
        parseConfig.reviewIntervalMonths = config.reviewIntervalMonths
        let pageSettings = parseConfig
        let codes = config.translationCodes
        let settingsRead = PageParseSettings(reviewIntervalMonths: config.reviewIntervalMonths, languages: codes)
        // With those as they were, only the files read again can parse anew (the others are the last build's).
        let suspects = memory?.parseSettings == settingsRead ? project.content.reread : nil
        if memory != nil { memory!.parseSettings = settingsRead }
        let parsed = Memo.run(
            &memory[memo: \.parsed], project.content.files, threads: options.threads, counts: &counts,
            suspects: suspects, id: \.contentPath,
            key: { ParseKey(kind: $0.kind, text: ExactText(text: $0.text), settings: settingsRead) },
            compute: { file in
                // A translation is parsed as its source's path, so its links, `related` entries and slug read as
                // the source's do, and lead to the pages of its own language.
                let translation = TranslationName.split(file.contentPath, codes: codes)
                let (document, found) = Document.parse(
                    file.text, kind: file.kind, contentPath: translation?.source ?? file.contentPath,
                    sourcePath: "content/" + file.contentPath, config: pageSettings)
                return ParsedFile(document: document, diagnostics: found, language: translation?.code)
            })
        diagnostics += parsed.flatMap(\.diagnostics)
        func part(_ language: String?, config: SiteConfig, glossary: Glossary, synonyms: Synonyms) -> ParsedProject {
            let documents = parsed.filter { $0.language == language }.compactMap(\.document)
            return ParsedProject(
                config: config, glossary: glossary, synonyms: synonyms,
                documents: documents.filter { options.includeDrafts || !$0.metadata.draft },
                drafts: Set(documents.filter { !options.includeDrafts && $0.metadata.draft }.map(\.contentPath)))
        }
        var main = part(nil, config: config, glossary: settings.glossary, synonyms: settings.synonyms)
        main.translations = settings.translations.map {
            part($0.config.language, config: $0.config, glossary: $0.glossary, synonyms: $0.synonyms)
        }
        diagnostics += Translations.orphans(main, sources: project.content.markdownPaths)
        return main
    }

    private static func parseSettings(_ project: Project, baseURL: String?) -> ParsedSettings {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        if let text = project.configText {
            let (parsed, found) = SiteConfig.parse(text, path: "salve.yml")
            config = parsed
            diagnostics += found
        }
        if let baseURL { config.override(baseURL: baseURL, into: &diagnostics) }
        // Synonyms are stored as search terms, so they are made with their language's stemmer.
        func read(glossary glossaryPath: String, synonyms synonymsPath: String, glossaryText: String?, synonymsText: String?,
                  language: String) -> (Glossary, Synonyms)
        {
            var glossary = Glossary.empty
            if let text = glossaryText {
                let found: [Diagnostic]
                (glossary, found) = Glossary.parse(text, path: glossaryPath)
                diagnostics += found
            }
            var synonyms = Synonyms.empty
            if let text = synonymsText {
                let found: [Diagnostic]
                (synonyms, found) = Synonyms.parse(text, path: synonymsPath,
                                                   language: SearchLanguage(code: language) ?? .english)
                diagnostics += found
            }
            return (glossary, synonyms)
        }
        let (glossary, synonyms) = read(glossary: Glossary.path, synonyms: Synonyms.path,
                                        glossaryText: project.glossaryText, synonymsText: project.synonymsText,
                                        language: config.languages.first?.code ?? config.language)
        let translations = config.languages.dropFirst().map { language in
            let glossaryPath = TranslationName.settingsFile(Glossary.path, in: language.code)
            let synonymsPath = TranslationName.settingsFile(Synonyms.path, in: language.code)
            let (glossary, synonyms) = read(
                glossary: glossaryPath, synonyms: synonymsPath, glossaryText: project.languageTexts[glossaryPath],
                synonymsText: project.languageTexts[synonymsPath], language: language.code)
            return ParsedSettings.Part(config: config.part(in: language), glossary: glossary, synonyms: synonyms)
        }
        if let language = config.languages.first { config = config.part(in: language) }
        return ParsedSettings(config: config, glossary: glossary, synonyms: synonyms, translations: Array(translations),
                              diagnostics: diagnostics)
    }

    /// Checks that need every page but not their Markdown: clashing URLs, front matter links, TODO placeholders.
    /// Returns the table that Markdown links are resolved through, and whether it says what the last build's did.
    /// - Parameter fallback: for a translation, the default language's table: links to pages the translation's
    ///   language lacks lead there.
    static func validate(_ project: ParsedProject, sources: Set<String>, imageSizes: [String: ImageSize] = [:],
                         fallback: LinkTable? = nil, threads: Int?, memory: inout BuildMemory?, counts: inout StepCounts,
                         into diagnostics: inout [Diagnostic]) -> Validated
    {
        let documents = project.documents
        // The documents that are not the last build's own (by identity): only their entries can differ.
        let lastDocuments = memory?.validatedDocuments
        let changed = changedIndices(from: lastDocuments, to: documents) { $0.isSame(as: $1) }
        if memory != nil { memory!.validatedDocuments = documents }
        let samePlaces = changed.map { changed in
            changed.allSatisfy { index in
                let (new, old) = (documents[index], lastDocuments![index])
                return new.contentPath == old.contentPath && new.sourcePath == old.sourcePath && new.sitePath == old.sitePath
            }
        } ?? false
        var sources = sources
        if fallback != nil {
            // A translation's own files answer by their source's path (`ldn.md`) and by their own (`ldn.es.md`).
            let code = project.config.language
            sources = Set(sources.compactMap { path in
                TranslationName.split(path, codes: [code]).map(\.source)
            })
        }
        let fallbackLinks = fallback.map(FallbackLinks.init)
        func makeTable() -> LinkTable {
            var sitePaths = Dictionary(documents.map { ($0.contentPath, $0.sitePath) }, uniquingKeysWith: { a, _ in a })
            if fallback != nil {
                for document in documents {
                    sitePaths[String(document.sourcePath.dropFirst("content/".count))] = document.sitePath
                }
            }
            var table = LinkTable(
                basePath: project.config.basePath, sitePaths: sitePaths, sources: sources, drafts: project.drafts,
                imageSizes: imageSizes)
            table.fallback = fallbackLinks
            table.mediaBasePath = project.config.rootBasePath
            return table
        }
        // No page moved or changed its address, and the rest of the table's inputs are the same (sets and
        // dictionaries handed on from the last build compare by identity): the last table is this one.
        let links: LinkTable
        if samePlaces, let last = memory?.links, last.basePath == project.config.basePath, last.sources == sources,
            last.drafts == project.drafts, last.imageSizes == imageSizes, last.fallback == fallbackLinks,
            last.mediaBasePath == project.config.rootBasePath
        {
            precondition(!verifiesSuspects || last.hasSameEntries(as: makeTable()), "memo: the link table changed unnoticed")
            links = last
        } else {
            links = makeTable()
        }
        let sameTable = memory?.links?.hasSameEntries(as: links) ?? false
        if memory != nil { memory!.links = links }
        // Clashing URLs and taxonomy names read only these fields: while no changed page's differ, the last
        // result holds.
        let sameChecked = changed?.allSatisfy { CheckedDocument(documents[$0]) == CheckedDocument(lastDocuments![$0]) } ?? false
        diagnostics += Memo.one(&memory[memo: \.checks], counts: &counts, unchanged: sameChecked,
                                key: { documents.map(CheckedDocument.init) }) {
            Site.duplicateURLs(in: documents) + Term.clashes(in: documents)
        }
        diagnostics += Memo.run(
            &memory[memo: \.validated], documents, threads: threads, counts: &counts, suspects: sameTable ? changed : nil,
            id: \.contentPath,
            isCurrent: { $1.holds(for: documents[$0], in: links, sameTable: sameTable) },
            compute: { document in
                let table = links.recordingReads()
                let found = Site.frontMatterLinks(of: document, table: table) + placeholderDiagnostics(document)
                return (found, LinkedKey(value: document, basePath: links.basePath, reads: table.reads!.all))
            }
        ).flatMap { $0 }
        return Validated(links: links, sameTable: sameTable, changed: changed)
    }

    /// A page with a `TODO` left is not published; a draft shown with `--drafts` is a preview, so there they warn.
    static func placeholderDiagnostics(_ document: Document) -> [Diagnostic] {
        document.placeholders.map { placeholder in
            document.metadata.draft
                ? .warning(document.sourcePath, line: placeholder.line, column: placeholder.column,
                           "a TODO placeholder is still here", fix: "replace it with the real text before publishing")
                : .error(document.sourcePath, line: placeholder.line, column: placeholder.column,
                         "a TODO placeholder is still here",
                         fix: "replace it with the real text, or set `draft: true` until the page is ready")
        }
    }

    /// - Parameter project: in a build that keeps nothing, its documents lose their Markdown once rendered.
    static func renderMarkdown(_ project: inout ParsedProject, validated: Validated, options: BuildOptions,
                               memory: inout BuildMemory?, counts: inout StepCounts,
                               into diagnostics: inout [Diagnostic]) -> [Page]
    {
        let (threads, readability) = (options.threads, options.readability)
        let config = project.config, glossary = project.glossary, links = validated.links
        let matcher = GlossaryMatcher(glossary, basePath: config.basePath)
        let renderer = MarkdownRenderer(allowRawHTML: config.allowRawHTML, collectsProse: readability, strings: project.strings)
        guard memory != nil else {
            // A batch at a time, each document's Markdown let go once rendered: the site's Markdown and its HTML
            // are then never all in memory together (60 MB each at 10,000 pages).
            counts.computed = project.documents.count
            var pages: [Page] = []
            pages.reserveCapacity(project.documents.count)
            for start in stride(from: 0, to: project.documents.count, by: options.pagesPerBatch) {
                let batch = start..<Swift.min(start + options.pagesPerBatch, project.documents.count)
                let rendered = Array(project.documents[batch]).parallelMap(threads: threads) {
                    render($0, renderer: renderer, links: links, glossary: matcher)
                }
                // Each page's document is its source's without the Markdown: shared, not made again.
                for (index, (page, found)) in zip(batch, rendered) {
                    project.documents[index] = page.document
                    pages.append(page)
                    diagnostics += found
                }
            }
            return pages
        }
        let settings = RenderSettings(allowRawHTML: config.allowRawHTML, readability: readability, glossary: glossary,
                                      strings: project.strings)
        // With the table and settings as they were, only a document that is not the last build's own can render anew.
        let suspects = validated.sameTable && memory?.renderSettings == settings ? validated.changed : nil
        if memory != nil { memory!.renderSettings = settings }
        // The glossaries kept pages were rendered with, and what changed since each (usually one, or none).
        var changes: [(Glossary, GlossaryChange)] = []
        func change(since old: Glossary) -> GlossaryChange {
            if let known = changes.first(where: { $0.0 == old }) { return known.1 }
            let found = GlossaryChange(from: old, to: glossary)
            changes.append((old, found))
            return found
        }
        let rendered = Memo.run(
            &memory[memo: \.rendered], project.documents, threads: threads, counts: &counts, suspects: suspects,
            id: \.contentPath,
            isCurrent: { index, key in
                let document = project.documents[index]
                return key.settings.allowRawHTML == config.allowRawHTML && key.settings.readability == readability
                    && key.settings.strings == project.strings
                    && key.page.holds(for: document, in: links, sameTable: validated.sameTable)
                    && (key.settings.glossary == glossary || !change(since: key.settings.glossary).mayAffect(document.body))
            },
            compute: { document in
                let table = links.recordingReads()
                let (page, found) = render(document, renderer: renderer, links: table, glossary: matcher)
                let key = RenderKey(page: LinkedKey(value: document, basePath: links.basePath, reads: table.reads!.all),
                                    settings: settings)
                return (RenderedPage(page: page, diagnostics: found), key)
            })
        diagnostics += rendered.flatMap(\.diagnostics)
        return rendered.map(\.page)
    }

    static func render(_ document: Document, renderer: MarkdownRenderer, links: LinkTable, glossary: GlossaryMatcher?)
        -> (Page, [Diagnostic])
    {
        let (body, diagnostics) = renderer.render(
            document.body, firstLine: document.bodyLine, path: document.sourcePath,
            contentPath: document.contentPath, links: links, glossary: glossary,
            splitSections: document.kind != .article)
        var found = diagnostics
        if document.kind == .faq, body.sections.isEmpty {
            found.append(.error(document.sourcePath, line: document.bodyLine, "this FAQ page has no questions",
                                fix: "start each question with a `## Question?` heading"))
        }
        let table = document.table.map { table in
            RenderedTable(
                columns: table.criteria.map(\.label),
                rows: table.rows.map { row in
                    RenderedTable.Row(
                        name: row.name,
                        href: row.article.flatMap { link in
                            try? LinkDestination.classify(link.value, from: document.contentPath).get()
                        }.flatMap { try? links.href(for: $0, original: "").get() },
                        cells: row.cells.map { cell in
                            switch cell {
                            case .text(let text):
                                .html(renderer.inlineHTML(text, links: links, from: document.contentPath))
                            case .list(let items):
                                .list(items.map { renderer.inlineHTML($0, links: links, from: document.contentPath) })
                            case .unknown: .unknown
                            }
                        })
                })
        }
        // The Markdown source is not needed once rendered; keeping it doubled the memory of every page.
        var rendered = document
        rendered.body = ""
        return (Page(document: rendered, body: body, table: table), found)
    }
}
