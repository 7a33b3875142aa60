// updated and changes: "Page last updated" with the change list, dateModified, the feed's <updated>, and their errors.
import Foundation
import SalveCore
import Testing

@Suite("Page history")
struct PageHistoryTests {
    static let history = """
        updated: 2026-03-02
        changes:
          - date: 2026-02-01
            text: Added a section on sleep.
          - date: 2026-03-02
            text: Rewrote the dose advice in plainer words.
        """

    @Test("a page with updated and changes shows both beside the review dates, newest change first")
    func showsHistory() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page(extra: Self.history)])
        defer { site.remove() }
        try site.build()
        let html = try site.read("articles/a/index.html")
        #expect(html.contains("<p>Page last updated: <time datetime=\"2026-03-02\">2 March 2026</time></p>"))
        let newest = try #require(html.range(of: "<li><time datetime=\"2026-03-02\">2 March 2026</time>: Rewrote the dose advice in plainer words.</li>"))
        let older = try #require(html.range(of: "<li><time datetime=\"2026-02-01\">1 February 2026</time>: Added a section on sleep.</li>"))
        #expect(newest.lowerBound < older.lowerBound)
        #expect(try jsonLD(in: html)["dateModified"] as? String == "2026-03-02")
        #expect(try site.read("feed.xml").contains("<updated>2026-03-02T00:00:00Z</updated>"))
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/articles/a/</loc><lastmod>2026-03-02</lastmod>"))
    }

    @Test("a page without updated or changes shows no update line and no dateModified")
    func noHistory() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page()])
        defer { site.remove() }
        try site.build()
        let html = try site.read("articles/a/index.html")
        #expect(!html.contains("Page last updated"))
        #expect(try jsonLD(in: html)["dateModified"] == nil)
        #expect(try site.read("feed.xml").contains("<updated>2026-01-15T00:00:00Z</updated>"))
    }

    @Test("updated before last_reviewed is a warning at the date, in salve check")
    func updatedBeforeReview() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page(extra: "updated: 2025-12-01")])
        defer { site.remove() }
        let found = try Check.run(site.options()).filter { $0.message.contains("updated") }
        #expect(found == [.warning(
            "content/articles/a.md", line: 6, column: 10, "`updated` (2025-12-01) is before `last_reviewed` (2026-01-15)",
            fix: "set `updated` to the day the text last changed, or remove it if the review was the last change")])
    }

    @Test("a bad date in updated or changes is an error at the value, like the other dates")
    func badDates() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page(extra: """
            updated: 2026-3-2
            changes:
              - date: yesterday
                text: Something.
              - text: No date.
            """)])
        defer { site.remove() }
        #expect(try site.errors() == [
            .error("content/articles/a.md", line: 6, column: 10, "`updated` is not a date: \"2026-3-2\"",
                   fix: "write the date as YYYY-MM-DD, for example 2026-03-02"),
            .error("content/articles/a.md", line: 8, column: 11, "`date` is not a date: \"yesterday\"",
                   fix: "write the date as YYYY-MM-DD, for example 2026-09-14"),
            .error("content/articles/a.md", line: 10, "required field `date` is missing or empty",
                   fix: "add `date: …` (a date like 2026-09-14)"),
        ])
    }
}
