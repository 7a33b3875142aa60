// moved_from: a redirect page at each old address, the host rules, and the errors for clashing addresses.
import Foundation
import SalveCore
import Testing

@Suite("Redirects")
struct RedirectTests {
    static let config = "title: Test Health\nbase_url: https://example.org/health/\n"

    @Test("each old address gets a redirect page, a _redirects rule and an nginx map line, all under the base path")
    func writesRedirects() throws {
        let site = try TestSite([
            "salve.yml": Self.config,
            "content/articles/new.md": TestSite.page("Sleep and pain", extra: "moved_from: [/articles/old/, /old-page.html]"),
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("articles/old/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/health/articles/new/\">"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/health/articles/new/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"/health/articles/new/\">Sleep and pain</a>"))
        #expect(try site.read("old-page.html") == page)
        #expect(try site.read("_redirects") == """
            # Made by Salve from each page's moved_from: old address, new address, status.
            /health/articles/old/ /health/articles/new/ 301
            /health/articles/old /health/articles/new/ 301
            /health/articles/old/index.html /health/articles/new/ 301
            /health/old-page.html /health/articles/new/ 301

            """)
        #expect(try site.read("nginx-redirects.conf").contains("    /health/old-page.html /health/articles/new/;\n"))
    }

    @Test("redirect pages are not in the sitemap, the feed or the search index")
    func redirectsAreNotPages() throws {
        let site = try TestSite([
            "content/articles/new.md": TestSite.page("Sleep and pain", extra: "moved_from: [/articles/gone-away/]"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/gone-away/index.html").path))
        for (path, data) in try TestSite.snapshot(of: site.output)
        where path.hasSuffix(".xml") || path.hasSuffix(".json") {
            #expect(!String(decoding: data, as: UTF8.self).contains("gone-away"), "\(path) names the redirect")
        }
    }

    @Test("two pages claiming one old address is an error on the later file naming the other")
    func clashingOldAddresses() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: "moved_from: [/articles/old/]"),
            "content/articles/b.md": TestSite.page("B", extra: "moved_from:\n  - /articles/old"),
        ])
        defer { site.remove() }
        #expect(try site.errors() == [.error(
            "content/articles/b.md", line: 7, column: 5, "the old address /articles/old/ is also claimed by content/articles/a.md (line 6)",
            fix: "keep it in the `moved_from` of the page that replaced the old one, and remove it from the other")])
    }

    @Test("an old address that is a live page is an error naming the page's file")
    func oldAddressIsLive() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: "moved_from: [/articles/b/]"),
            "content/articles/b.md": TestSite.page("B"),
        ])
        defer { site.remove() }
        #expect(try site.errors() == [.error(
            "content/articles/a.md", line: 6, column: 14, "the old address /articles/b/ is the live page of content/articles/b.md",
            fix: "remove it from `moved_from`: a page that is published cannot redirect")])
    }

    @Test("an old address over a listing or a file the build makes is an error")
    func oldAddressIsAFile() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: "moved_from: [/articles/, /sitemap.xml, /robots.txt/x/, /CNAME/]"),
        ])
        defer { site.remove() }
        #expect(try site.errors().map(\.message) == [
            "the old address /articles/ is a page or file that the build makes",
            "the old address /sitemap.xml is a page or file that the build makes",
            "the old address /robots.txt/x/ needs a folder where the build writes the file /robots.txt",
            "the old address /CNAME/ is inside /CNAME, which the build keeps as it is (CNAME or salve.yml's `keep:`)",
        ])
    }

    @Test("a bad old address is one error at the path, with its line and column")
    func badOldAddress() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: "moved_from: [https://example.org/old/]"),
        ])
        defer { site.remove() }
        #expect(try site.errors() == [.error(
            "content/articles/a.md", line: 6, column: 14,
            "the old address \"https://example.org/old/\" in `moved_from` is a full address; `moved_from` takes a path on this site",
            fix: "write the old path on this site without the base path, for example /articles/old-name/")])
    }

    @Test("an old file address cannot be the folder of another old address, in either order")
    func fileAndFolderClash() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: "moved_from: [/old.html]"),
            "content/articles/b.md": TestSite.page("B", extra: "moved_from: [/old.html/inner/]"),
            "content/articles/c.md": TestSite.page("C", extra: "moved_from: [/d/e/]"),
            "content/articles/d.md": TestSite.page("D", extra: "moved_from: [/d/]"),
            "content/articles/e.md": TestSite.page("E", extra: "moved_from: [/d/e/index.html/]"),
            "content/articles/f.md": TestSite.page("F", extra: "moved_from: [/y.html/inner/]"),
            "content/articles/g.md": TestSite.page("G", extra: "moved_from: [/y.html]"),
        ])
        defer { site.remove() }
        #expect(try site.errors().map { "\($0.path): \($0.message)" } == [
            "content/articles/b.md: the old address /old.html/inner/ needs a folder where the old address /old.html of content/articles/a.md is a file",
            "content/articles/e.md: the old address /d/e/index.html/ needs a folder where the old address /d/e/ of content/articles/c.md is a file",
            "content/articles/g.md: the old address /y.html is a folder of the old address /y.html/inner/ of content/articles/f.md",
        ])
    }
}
