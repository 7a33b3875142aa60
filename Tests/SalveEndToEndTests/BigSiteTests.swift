// Limits for big sites: split sitemaps, a capped feed, a glossary size cap and a cap on table cells.
import Foundation
import SalveCore
import Testing

@Suite("big sites")
struct BigSiteTests {
    @Test("above the per-file limit sitemap.xml becomes an index of sitemaps holding every URL once")
    func sitemapIndex() throws {
        var files: [String: String] = [:]
        for index in 0..<5 { files["content/articles/page\(index).md"] = TestSite.page("Page \(index)") }
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let single = try site.read("sitemap.xml")
        let all = locations(in: single)
        #expect(single.contains("<urlset"))
        #expect(all.count > 6, "\(all)")

        var options = site.options()
        options.urlsPerSitemap = 3
        try Build.run(options)
        let index = try site.read("sitemap.xml")
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let parts = locations(in: index)
        #expect(parts == (1...((all.count + 2) / 3)).map { "https://example.org/sitemap-\($0).xml" })
        var seen: [String] = []
        for part in parts {
            let urls = locations(in: try site.read(String(part.dropFirst("https://example.org/".count))))
            #expect(urls.count <= 3 && !urls.isEmpty)
            seen += urls
        }
        #expect(seen == all, "the parts hold every URL once, in order")
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
    }

    @Test("feed.xml lists the 50 most recently reviewed pages, or as many as `feed: {entries: N}` says")
    func feedIsCapped() throws {
        var files: [String: String] = [:]
        for index in 0..<55 {
            let day = String(format: "%02d", index % 28 + 1)
            let month = index < 28 ? "01" : "02"
            files["content/articles/page\(index).md"] = TestSite.page("Page \(index)")
                .replacingOccurrences(of: "last_reviewed: 2026-01-15", with: "last_reviewed: 2026-\(month)-\(day)")
        }
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(entries(in: try site.read("feed.xml")).count == 50)

        try site.write("salve.yml", TestSite.config + "\nfeed:\n  entries: 2\n")
        try site.build()
        #expect(entries(in: try site.read("feed.xml")) == ["Page 54", "Page 53"])

        try site.write("salve.yml", TestSite.config + "\nfeed:\n  entries: 0\n")
        let errors = try site.errors()
        #expect(errors == [.error("salve.yml", line: 5, "feed entries must be above 0", fix: "use a number such as 50")], "\(errors)")
    }

    @Test("a glossary over 5 MB is refused before it is parsed")
    func glossaryCap() throws {
        let entry = "- term: Word\(String(repeating: "x", count: 40))\n  definition: \(String(repeating: "A long definition. ", count: 20))\n"
        let big = String(repeating: entry, count: 5 * 1_048_576 / entry.utf8.count + 10)
        let site = try TestSite(["content/articles/a.md": TestSite.page("A"), "content/glossary.yml": big])
        defer { site.remove() }
        let megabytes = String(Double(big.utf8.count * 10 / 1_048_576) / 10)
        #expect(try site.errors() == [
            .error("content/glossary.yml", "the glossary is \(megabytes) MB; it can be at most 5 MB",
                   fix: "keep definitions short, or split long explanations into articles"),
        ])
    }

    @Test("a body table or a comparison with more than 100,000 cells is refused with its file and line")
    func tableCap() throws {
        let row = String(repeating: "| a ", count: 400) + "|\n"
        let delimiter = String(repeating: "|---", count: 400) + "|\n"
        let table = row + delimiter + String(repeating: row, count: 250)
        let criteria = (0..<400).map { "  - key: k\($0)\n    label: Column \($0)" }.joined(separator: "\n")
        let rows = (0..<251).map { "  - name: Option \($0)" }.joined(separator: "\n")
        let site = try TestSite([
            "content/articles/wide.md": TestSite.page("Wide", body: "Intro.\n\n" + table),
            "content/articles/fine.md": TestSite.page("Fine", body: "| a | b |\n|---|---|\n| 1 | 2 |\n"),
            "content/comparisons/huge.md": TestSite.page("Huge", extra: "criteria:\n\(criteria)\ntreatments:\n\(rows)"),
        ])
        defer { site.remove() }
        let errors = try site.errors()
        #expect(errors.contains(.error(
            "content/articles/wide.md", line: 10, "this table has more than 100000 cells, more than a page can show",
            fix: "split it into smaller tables, or move the data to a file in media/ and link to it")), "\(errors)")
        #expect(errors.contains(.error(
            "content/comparisons/huge.md", line: 807, "this comparison has 100400 cells; a table can have at most 100000",
            fix: "split it into several comparisons")), "\(errors)")
        #expect(errors.count == 2, "\(errors)")
    }
}

/// The `<loc>` values of a sitemap or sitemap index, in order.
private func locations(in xml: String) -> [String] {
    xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
}

/// The entry titles of an Atom feed, in order.
private func entries(in feed: String) -> [String] {
    feed.components(separatedBy: "<entry>").dropFirst().map {
        String($0.components(separatedBy: "<title>")[1].prefix { $0 != "<" })
    }
}
