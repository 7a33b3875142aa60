// The build pipeline as a list of named, timed steps, in the order they run: read the project, parse, validate,
// render Markdown, assemble the site, check links, make the views, apply the templates, index for search, write.
// Each step is a function from values to values; the disk is read by the first and written by the last. A site in
// more than one language runs the steps from validating on once for each language (Build+Languages.swift).
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
    /// Keep each page's prose for readability scores; `salve check` sets it, a build does not need it.
    public var readability = false
    /// What the build does with the project's published-urls.txt (a build with drafts only checks it).
    public var publishedURLs = PublishedURLs.Mode.keep
    /// Retire the URLs of published-urls.txt that the build no longer makes, instead of failing.
    public var acceptRemoved = false
    /// Write a `.gz` beside each HTML, CSS, JS, JSON, XML and SVG file, as salve.yml's `compress: true` does.
    public var compress = false
    /// Pages whose Markdown, views and HTML a build that keeps nothing holds at once (tests set fewer).
    public var pagesPerBatch = 1000
    /// Told as each step starts and ends (a progress line on a terminal, `--verbose`).
    public var onStep: (@Sendable (StepEvent) -> Void)?

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
    /// Each step with its wall time and item count.
    public var steps: [StepTiming]
    /// The site's address as built (salve.yml's base_url or --base-url).
    public var baseURL: String
    public var basePath: String
    /// URLs taken out of published-urls.txt by `acceptRemoved`.
    public var retiredURLs: [String] = []
    /// `.gz` files compressed anew (`--compress`); those already holding the same file's gzip are not counted.
    public var compressed = 0
}

/// The checked site: what every step before the templates makes, and all that `salve check` needs.
struct Model: Sendable {
    var site: Site
    var listings: [Listing]
    var synonyms: Synonyms
    var templates: TemplateLibrary
    var assets: [(String, URL)]
    /// The assets' files under their plain and content-hashed names, and the hashed names for the views.
    var themeAssets: ThemeAssets
    var media: [(String, URL)]
    var warnings: [Diagnostic]
    var redirects: [Redirect] = []
    /// The table links were resolved through, while the other languages are made (they fall back to it).
    var links: LinkTable? = nil
    /// The parts of the site in its other languages, written under /CODE/ (none for a site in one language).
    var translations: [Model] = []
}

public enum Build {
    /// Builds the site and swaps it into `options.output`.
    /// - Throws: `BuildFailure` with every diagnostic when the input has errors (the old output is untouched),
    ///   or the I/O error that stopped the write.
    public static func run(_ options: BuildOptions) throws -> BuildReport {
        var timings = Timings(onStep: options.onStep)
        let model = try model(options, timings: &timings)
        let published = try timings.step("check published URLs", unit: "URLs", count: \.count) {
            try model.publishedURLs(options)
        }
        var pages: [ContentKind: Int] = [:]
        for part in [model] + model.translations {
            for page in part.site.pages { pages[page.kind, default: 0] += 1 }
        }
        var report = BuildReport(pages: pages, filesWritten: 0, warnings: model.warnings, steps: [],
                                 baseURL: model.site.config.baseURL, basePath: model.site.config.basePath,
                                 retiredURLs: published.retired)
        // Pages go to the staging folder as they are rendered; only the swap at the end makes them the site.
        var writer = SiteWriter(output: options.output, project: options.root, keep: model.site.config.keep)
        writer.compress = options.compress || model.site.config.compress
        let staged = try writer.begin()
        do {
            var memory: BuildMemory? = nil
            // The model is handed over, so that each page's HTML can go once the page is written.
            let written = try emit(consume model, options: options, into: staged, memory: &memory, timings: &timings)
            try timings.step("write", unit: "files", count: { written }) {
                try staged.finish()
                try PublishedURLs.write(published, root: options.root)
            }
            report.filesWritten = written
        } catch {
            staged.abandon()
            throw error
        }
        report.steps = timings.steps
        report.compressed = staged.compressed
        return report
    }

    /// The checked site, without templates or output: what `salve check` looks at.
    static func model(_ options: BuildOptions) throws -> Model {
        var timings = Timings()
        return try model(options, timings: &timings)
    }

    /// `makeModel` with nothing kept for later: the parsed files and their copies go when this returns.
    static func model(_ options: BuildOptions, timings: inout Timings) throws -> Model {
        var memory: BuildMemory? = nil
        return try makeModel(options, memory: &memory, timings: &timings)
    }

    /// The steps up to the templates; the preview and `salve check` start here.
    /// - Throws: `BuildFailure` with every diagnostic, when any is an error.
    /// - Parameters:
    ///   - memory: what the preview keeps between builds; nil for a build that keeps nothing, so each file's text
    ///     and Markdown are let go as soon as they are parsed and rendered.
    ///   - changed: paths under content/ the watcher saw change (read again even when their stamp is the same).
    ///   - trustingChanged: only those are stat'ed again; the rest of content/ is taken as last listed.
    static func makeModel(_ options: BuildOptions, memory: inout BuildMemory?, changed: Set<String>? = nil,
                          trustingChanged: Bool = false, timings: inout Timings) throws -> Model
    {
        let keeps = memory != nil
        var project = timings.memoStep("read the project", unit: "files", count: { $0.content.files.count }, memory: keeps) {
            counts in
            let project = Project.read(options.root, last: memory?.content, changed: changed,
                                       trustingChanged: trustingChanged, lastAssets: memory?.themeAssets,
                                       lastTemplates: memory?.templates)
            counts = StepCounts(computed: project.content.filesRead, reused: project.content.files.count - project.content.filesRead)
            return project
        }
        if keeps {
            memory!.content = project.content
            memory!.themeAssets = project.madeAssets
            memory!.templates = project.templates
            memory!.startAfreshIfOnlyNormalisationChanged(project)
        }
        var diagnostics = project.diagnostics
        var parsed = timings.memoStep("parse", unit: "pages", count: { $0.documents.count }, memory: keeps) { counts in
            parse(project, options: options, memory: &memory, counts: &counts, into: &diagnostics)
        }
        // The texts are parsed; what follows needs only the documents (a 10,000-page site's text is 60 MB).
        project.content.files = []
        giveStrings(to: &parsed, templates: project.templates, memory: &memory, into: &diagnostics)
        let translations = parsed.translations
        parsed.translations = []
        var model = part(&parsed, of: project, options: options, memory: &memory, timings: &timings, into: &diagnostics)
        addTranslations(translations, to: &model, names: parsed.config.languages, project: project, options: options,
                        memory: &memory, timings: &timings, into: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        model.warnings = diagnostics.sorted()
        return model
    }

    /// The steps from validating to checking links, for the part of the site in one language.
    /// - Parameters:
    ///   - parsed: in a build that keeps nothing, its documents lose their Markdown as they are rendered.
    ///   - fallback: the default language's link table, for a translation's links to pages it lacks.
    ///   - fallbackAnchors: the default language's pages' headings, where those links' anchors are checked.
    static func part(_ parsed: inout ParsedProject, of project: Project, options: BuildOptions, fallback: LinkTable? = nil,
                             fallbackAnchors: [String: [Heading]] = [:], memory: inout BuildMemory?, timings: inout Timings, into diagnostics: inout [Diagnostic]) -> Model
    {
        let keeps = memory != nil
        let validated = timings.memoStep("validate", unit: "pages", count: { _ in parsed.documents.count }, memory: keeps) {
            counts in
            validate(parsed, sources: project.content.markdownPaths, imageSizes: project.imageSizes, fallback: fallback,
                     threads: options.threads, memory: &memory, counts: &counts, into: &diagnostics)
        }
        let links = validated.links
        let pages = timings.memoStep("render Markdown", unit: "pages", count: \.count, memory: keeps) { counts in
            renderMarkdown(&parsed, validated: validated, options: options,
                           memory: &memory, counts: &counts, into: &diagnostics)
        }
        let (site, listings) = timings.memoStep("assemble the site", unit: "listings", count: { $0.1.count }, memory: keeps) {
            counts in
            assemble(parsed, pages: pages, memory: &memory, counts: &counts)
        }
        let paths = outputPaths(site: site, listings: listings, assets: project.assets, media: project.content.media,
                                themeFiles: project.themeAssets.files.map(\.path), memory: &memory)
        let redirects = timings.step("plan redirects", unit: "redirects", count: \.count) {
            let (redirects, found) = Redirect.plan(pages: site.pages, outputPaths: paths,
                                                   kept: Set(parsed.config.keep + ["CNAME"]))
            diagnostics += found
            return redirects.map { redirect in
                var worded = redirect
                worded.language = parsed.config.language
                worded.strings = parsed.strings
                return worded
            }
        }
        timings.memoStep("check links", unit: "pages", count: { _ in site.pages.count }, memory: keeps) { counts in
            diagnostics += checkLinks(site, outputPaths: paths, fallbackAnchors: fallbackAnchors, today: options.today,
                                      threads: options.threads, memory: &memory, counts: &counts)
            diagnostics = Site.noteUncheckedLinks(diagnostics, pages: site.pages, table: links)
        }
        return Model(
            site: site, listings: listings,
            synonyms: parsed.synonyms.adding(parsed.glossary, language: SearchLanguage(code: parsed.config.language) ?? .english),
            templates: project.templates, assets: project.assets.map { ("assets/" + $0.0, $0.1) },
            themeAssets: project.themeAssets, media: project.media, warnings: [], redirects: redirects, links: links)
    }

    /// The steps from the views on: every file of the site, handed to `output` as soon as it is made.
    /// - Returns: how many files were handed over.
    @discardableResult
    static func emit(_ model: consuming Model, options: BuildOptions, into output: some SiteOutput,
                     memory: inout BuildMemory?, timings: inout Timings) throws -> Int
    {
        var translations = model.translations
        model.translations = []
        let others = translations.flatMap { $0.site.sitemapEntries(listings: $0.listings) }
        let (themeFiles, media) = (model.themeAssets.files, model.media)
        var written = try emitPart(&model, sitemap: others, options: options, into: output, memory: &memory, timings: &timings)
        // Each other language's pages, listings, search and feed go under /CODE/; the sitemap, redirects, theme
        // assets and media are the whole site's, written once by the default language's part and here.
        for index in translations.indices {
            let code = translations[index].site.config.language
            var partMemory = memory != nil ? memory!.parts.removeValue(forKey: code) ?? BuildMemory() : nil
            var partTimings = timings.part(code)
            written += try emitPart(&translations[index], sitemap: nil, options: options,
                                    into: PrefixedOutput(output, prefix: code + "/"), memory: &partMemory,
                                    timings: &partTimings)
            timings.append(partTimings)
            if memory != nil { memory!.parts[code] = partMemory }
        }
        for file in themeFiles { try output.write(file) }
        for (path, source) in media { try output.write(OutputFile(path, .copy(source))) }
        model.translations = translations
        // Freed while the caller prunes and swaps the staged site in.
        letGo(consume model)
        return written + themeFiles.count + media.count
    }

    /// The views, pages, search files and feed of one language's part of the site.
    /// - Parameters:
    ///   - model: in a build that keeps nothing, its pages lose their HTML once they are written.
    ///   - sitemap: for the default language, the other languages' sitemap entries; nil for another
    ///     language, whose URLs are in the default language's sitemap.
    private static func emitPart(_ model: inout Model, sitemap: [SitemapEntry]?, options: BuildOptions,
                                 into output: some SiteOutput, memory: inout BuildMemory?, timings: inout Timings) throws -> Int
    {
        let keeps = memory != nil
        let pages = try writePages(model, options: options, into: output, memory: &memory, timings: &timings)
        // The search index is then made in the memory the HTML held, not on top of it.
        if !keeps {
            model.site.forgetRenderedHTML()
            LinuxCalls.returnFreedMemory()
        }
        let site = model.site
        let index = timings.memoStep("index for search", unit: "files", count: \.count, memory: keeps) { counts in
            searchFiles(site, synonyms: model.synonyms, threads: options.threads, memory: &memory, counts: &counts)
        }
        let feeds = timings.memoStep("make the sitemap and feed", unit: "files", count: \.count, memory: keeps) { counts in
            // Apart: a changed title is in the feed, and no sitemap URL or date changes with it.
            let documents = PerPage.of(site.pages, last: memory?.feedPages, \.document)
            if keeps { memory!.feedPages = documents }
            let feed = Memo.one(&memory[memo: \.feed], counts: &counts,
                                key: FeedKey(config: site.config, pages: documents.values)) { site.atomFeedFile() }
            guard let sitemap else { return [feed] }
            let pages = PerPage.of(site.pages, last: memory?.sitemapPages, SitemapKey.SitemapPage.init)
            if keeps { memory!.sitemapPages = pages }
            let key = SitemapKey(site, pages: pages.values, listings: model.listings, urlsPerSitemap: options.urlsPerSitemap,
                                 sitemap: sitemap)
            // The redirects of every language are the default language's part's to write, with the sitemap.
            return Memo.one(&memory[memo: \.sitemap], counts: &counts, key: key) {
                site.sitemapFiles(listings: model.listings, urlsPerSitemap: options.urlsPerSitemap, translations: sitemap)
            } + [feed] + Redirect.files(model.redirects, config: site.config)
        }
        // On all cores (4,000 search files at 10,000 pages), but one by one for the preview: its output keeps the
        // order files come in, which its writes rely on for speed.
        var files = index + feeds
        try files.parallelForEachEmptying(threads: keeps ? 1 : options.threads) { try output.write($0) }
        return pages + index.count + feeds.count
    }

    /// The views and the pages made from them, written to `output`; returns how many.
    private static func writePages(_ model: Model, options: BuildOptions, into output: some SiteOutput,
                                   memory: inout BuildMemory?, timings: inout Timings) throws -> Int
    {
        let threads = options.threads
        guard memory != nil else { return try writePagesInBatches(model, options: options, into: output, timings: &timings) }
        let site = model.site
        let views = timings.memoStep("make the views", unit: "views", count: \.count, memory: true) { counts in
            makeViews(site, listings: model.listings, assets: model.themeAssets, threads: threads, memory: &memory,
                      counts: &counts)
        }
        let templates = model.templates
        // A page's card is rendered once and reused on every list that shows it.
        let fragments = FragmentMemo()
        try timings.memoStep("apply the templates", unit: "pages", count: { views.count }, memory: true) { counts in
            // The fingerprints are the last build's arrays while the templates' bytes are the same, so the
            // comparison and ten thousand page keys read no text.
            let fingerprints = templates.fingerprints
            let sameTemplates = memory!.fingerprints == fingerprints
            memory!.fingerprints = fingerprints
            // With the templates as they were, only a view that is not the last build's own can make new HTML.
            let suspects = sameTemplates ? changedIndices(from: memory!.lastViews, to: views) { $0.isSame(as: $1) } : nil
            memory!.lastViews = views
            let html = Memo.run(
                &memory[memo: \.html], views, threads: threads, counts: &counts, suspects: suspects, id: \.path,
                key: { HTMLKey(file: $0, templates: fingerprints[$0.template] ?? []) },
                compute: { templates.render($0.template, $0.view.context, fragments: fragments) })
            for (file, bytes) in zip(views, html) { try output.write(OutputFile(file.path, .bytes(bytes))) }
        }
        return views.count
    }

    /// A cold build's views and pages, a batch of pages at a time: a batch's views go once its pages are written,
    /// so the views of the whole site (their JSON-LD above all, 70 MB at 10,000 pages) are never all in memory.
    private static func writePagesInBatches(_ model: Model, options: BuildOptions, into output: some SiteOutput,
                                            timings: inout Timings) throws -> Int
    {
        let (threads, batchSize) = (options.threads, options.pagesPerBatch)
        let site = model.site
        var viewsStep = timings.open("make the views", unit: "views")
        var templatesStep = timings.open("apply the templates", unit: "pages")
        let (cards, urls) = timings.part(of: &viewsStep, count: { _ in 0 }) {
            (Array(site.pages.indices).parallelMap(threads: threads) { site.card($0) },
             AssetURLs(model.themeAssets, basePath: site.config.rootBasePath))
        }
        // A page's card is rendered once and reused on every list that shows it.
        let fragments = FragmentMemo()
        func write(_ views: consuming [ViewFile]) throws {
            var views = consume views
            let count = views.count
            // Each view goes on the worker that rendered it.
            try timings.part(of: &templatesStep, count: { _ in count }) {
                try views.parallelForEachEmptying(threads: threads) { file in
                    let html = model.templates.render(file.template, file.view.context, fragments: fragments)
                    try output.write(OutputFile(file.path, .bytes(html)))
                }
            }
        }
        for start in stride(from: 0, to: site.pages.count, by: batchSize) {
            let batch = Array(start..<Swift.min(start + batchSize, site.pages.count))
            try write(timings.part(of: &viewsStep, count: \.count) {
                batch.parallelMap(threads: threads) { site.pageView($0, cards: cards, assets: urls) }
            })
        }
        try write(timings.part(of: &viewsStep, count: \.count) {
            site.otherViews(listings: model.listings, cards: cards, assets: urls, threads: threads)
        })
        timings.close(viewsStep)
        timings.close(templatesStep)
        return viewsStep.timing.items
    }

    /// `outputPaths` plus the theme's files; the preview hands on the last build's set while every page keeps
    /// its address and the listings, assets and media are the same.
    static func outputPaths(site: Site, listings: [Listing], assets: [(String, URL)], media: [String], themeFiles: [String],
                            memory: inout BuildMemory?) -> Set<String>
    {
        let others = OutputPathsFrom.Others(listings: listings.map(\.sitePath), assets: assets.map(\.0), media: media,
                                            themeFiles: themeFiles, hasGlossary: !site.glossary.terms.isEmpty)
        if let last = memory?.outputPaths, last.others == others,
            changedIndices(from: last.pages, to: site.pages, same: { $0.isSame(as: $1) })?.allSatisfy({
                site.pages[$0].sitePath == last.pages[$0].sitePath
            }) == true
        {
            precondition(!verifiesSuspects || last.paths == outputPaths(site: site, listings: listings, assets: assets, media: media)
                .union(themeFiles), "memo: the output paths changed unnoticed")
            memory!.outputPaths!.pages = site.pages
            return last.paths
        }
        let paths = outputPaths(site: site, listings: listings, assets: assets, media: media).union(themeFiles)
        if memory != nil { memory!.outputPaths = OutputPathsFrom(pages: site.pages, others: others, paths: paths) }
        return paths
    }

    /// Every path the build will write, known before any template runs, so links are checked from the model.
    static func outputPaths(site: Site, listings: [Listing], assets: [(String, URL)], media: [String]) -> Set<String> {
        var paths = Set(site.pages.map { $0.sitePath + "index.html" } + listings.map { $0.sitePath + "index.html" })
        paths.formUnion(["index.html", "search/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
                         "search-index.json", Redirect.hostRulesFile, Redirect.nginxFile])
        if !site.glossary.terms.isEmpty { paths.insert("glossary/index.html") }
        paths.formUnion(assets.map { "assets/" + $0.0 })
        paths.formUnion(media)
        return paths
    }
}

extension Day {
    /// Today in UTC.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
