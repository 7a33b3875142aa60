// `salve build`: builds content/ and templates/ into site/.
import ArgumentParser
import Foundation
import SalveCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/ and templates/ into site/.",
        discussion: """
            Errors are printed as `file:line: error: message — fix`; a failed build leaves site/ as it was.
            The output keeps its hidden entries (.git, .nojekyll), CNAME and salve.yml's `keep:` names; \
            Salve refuses an output that holds other files it did not make (its folders hold .salve-output).
            Every URL the site publishes is kept in published-urls.txt at the project root (commit it); a build that \
            no longer makes one of them fails, unless a page's `moved_from` covers it or --accept-removed retires it. \
            --drafts builds check the list but never write it.
            Example: salve build --drafts --output /tmp/preview
            Example: salve build --compress (site/style.css and site/style.css.gz, for nginx gzip_static)
            """)

    @OptionGroup var project: ProjectOptions

    @Option(help: "Folder to write the site to.")
    var output: String = "site"

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Use this address instead of salve.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Also write a .gz beside each HTML, CSS, JS, JSON, XML and SVG file (as salve.yml's `compress: true`).")
    var compress = false

    @Flag(name: .customLong("accept-removed"),
          help: "Retire the URLs in published-urls.txt that this build no longer makes, instead of failing.")
    var acceptRemoved = false

    @Option(help: "Worker threads (default: one per core). The output is the same for any number.")
    var threads: Int?

    @Flag(help: "Print each step of the build with its time as it finishes.")
    var verbose = false

    @Flag(help: "Print each step of the build with its time and how many items it made.")
    var timings = false

    func run() throws {
        let started = Date()
        let root = project.rootURL
        var options = BuildOptions(
            root: root, output: URL(fileURLWithPath: output, relativeTo: root), includeDrafts: drafts,
            baseURL: baseURL, threads: threads.map { max(1, $0) })
        options.acceptRemoved = acceptRemoved
        options.onStep = BuildProgress.handler(verbose: verbose)
        options.compress = compress
        do {
            let report = try Build.run(options)
            BuildProgress.clear()
            let digest = WarningDigest(report.warnings)
            DiagnosticPrinter(root: root).print(digest.shown)
            for line in digest.summaries { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            let counts = ContentKind.allCases.map { kind in
                let count = report.pages[kind, default: 0]
                let noun = [ContentKind.article: "article", .faq: "FAQ page", .comparison: "comparison"][kind]!
                return "\(count) \(noun)\(count == 1 ? "" : "s")"
            }.joined(separator: ", ")
            let seconds = Date().timeIntervalSince(started)
            print("Built \(counts) (\(report.filesWritten) files) into \(output)/ in \(Int(seconds * 1000)) ms")
            if timings { print(TimingsTable.text(report.steps)) }
            for url in report.retiredURLs { print("retired \(url) from \(PublishedURLs.fileName)") }
            if report.basePath != "/" {
                // Crawlers read robots.txt only at the host's root, which a site under a sub-path does not own.
                let root = String(report.baseURL.dropLast(report.basePath.count - 1))
                FileHandle.standardError.write(Data("""
                    note: the site lives under \(report.basePath), but crawlers read robots.txt only at \(root)robots.txt; \
                    ask the host's owner to add `Sitemap: \(report.baseURL)sitemap.xml` there

                    """.utf8))
            }
        } catch let failure as BuildFailure {
            BuildProgress.clear()
            let digest = WarningDigest(failure.diagnostics)
            DiagnosticPrinter(root: root).print(digest.shown)
            for line in digest.summaries { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            throw ValidationFailed(message: "build failed with \(errors) error\(errors == 1 ? "" : "s"); \(output)/ was not changed")
        } catch {
            BuildProgress.clear()
            throw error
        }
    }
}

struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: "The project folder holding salve.yml, content/ and templates/.")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}

/// An error whose details were already printed: ends the command with exit code 1 and one summary line.
struct ValidationFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
