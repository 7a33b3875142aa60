// published-urls.txt: made by the first build, grown by later ones, and a guard against URLs that disappear.
import Foundation
import SalveCore
import Testing

@Suite("Published URLs")
struct PublishedURLsTests {
    static let files = [
        "content/articles/a.md": TestSite.page("A"),
        "content/articles/b.md": TestSite.page("B"),
    ]

    func list(_ site: TestSite) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent("published-urls.txt"), encoding: .utf8)
    }

    @Test("the first build writes every page's URL path, sorted and without the base path")
    func firstBuild() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build(baseURL: "https://example.org/health/")
        #expect(try list(site) == PublishedURLs.header + "\n" + """
            /
            /articles/
            /articles/a/
            /articles/b/
            /comparisons/
            /conditions/
            /faqs/
            /search/
            /treatments/

            """)
    }

    @Test("a page that disappears fails the build naming the URL and the fix; site/ and the list stay as they were")
    func removedPageFails() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        let before = try TestSite.snapshot(of: site.output)
        let listed = try list(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/b.md"))
        #expect(try site.errors() == [.error(
            "published-urls.txt", line: 5, column: 1, "the URL /articles/b/ was published, and this build no longer makes it",
            fix: "add moved_from: [/articles/b/] to the page that replaced it, or remove the line to retire it")])
        #expect(try TestSite.snapshot(of: site.output) == before)
        #expect(try list(site) == listed)
    }

    @Test("a moved_from covering the old URL lets the build go on, and the new URL joins the list")
    func movedFromCovers() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/b.md"))
        try site.write("content/articles/c.md", TestSite.page("C", extra: "moved_from: [/articles/b/]"))
        try site.build()
        let lines = try list(site).split(separator: "\n")
        #expect(lines.contains("/articles/b/") && lines.contains("/articles/c/"))
    }

    @Test("accepting removed URLs retires them from the list")
    func acceptRemoved() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/b.md"))
        var options = site.options()
        options.acceptRemoved = true
        let report = try Build.run(options)
        #expect(report.retiredURLs == ["/articles/b/"])
        #expect(try !list(site).split(separator: "\n").contains("/articles/b/"))
    }

    @Test("a build with drafts checks the list but never writes it; an unchanged list is not rewritten")
    func draftsDoNotWrite() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.build()
        let url = site.root.appendingPathComponent("published-urls.txt")
        let written = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        try site.write("content/articles/d.md", TestSite.page("D", extra: "draft: true"))
        try site.build(drafts: true)
        #expect(try !list(site).contains("/articles/d/"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/d.md"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: url.path)
        try site.build()
        let after = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        #expect(written != nil && after == Date(timeIntervalSince1970: 0))
    }

    @Test("a published-urls.txt that Salve did not make is left alone and stops the build")
    func foreignFile() throws {
        let site = try TestSite(Self.files.merging(["published-urls.txt": "my notes\n"]) { a, _ in a })
        defer { site.remove() }
        #expect(try site.errors().map(\.message) == ["published-urls.txt was not made by Salve, so the build leaves it alone"])
        #expect(try list(site) == "my notes\n")
    }

    @Test("salve build fails on a removed URL with the fix, and salve build --accept-removed retires it and says so")
    func acceptRemovedOnTheCommandLine() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/b.md"))
        let failed = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("published-urls.txt:5:1: error: the URL /articles/b/ was published, and this build no longer makes it"))
        #expect(failed.stderr.contains("add moved_from: [/articles/b/] to the page that replaced it, or remove the line to retire it"))
        let accepted = try run(salveBinary.path, ["build", "--root", site.root.path, "--accept-removed"])
        #expect(accepted.status == 0)
        #expect(accepted.stdout.contains("retired /articles/b/ from published-urls.txt\n"))
        #expect(try !list(site).split(separator: "\n").contains("/articles/b/"))
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
    }
}

@Suite("Published URLs in salve check")
struct PublishedURLsCheckTests {
    @Test("salve check reports a URL that would disappear, and leaves the list as it is")
    func checkReportsRemovedURLs() throws {
        let site = try TestSite(PublishedURLsTests.files)
        defer { site.remove() }
        try site.build()
        let url = site.root.appendingPathComponent("published-urls.txt")
        let listed = try String(contentsOf: url, encoding: .utf8)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/b.md"))
        try site.write("content/articles/c.md", TestSite.page("C"))
        let found = try Check.run(site.options()).filter { $0.path == "published-urls.txt" }
        #expect(found.map(\.message) == ["the URL /articles/b/ was published, and this build no longer makes it"])
        #expect(try String(contentsOf: url, encoding: .utf8) == listed)
    }
}
