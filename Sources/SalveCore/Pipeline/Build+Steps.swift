// The steps between reading and assembling: parse the settings and pages, validate what needs every page,
// render the Markdown.
import Foundation

/// What the parse step makes: the settings and every page's document.
struct ParsedProject: Sendable {
    var config: SiteConfig
    var glossary: Glossary
    var synonyms: Synonyms
    /// Pages to publish (drafts only with `--drafts`).
    var documents: [Document]
    /// Drafts left out of this build, by path under content/.
    var drafts: Set<String> = []
}

extension Build {
    static func parse(_ project: Project, options: BuildOptions, cache: inout RenderCache?,
                      into diagnostics: inout [Diagnostic]) -> ParsedProject
    {
        var config = SiteConfig()
        if let text = project.configText {
            let (parsed, found) = SiteConfig.parse(text, path: "salve.yml")
            config = parsed
            diagnostics += found
        }
        if let baseURL = options.baseURL { config.override(baseURL: baseURL, into: &diagnostics) }
        var glossary = Glossary.empty
        if let text = project.glossaryText {
            let found: [Diagnostic]
            (glossary, found) = Glossary.parse(text)
            diagnostics += found
        }
        var synonyms = Synonyms.empty
        if let text = project.synonymsText {
            let found: [Diagnostic]
            (synonyms, found) = Synonyms.parse(text)
            diagnostics += found
        }
        let settings = config
        let parseFiles = { (files: [ContentSource.File]) in
            files.parallelMap(threads: options.threads) { file in
                Document.parse(file.text, kind: file.kind, contentPath: file.contentPath,
                               sourcePath: "content/" + file.contentPath, config: settings)
            }
        }
        let parsed = cache?.parse(project.content.files, config: config, parseFiles) ?? parseFiles(project.content.files)
        diagnostics += parsed.flatMap(\.1)
        let documents = parsed.compactMap(\.0).filter { options.includeDrafts || !$0.metadata.draft }
        let drafts = Set(parsed.compactMap(\.0).filter { !options.includeDrafts && $0.metadata.draft }.map(\.contentPath))
        return ParsedProject(config: config, glossary: glossary, synonyms: synonyms, documents: documents, drafts: drafts)
    }

    /// Checks that need every page but not their Markdown: clashing URLs, front matter links, TODO placeholders.
    /// Returns the table that Markdown links are resolved through.
    static func validate(_ project: ParsedProject, sources: Set<String>, imageSizes: [String: ImageSize] = [:],
                         into diagnostics: inout [Diagnostic]) -> LinkTable
    {
        let links = LinkTable(
            basePath: project.config.basePath,
            sitePaths: Dictionary(project.documents.map { ($0.contentPath, $0.sitePath) }, uniquingKeysWith: { a, _ in a }),
            sources: sources, drafts: project.drafts, imageSizes: imageSizes)
        diagnostics += Site.duplicateURLs(in: project.documents)
        diagnostics += Term.clashes(in: project.documents)
        diagnostics += project.documents.flatMap { Site.frontMatterLinks(of: $0, table: links) }
        diagnostics += project.documents.flatMap(placeholderDiagnostics)
        return links
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

    /// - Parameter readability: also keep each page's prose for readability scores (`salve check`).
    static func renderMarkdown(_ project: ParsedProject, links: LinkTable, threads: Int?, readability: Bool,
                               cache: inout RenderCache?, into diagnostics: inout [Diagnostic]) -> [Page]
    {
        let matcher = GlossaryMatcher(project.glossary, basePath: project.config.basePath)
        let renderer = MarkdownRenderer(allowRawHTML: project.config.allowRawHTML, collectsProse: readability)
        let inputs = RenderCache.RenderInputs(
            settings: String(reflecting: project.config) + String(reflecting: project.glossary) + "\(readability)",
            sitePaths: links.sitePaths, sources: links.sources, drafts: links.drafts, imageSizes: links.imageSizes)
        let renderPages = { (documents: [Document]) in
            documents.parallelMap(threads: threads) { render($0, renderer: renderer, links: links, glossary: matcher) }
        }
        let rendered = cache?.render(project.documents, inputs: inputs, renderPages) ?? renderPages(project.documents)
        diagnostics += rendered.flatMap(\.1)
        return rendered.map(\.0)
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
