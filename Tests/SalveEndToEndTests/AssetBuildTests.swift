// Theme assets and search files under content-hashed names in a built site: pages name the hashed files, a change
// renames only what changed, old names go, and the preview still swaps a changed stylesheet without a reload.
import Foundation
@testable import SalveCore
import Testing

@Suite struct AssetBuildTests {
    static let files = [
        "content/articles/a.md": TestSite.page("A", body: "Sleep and pain."),
        "content/articles/b.md": TestSite.page("B", body: "Rest and fatigue."),
    ]

    /// The stylesheet's URL in the page at `path`.
    func stylesheet(_ site: TestSite, _ path: String = "index.html") throws -> String {
        let html = try site.read(path)
        let start = try #require(html.range(of: #"<link rel="stylesheet" href=""#)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    func names(under folder: String, in site: TestSite) throws -> [String] {
        try TestSite.snapshot(of: site.output).keys.filter { $0.hasPrefix(folder) }.sorted()
    }

    @Test("pages name the hashed stylesheet and script under the base path; the plain names stay for older templates")
    func hashedUnderSubPath() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build(baseURL: "https://example.org/health/")
        let css = try stylesheet(site, "articles/a/index.html")
        let source = try String(contentsOf: site.root.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        #expect(css == "/health/assets/style.\(ContentHash.of(Array(source.utf8))).css")
        #expect(try site.read(String(css.dropFirst("/health/".count))) == source)
        #expect(try site.read("assets/style.css") == source)
        let search = try site.read("search/index.html")
        let script = try #require(search.range(of: #"<script type="module" src=""#)).upperBound
        let src = String(search[script...].prefix { $0 != "\"" })
        #expect(src.hasPrefix("/health/assets/search.") && src.hasSuffix(".js") && src != "/health/assets/search.js")
        let published = try site.read(String(src.dropFirst("/health/".count)))
        #expect(published.contains(#"from "./search-engine."#) && !published.contains(#"from "./search-engine.js""#))
    }

    @Test("a template that still links {{site.base}}assets/style.css keeps working")
    func oldTemplate() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let base = try String(contentsOf: site.root.appendingPathComponent("templates/base.mustache"), encoding: .utf8)
        try site.write("templates/base.mustache", base.replacingOccurrences(of: "{{site.assets.style_css}}", with: "{{site.base}}assets/style.css"))
        try site.build()
        #expect(try stylesheet(site) == "/assets/style.css")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/style.css").path))
    }

    @Test("an edit renames only the files whose bytes changed, and the old names are gone from the site")
    func unchangedKeepNames() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        let css = try stylesheet(site)
        let assets = try names(under: "assets/", in: site)
        let search = try names(under: "search/", in: site)
        try site.write("content/articles/b.md", TestSite.page("B", body: "Rest and tiredness."))
        try site.build()
        #expect(try stylesheet(site) == css)
        #expect(try names(under: "assets/", in: site) == assets)
        let after = try names(under: "search/", in: site)
        #expect(after != search)
        let kept = Set(after).intersection(search)
        #expect(!kept.subtracting(["search/index.html"]).isEmpty, "unchanged search files keep their names")
        try site.write("templates/assets/style.css", "body { color: black }\n")
        try site.build()
        #expect(try stylesheet(site) != css)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(String(css.dropFirst())).path))
        #expect(try names(under: "assets/style.", in: site).count == 2, "the plain name and the new hashed one")
    }

    @Test("search-index.json names every search file the build wrote, and no other")
    func manifestNamesEveryFile() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        let entry = try #require(JSONSerialization.jsonObject(with: Data(try site.read("search-index.json").utf8)) as? [String: Any])
        var named: [String] = []
        for part in ["terms", "results", "words"] {
            let section = try #require(entry[part] as? [String: Any])
            let files = try #require(section["files"] as? [String])
            let numbers = part == "words" ? try #require(section["lengths"] as? [Int]) : Array(files.indices)
            named += zip(numbers, files).map { "search/\(part)/\($0).\($1).json" }
        }
        #expect(named.sorted() == (try names(under: "search/", in: site)).filter { $0 != "search/index.html" })
    }

    @Test("in the preview, a stylesheet edit is still a stylesheet swap; with a page edit it is a reload")
    func previewSwap() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        var options = site.options()
        options.output = site.root.appendingPathComponent(".salve/preview")
        var build = try IncrementalBuild(options)
        _ = try build.rebuild()
        try site.write("templates/assets/style.css", "body { color: black }\n")
        let swap = try build.rebuild()
        #expect(swap.onlyStylesheets)
        #expect(swap.written.contains("articles/a/index.html"), "pages name the new stylesheet")
        let page = try String(contentsOf: options.output.appendingPathComponent("articles/a/index.html"), encoding: .utf8)
        let hashed = "style.\(ContentHash.of(Array("body { color: black }\n".utf8))).css"
        #expect(page.contains(#"<link rel="stylesheet" href="/assets/\#(hashed)">"#))
        #expect(FileManager.default.fileExists(atPath: options.output.appendingPathComponent("assets/" + hashed).path))
        try site.write("templates/assets/style.css", "body { color: navy }\n")
        try site.write("content/articles/b.md", TestSite.page("B", body: "Rest and tiredness."))
        #expect(!(try build.rebuild().onlyStylesheets))
    }
}
