// Issue 13's editor items: one error per mistake, new pages stay drafts, diagnostics point at the spot.
import Foundation
import SalveCore
import Testing

@Suite("Editor experience")
struct EditorExperienceTests {
    static let badDate = """
        ---
        title: Sleep and fatigue
        summary: Why people with pain sleep badly.
        last_reviewed: 2026-7-8
        reviewed_by: Dr. Test, MD
        ---
        Text.
        """

    @Test("four mistakes give four errors; links to the page that failed to parse are one note on its error")
    func oneMistakeOneError() throws {
        let comparison = TestSite.page("Compared", extra: """
            criteria:
              - key: how
                label: How it works
            treatments:
              - name: Rest
                how: Sleep.
              - name: Walking
            """)
        let site = try TestSite([
            "content/articles/sleep.md": EditorExperienceTests.badDate,
            "content/articles/typo.md": """
                ---
                title: Typo
                summary: A short summary.
                last_reviewed: 2026-01-15
                reviewd_by: Dr. Test, MD
                ---
                See [sleep](sleep.md).
                """,
            "content/articles/a.md": TestSite.page("A", body: "See [sleep](sleep.md), [again](sleep.md#rest) and [gone](gone.md)."),
            "content/faqs/f.md": TestSite.page("F", extra: "related:\n  - ../articles/sleep.md", body: "## Q?\n\nSee [sleep](../articles/sleep.md)."),
            "content/comparisons/c.md": comparison,
        ])
        defer { site.remove() }
        let found = try site.failures()
        #expect(found == [
            .error("content/articles/a.md", line: 8, column: 51,
                   "the link \"gone.md\" points to content/articles/gone.md, which does not exist",
                   fix: "check the file name; links are relative to this file, for example ../faqs/ldn.md"),
            Diagnostic(.error, path: "content/articles/sleep.md", line: 4, column: 16,
                       "`last_reviewed` is not a date: \"2026-7-8\"",
                       fix: "write the date as YYYY-MM-DD, for example 2026-07-08",
                       note: "4 links to this page from 2 other pages are not checked until it is fixed"),
            .error("content/articles/typo.md", line: 5, column: 1, "unknown field `reviewd_by` in the front matter",
                   fix: "did you mean `reviewed_by`?"),
            .error("content/comparisons/c.md", line: 12, "Walking gives no value for `how`",
                   fix: "add `how: …`, or `how: null` when it is not known"),
        ])
    }

    @Test("the note is printed under the root cause, and no other page is told to remove its link")
    func notePrinted() throws {
        let site = try TestSite([
            "content/articles/sleep.md": EditorExperienceTests.badDate,
            "content/articles/a.md": TestSite.page("A", body: "See [sleep](sleep.md)."),
        ])
        defer { site.remove() }
        let result = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("""
            content/articles/sleep.md:4:16: error: `last_reviewed` is not a date: "2026-7-8" — write the date as YYYY-MM-DD, for example 2026-07-08
                last_reviewed: 2026-7-8
                               ^
                note: 1 link to this page from 1 other page is not checked until it is fixed
            Error: build failed with 1 error;
            """))
    }

    @Test("a link to a draft is still an error when drafts are not published, and none with --drafts")
    func linkToDraft() throws {
        let site = try TestSite([
            "content/articles/draft.md": TestSite.page("Draft", extra: "draft: true"),
            "content/articles/a.md": TestSite.page("A", body: "Read [the draft](draft.md)."),
        ])
        defer { site.remove() }
        #expect(try site.failures() == [
            .error("content/articles/a.md", line: 8, column: 6,
                   "the link \"draft.md\" points to content/articles/draft.md, which is a draft",
                   fix: "publish that page (remove `draft: true`) or remove the link"),
        ])
        #expect(try site.build(drafts: true).warnings == [])
    }

    @Test("a rebuild finds the link to a page that went from broken to draft, as a full build does")
    func rebuildSeesBrokenBecomeDraft() throws {
        let site = try TestSite([
            "content/articles/sleep.md": EditorExperienceTests.badDate,
            "content/articles/a.md": TestSite.page("A", body: "See [sleep](sleep.md)."),
        ])
        defer { site.remove() }
        var options = site.options()
        options.output = site.root.appendingPathComponent(".salve/preview")
        var build = try IncrementalBuild(options)
        func rebuildErrors() -> [Diagnostic] {
            do {
                _ = try build.rebuild()
                return []
            } catch let failure as BuildFailure {
                return failure.diagnostics
            } catch {
                return [.error("", "\(error)")]
            }
        }
        #expect(rebuildErrors().map(\.path) == ["content/articles/sleep.md"])
        try site.write("content/articles/sleep.md", TestSite.page("Sleep", extra: "draft: true"))
        let expected: [Diagnostic] = [
            .error("content/articles/a.md", line: 8, column: 5,
                   "the link \"sleep.md\" points to content/articles/sleep.md, which is a draft",
                   fix: "publish that page (remove `draft: true`) or remove the link"),
        ]
        #expect(rebuildErrors() == expected)
        #expect(try site.failures() == expected)
    }

    @Test("a mistyped criterion in a comparison row is one error with a suggestion, not also a missing value")
    func comparisonRowTypo() throws {
        let comparison = TestSite.page("Compared", extra: """
            criteria:
              - key: mechanism
                label: How it works
            treatments:
              - name: Rest
                mechanizm: Sleep.
            """)
        let site = try TestSite(["content/comparisons/c.md": comparison])
        defer { site.remove() }
        #expect(try site.failures() == [
            .error("content/comparisons/c.md", line: 11, column: 5, "unknown field `mechanizm` in a treatment row",
                   fix: "did you mean `mechanism`?"),
        ])
    }

    @Test("a mistyped key that is far from every field lists the fields, with the key's column")
    func unknownKeyFarAway() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page(extra: "colour: red")])
        defer { site.remove() }
        let found = try site.failures()
        #expect(found.count == 1)
        #expect(found.first?.fix?.hasPrefix("use one of: also_called, changes, conditions, draft,") == true)
        #expect(found.first?.column == 1)
    }

    @Test("a page with a TODO is not published: one error with its line and column; a draft with one is left out")
    func todoRefused() throws {
        let todo = TestSite.page("To do", body: "Intro.\n\n## Side effects\n\nAsk about TODO side effects.")
        let site = try TestSite(["content/articles/a.md": todo])
        defer { site.remove() }
        #expect(try site.failures() == [
            .error("content/articles/a.md", line: 12, column: 11, "a TODO placeholder is still here",
                   fix: "replace it with the real text, or set `draft: true` until the page is ready"),
        ])
        try site.write("content/articles/a.md", todo.replacingOccurrences(of: "title: To do", with: "title: To do\ndraft: true"))
        let report = try site.build()
        #expect(report.pages[.article, default: 0] == 0)
        #expect(report.warnings == [])
        #expect(try site.build(drafts: true).warnings == [
            .warning("content/articles/a.md", line: 13, column: 11, "a TODO placeholder is still here",
                     fix: "replace it with the real text before publishing"),
        ])
    }

    @Test("salve new writes a draft: the site builds without it until it is filled in and published")
    func newPageIsDraft() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        let path = try NewPage.create(.article, title: "Is it safe?", root: site.root, today: Day(year: 2026, month: 5, day: 1)!)
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("\ndraft: true\n"))
        #expect(try site.build().pages[.article] == 1)
        try site.write(path, text.replacingOccurrences(of: "draft: true", with: "draft: false"))
        let positions = try site.errors().map { "\($0.line ?? 0):\($0.column ?? 0)" }
        #expect(positions == ["3:10", "5:14", "16:1", "18:4", "20:1"])
    }

    @Test("each link on a line gets its own column, counted in characters")
    func linkColumns() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", body: "Café: [one](a.md) [two](x.md) [three](y.md#z)."),
        ])
        defer { site.remove() }
        let fix = "check the file name; links are relative to this file, for example ../faqs/ldn.md"
        #expect(try site.failures() == [
            .error("content/articles/a.md", line: 8, column: 19,
                   "the link \"x.md\" points to content/articles/x.md, which does not exist", fix: fix),
            .error("content/articles/a.md", line: 8, column: 31,
                   "the link \"y.md#z\" points to content/articles/y.md, which does not exist", fix: fix),
        ])
    }
}
