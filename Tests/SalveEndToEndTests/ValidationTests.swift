// Every validation error names the file and the line, and a failed build changes nothing.
import Foundation
import SalveCore
import Testing

@Suite("Validation errors name the file and line")
struct ValidationTests {
    /// Builds a site holding one article with `contents` and returns its errors.
    func errors(article contents: String, extraFiles: [String: String] = [:]) throws -> [Diagnostic] {
        var files = extraFiles
        files["content/articles/a.md"] = contents
        let site = try TestSite(files)
        defer { site.remove() }
        return try site.errors()
    }

    let path = "content/articles/a.md"

    @Test("a file without front matter is an error on line 1")
    func noFrontMatter() throws {
        #expect(try errors(article: "# Just Markdown\n") == [
            .error(path, line: 1, "the file does not start with front matter",
                   fix: "start the file with a line `---`, the YAML fields (title, summary, …), then another `---`")
        ])
    }

    @Test("front matter that is never closed is an error")
    func unclosedFrontMatter() throws {
        #expect(try errors(article: "---\ntitle: A\nsummary: B\n") == [
            .error(path, line: 1, "the front matter opened on line 1 is never closed",
                   fix: "add a line `---` after the last front matter field")
        ])
    }

    @Test("a YAML syntax error gives Yams' line, counted from the top of the file")
    func yamlSyntaxError() throws {
        #expect(try errors(article: "---\ntitle: A\nsummary: [unclosed\nlast_reviewed: 2026-01-01\n---\nBody\n") == [
            .error(path, line: 4, column: 14, "the front matter is not valid YAML: did not find expected ',' or ']'",
                   fix: "check the indentation and quote text that contains `: ` or starts with a special character")
        ])
    }

    @Test("a missing required field names the field")
    func missingSummary() throws {
        let text = "---\ntitle: A\nlast_reviewed: 2026-01-01\nreviewed_by: Dr. B\n---\nBody\n"
        #expect(try errors(article: text) == [
            .error(path, line: 2, "required field `summary` is missing or empty",
                   fix: "add `summary: …` (one or two plain sentences)")
        ])
    }

    @Test("a date that is not a date points at its key's line")
    func badDate() throws {
        let text = TestSite.page(extra: "next_review: soon").replacingOccurrences(of: "2026-01-15", with: "15/01/2026")
        #expect(try errors(article: text) == [
            .error(path, line: 4, column: 16, "`last_reviewed` is not a date: \"15/01/2026\"",
                   fix: "write the date as YYYY-MM-DD, for example 2026-09-14"),
            .error(path, line: 6, column: 14, "`next_review` is not a date: \"soon\"",
                   fix: "write the date as YYYY-MM-DD, for example 2026-09-14"),
        ])
    }

    @Test("text or a set of fields where a list is needed is a type error")
    func wrongTypeForList() throws {
        #expect(try errors(article: TestSite.page(extra: "conditions: Fibromyalgia\ntreatments:\n  name: LDN")) == [
            .error(path, line: 6, column: 13, "`conditions` must be a list of text (`[Fibromyalgia]` or `- Fibromyalgia` lines), not a piece of text",
                   fix: "change the value of `conditions` to a list of text (`[Fibromyalgia]` or `- Fibromyalgia` lines)"),
            .error(path, line: 7, column: 1, "`treatments` must be a list of text (`[a, b]` or `- a` lines), not a set of fields",
                   fix: "change the value of `treatments` to a list of text (`[a, b]` or `- a` lines)"),
        ])
    }

    @Test("an unknown front matter field is an error with the allowed names")
    func unknownField() throws {
        let found = try errors(article: TestSite.page(extra: "reviwed_by: typo"))
        #expect(found.map(\.message) == ["unknown field `reviwed_by` in the front matter"])
        #expect(found.first?.line == 6)
    }

    @Test("a comparison row with an unknown key or a missing criterion is an error on that row")
    func comparisonKeys() throws {
        let comparison = TestSite.page(extra: """
            criteria:
              - key: mechanism
                label: How it works
            treatments:
              - name: LDN
                mechanism: Blocks receptors
                benefit: Less pain
              - name: Rest
            """)
        let site = try TestSite(["content/comparisons/c.md": comparison])
        defer { site.remove() }
        #expect(try site.errors() == [
            .error("content/comparisons/c.md", line: 12, column: 5, "unknown field `benefit` in a treatment row",
                   fix: "use one of: article, mechanism, name, type"),
            .error("content/comparisons/c.md", line: 13, "Rest gives no value for `mechanism`",
                   fix: "add `mechanism: …`, or `mechanism: null` when it is not known"),
        ])
    }

    @Test("two pages with the same URL are an error on the second file")
    func duplicateURL() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A"),
            "content/articles/b.md": TestSite.page("B", extra: "slug: a"),
        ])
        defer { site.remove() }
        #expect(try site.errors() == [
            .error("content/articles/b.md", line: 1,
                   "this page would have the same URL /articles/a/ as content/articles/a.md",
                   fix: "give one of them a different `slug:`")
        ])
    }

    @Test("a slug outside [a-z0-9-] is an error on the slug's line")
    func invalidSlug() throws {
        #expect(try errors(article: TestSite.page(extra: "slug: ../Escape")) == [
            .error(path, line: 6, "the slug \"../Escape\" is not valid",
                   fix: "use only lowercase letters a-z, digits and hyphens, for example `ldn-fibromyalgia`")
        ])
    }

    @Test("related content that does not exist is an error on its line")
    func missingRelated() throws {
        #expect(try errors(article: TestSite.page(extra: "related:\n  - ../faqs/nothing.md")) == [
            .error(path, line: 7, column: 5, "the link \"../faqs/nothing.md\" points to content/faqs/nothing.md, which does not exist",
                   fix: "check the file name; links are relative to this file, for example ../faqs/ldn.md")
        ])
    }

    @Test("a Markdown link to a missing file is an error on the link's line")
    func missingMarkdownLink() throws {
        #expect(try errors(article: TestSite.page(body: "Intro.\n\nSee [this](other.md#part).")) == [
            .error(path, line: 10, column: 5, "the link \"other.md#part\" points to content/articles/other.md, which does not exist",
                   fix: "check the file name; links are relative to this file, for example ../faqs/ldn.md")
        ])
    }

    @Test("a link to a missing anchor on another page is an error")
    func missingAnchor() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", body: "See [b](b.md#nowhere)."),
            "content/articles/b.md": TestSite.page("B", body: "## Somewhere\n\nText."),
        ])
        defer { site.remove() }
        #expect(try site.errors() == [
            .error("content/articles/a.md", line: 8, column: 5, "content/articles/b.md has no heading with the anchor #nowhere",
                   fix: "check the spelling against the page's headings; anchors are lowercase with hyphens")
        ])
    }

    @Test("a root-relative link to no page is an error")
    func brokenSiteLink() throws {
        let found = try errors(article: TestSite.page(body: "Go [home](/) or [nowhere](/missing/)."))
        #expect(found.map(\.message) == ["the link /missing/ points to no page or file of this site"])
    }

    @Test("invalid UTF-8 names the file and the line of the bad byte")
    func invalidUTF8() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.writeBytes("content/articles/bad.md", Array("---\ntitle: A\n".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8))
        #expect(try site.errors() == [
            .error("content/articles/bad.md", line: 3, "the file is not valid UTF-8 text",
                   fix: "save the file as UTF-8 in your editor")
        ])
    }

    @Test("every problem in every file is reported in one run")
    func reportsEverything() throws {
        let site = try TestSite([
            "content/articles/a.md": "no front matter",
            "content/faqs/b.md": TestSite.page(extra: "draft: maybe"),
            "content/comparisons/c.md": TestSite.page(),
        ])
        defer { site.remove() }
        #expect(try Set(site.errors().map(\.path)) == ["content/articles/a.md", "content/faqs/b.md", "content/comparisons/c.md"])
    }

    @Test("review overdue and an image without alt text are warnings; the build still succeeds")
    func warnings() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page(extra: "next_review: 2026-02-01", body: "Look: ![](/assets/style.css)")
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings == [
            .warning("content/articles/a.md", line: 1, "review overdue: next review was due on 2026-02-01",
                     fix: "review the page, then update `last_reviewed` and `next_review`"),
            .warning("content/articles/a.md", line: 8, column: 7, "an image has no alt text",
                     fix: "describe the image in the brackets: ![what it shows](…)"),
        ])
    }
}
