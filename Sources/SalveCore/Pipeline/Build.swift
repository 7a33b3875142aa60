// The build pipeline as a list of named, timed steps, in the order they run: read the project, parse, validate,
// render Markdown, assemble the site, check links, make the views, apply the templates, index for search, write.
// Each step is a function from values to values; the disk is read by the first and written by the last.
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
    /// Write a `.gz` beside each HTML, CSS, JS, JSON, XML and SVG file, as salve.yml's `compress: true` does.
    public var compress = false
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
}

public enum Build {
    /// Builds the site and swaps it into `options.output`.
    /// - Throws: `BuildFailure` with every diagnostic when the input has errors (the old output is untouched),
    ///   or the I/O error that stopped the write.
    public static func run(_ options: BuildOptions) throws -> BuildReport {
        var timings = Timings(onStep: options.onStep)
        let model = try model(options, timings: &timings)
        // Pages go to the staging folder as they are rendered; only the swap at the end makes them the site.
        var writer = SiteWriter(output: options.output, project: options.root, keep: model.site.config.keep)
        writer.compress = options.compress || model.site.config.compress
        let staged = try writer.begin()
        let written: Int
        do {
            written = try emit(model, threads: options.threads, urlsPerSitemap: options.urlsPerSitemap, into: staged,
                               timings: &timings)
            try timings.step("write", unit: "files", count: { written }) { try staged.finish() }
        } catch {
            staged.abandon()
            throw error
        }
        var pages: [ContentKind: Int] = [:]
        for page in model.site.pages { pages[page.kind, default: 0] += 1 }
        return BuildReport(pages: pages, filesWritten: written, warnings: model.warnings, steps: timings.steps,
                           baseURL: model.site.config.baseURL, basePath: model.site.config.basePath,
                           compressed: staged.compressed)
    }

    /// The checked site, without templates or output: what `salve check` looks at.
    static func model(_ options: BuildOptions) throws -> Model {
        var timings = Timings()
        return try model(options, timings: &timings)
    }

    /// `makeModel` with nothing kept for later: the parsed files and their copies go when this returns.
    static func model(_ options: BuildOptions, timings: inout Timings) throws -> Model {
        var cache: RenderCache? = nil
        return try makeModel(options, cache: &cache, timings: &timings)
    }

    /// The steps up to the templates; the preview and `salve check` start here.
    /// - Throws: `BuildFailure` with every diagnostic, when any is an error.
    /// - Parameter cache: what the preview keeps between rebuilds; nil for a build that keeps nothing, so each
    ///   file's text and Markdown are let go as soon as they are parsed and rendered.
    static func makeModel(_ options: BuildOptions, cache: inout RenderCache?, timings: inout Timings) throws -> Model {
        var project = timings.step("read the project", unit: "files", count: { $0.content.files.count }) {
            Project.read(options.root)
        }
        var diagnostics = project.diagnostics
        var settings = timings.step("parse", unit: "pages", count: { $0.documents.count }) {
            parse(project, options: options, cache: &cache, into: &diagnostics)
        }
        // The texts are parsed; what follows needs only the documents (a 10,000-page site's text is 60 MB).
        project.content.files = []
        let links = timings.step("validate", unit: "pages", count: { _ in settings.documents.count }) {
            validate(settings, sources: project.content.markdownPaths, imageSizes: project.imageSizes, into: &diagnostics)
        }
        let pages = timings.step("render Markdown", unit: "pages", count: \.count) {
            renderMarkdown(settings, links: links, threads: options.threads, readability: options.readability,
                           cache: &cache, into: &diagnostics)
        }
        settings.documents = []
        let (site, listings) = timings.step("assemble the site", unit: "listings", count: { $0.1.count }) {
            let site = Site.assemble(config: settings.config, pages: pages, glossary: settings.glossary)
            return (site, site.listings)
        }
        timings.step("check links", unit: "pages", count: { _ in site.pages.count }) {
            let paths = outputPaths(site: site, listings: listings, assets: project.assets, media: project.content.media)
                .union(project.themeAssets.files.map(\.path))
            diagnostics += site.brokenLinks(outputPaths: paths)
            diagnostics += site.overdueReviews(today: options.today)
            diagnostics = Site.noteUncheckedLinks(diagnostics, pages: site.pages, table: links)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        return Model(
            site: site, listings: listings, synonyms: settings.synonyms.adding(settings.glossary),
            templates: project.templates, assets: project.assets.map { ("assets/" + $0.0, $0.1) },
            themeAssets: project.themeAssets, media: project.media,
            warnings: diagnostics.sorted())
    }

    /// The steps from the views on: every file of the site, handed to `output` as soon as it is made.
    /// - Returns: how many files were handed over.
    @discardableResult
    static func emit(_ model: Model, threads: Int?, urlsPerSitemap: Int, into output: some SiteOutput,
                     timings: inout Timings) throws -> Int
    {
        let site = model.site
        let views = timings.step("make the views", unit: "views", count: \.count) { site.views(listings: model.listings, assets: model.themeAssets) }
        let templates = model.templates
        // A page's card is rendered once and reused on every list that shows it.
        let fragments = FragmentMemo()
        try timings.step("apply the templates", unit: "pages", count: { views.count }) {
            let failures = views.parallelMap(threads: threads) { file -> Error? in
                do {
                    let html = templates.render(file.template, file.view.context, fragments: fragments)
                    try output.write(OutputFile(file.path, .bytes(html)))
                    return nil
                } catch { return error }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
        let index = timings.step("index for search", unit: "files", count: \.count) {
            SearchIndex.make(from: site, synonyms: model.synonyms, threads: threads).files()
        }
        let feeds = timings.step("make the sitemap and feed", unit: "files", count: \.count) {
            site.feedFiles(listings: model.listings, urlsPerSitemap: urlsPerSitemap)
        }
        for file in index + feeds { try output.write(file) }
        for file in model.themeAssets.files { try output.write(file) }
        for (path, source) in model.media { try output.write(OutputFile(path, .copy(source))) }
        return views.count + index.count + feeds.count + model.themeAssets.files.count + model.media.count
    }

    /// Every path the build will write, known before any template runs, so links are checked from the model.
    static func outputPaths(site: Site, listings: [Listing], assets: [(String, URL)], media: [String]) -> Set<String> {
        var paths = Set(site.pages.map { $0.sitePath + "index.html" } + listings.map { $0.sitePath + "index.html" })
        paths.formUnion(["index.html", "search/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
                         "search-index.json"])
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
