// The build pipeline, top to bottom: load, parse, validate, render, assemble, apply templates, write, swap.
import Foundation

public struct BuildOptions: Sendable {
    /// The project folder holding salve.yml, content/ and templates/.
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    /// Replaces salve.yml's base_url (the preview server uses its own address).
    public var baseURL: String?
    /// The day review dates are compared with.
    public var today: Day
    /// Worker threads for rendering; nil uses every core.
    public var threads: Int?
    /// URLs per sitemap file before sitemap.xml becomes an index (sitemaps.org: 50,000; tests set fewer).
    public var urlsPerSitemap = Site.urlsPerSitemap

    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, baseURL: String? = nil,
                today: Day = .today, threads: Int? = nil)
    {
        self.root = root
        self.output = output ?? root.appendingPathComponent("site")
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.today = today
        self.threads = threads
    }
}

/// What a successful build did.
public struct BuildReport: Sendable {
    public var pages: [ContentKind: Int]
    public var filesWritten: Int
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
}

public enum Build {
    /// Builds the site and swaps it into `options.output`.
    /// - Throws: `BuildFailure` with every diagnostic when the input has errors (the old output is untouched),
    ///   or the I/O error that stopped the write.
    public static func run(_ options: BuildOptions) throws -> BuildReport {
        let (site, files, warnings) = try prepare(options)
        try SiteWriter(output: options.output, project: options.root, keep: site.config.keep).write(files)
        var pages: [ContentKind: Int] = [:]
        for page in site.pages { pages[page.kind, default: 0] += 1 }
        return BuildReport(pages: pages, filesWritten: files.count, warnings: warnings)
    }

    /// Everything but the write: the site and its files, or every diagnostic found.
    static func prepare(_ options: BuildOptions) throws -> (Site, [OutputFile], [Diagnostic]) {
        var cache = RenderCache()
        return try prepare(options, reusing: &cache)
    }

    /// `prepare`, parsing and rendering only the pages that `cache` does not already hold (the preview's rebuilds).
    static func prepare(_ options: BuildOptions, reusing cache: inout RenderCache) throws -> (Site, [OutputFile], [Diagnostic]) {
        let root = options.root
        var diagnostics: [Diagnostic] = []

        var config = loadConfig(root.appendingPathComponent("salve.yml"), into: &diagnostics)
        if let baseURL = options.baseURL { config.override(baseURL: baseURL, into: &diagnostics) }

        let source = ContentSource.load(from: root.appendingPathComponent("content"), displayFolder: "content")
        diagnostics += source.diagnostics

        let documents = parse(source, config: config, includeDrafts: options.includeDrafts, cache: &cache, into: &diagnostics)

        let links = LinkTable(
            basePath: config.basePath,
            sitePaths: Dictionary(documents.map { ($0.contentPath, $0.sitePath) }, uniquingKeysWith: { a, _ in a }),
            sources: source.markdownPaths)
        diagnostics += Site.duplicateURLs(in: documents)
        diagnostics += Term.clashes(in: documents)
        diagnostics += documents.flatMap { Site.frontMatterLinks(of: $0, table: links) }

        let glossary = loadGlossary(root.appendingPathComponent(Glossary.path), into: &diagnostics)
        let synonyms = Synonyms.load(root.appendingPathComponent(Synonyms.path), into: &diagnostics)
        let matcher = GlossaryMatcher(glossary, basePath: config.basePath)
        let renderer = MarkdownRenderer(allowRawHTML: config.allowRawHTML)
        let inputs = RenderCache.RenderInputs(
            settings: String(reflecting: config) + String(reflecting: glossary), sitePaths: links.sitePaths, sources: links.sources)
        let rendered = cache.render(documents, inputs: inputs) { changed in
            changed.parallelMap(threads: options.threads) { render($0, renderer: renderer, links: links, glossary: matcher) }
        }
        diagnostics += rendered.flatMap(\.1)

        let site = Site.assemble(config: config, pages: rendered.map(\.0), glossary: glossary)

        let (templates, templateDiagnostics) = TemplateLibrary.load(
            from: root.appendingPathComponent("templates"), displayFolder: "templates")
        diagnostics += templateDiagnostics
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }

        let files = try site.outputFiles(
            templates: templates,
            assets: copies(under: root.appendingPathComponent("templates/assets"), prefix: ""),
            media: source.media.map { ($0, root.appendingPathComponent("content").appendingPathComponent($0)) },
            threads: options.threads, urlsPerSitemap: options.urlsPerSitemap)
            + SearchIndex.make(from: site, synonyms: synonyms.adding(glossary), threads: options.threads).files()
        diagnostics += site.brokenLinks(outputPaths: Set(files.map(\.path)))
        diagnostics += site.overdueReviews(today: options.today)
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        return (site, files, diagnostics.sorted())
    }

    static func loadConfig(_ file: URL, into diagnostics: inout [Diagnostic]) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            diagnostics.append(.error("salve.yml", "salve.yml is missing or cannot be read",
                                      fix: "create salve.yml with at least `title:` and `base_url:`"))
            return SiteConfig()
        }
        switch ContentSource.decodeUTF8(data) {
        case .success(let text):
            let (config, found) = SiteConfig.parse(text, path: "salve.yml")
            diagnostics += found
            return config
        case .failure(let line):
            diagnostics.append(.error("salve.yml", line: line.value, "salve.yml is not valid UTF-8 text",
                                      fix: "save it as UTF-8"))
            return SiteConfig()
        }
    }

    /// The glossary is optional: no file means no terms.
    static func loadGlossary(_ file: URL, into diagnostics: inout [Diagnostic]) -> Glossary {
        guard let data = FileManager.default.contents(atPath: file.path) else { return .empty }
        switch ContentSource.decodeUTF8(data) {
        case .success(let text):
            let (glossary, found) = Glossary.parse(text)
            diagnostics += found
            return glossary
        case .failure(let line):
            diagnostics.append(.error(Glossary.path, line: line.value, "the glossary is not valid UTF-8 text",
                                      fix: "save it as UTF-8"))
            return .empty
        }
    }

    static func parse(_ source: ContentSource, config: SiteConfig, includeDrafts: Bool, cache: inout RenderCache,
                      into diagnostics: inout [Diagnostic]) -> [Document]
    {
        let parsed = cache.parse(source.files, config: config) { changed in
            changed.parallelMap { file in
                Document.parse(file.text, kind: file.kind, contentPath: file.contentPath,
                               sourcePath: "content/" + file.contentPath, config: config)
            }
        }
        diagnostics += parsed.flatMap(\.1)
        return parsed.compactMap(\.0).filter { includeDrafts || !$0.metadata.draft }
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
        return (Page(document: document, body: body, table: table), found)
    }

    /// Files under `folder` (theme assets), as (path inside the output, source) pairs.
    static func copies(under folder: URL, prefix: String) -> [(String, URL)] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap { path in
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { return nil }
            return (prefix + path, url)
        }
    }
}

extension Day {
    /// Today in UTC.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
