// Which warnings `salve build` prints in full, and what it says about the rest.
import SalveCore
import Testing

@Suite("Warning digest")
struct WarningDigestTests {
    static func overdue(_ page: Int) -> Diagnostic {
        .warning("content/articles/p\(page).md", line: 1, "review overdue: next review was due on 2020-01-01",
                 fix: "review the page, then update `last_reviewed` and `next_review`")
    }

    @Test("up to ten pages with one kind of warning are all shown")
    func fewAreShown() {
        let warnings = (1...10).map(Self.overdue)
        let digest = WarningDigest(warnings)
        #expect(digest.shown == warnings)
        #expect(digest.summaries.isEmpty)
    }

    @Test("eleven pages keep the first three and one line counts the rest; errors and other kinds stay")
    func manyAreCounted() {
        let error = Diagnostic.error("content/articles/x.md", line: 3, "broken", fix: "mend it")
        let other = Diagnostic.warning("content/articles/y.md", line: 2, "a link with no text", fix: "add text")
        let warnings = [error] + (1...11).map(Self.overdue) + [other]
        let digest = WarningDigest(warnings)
        #expect(digest.shown == [error] + (1...3).map(Self.overdue) + [other])
        #expect(digest.summaries == [
            "… and 8 more pages with the warning \"review overdue\": run salve check to list them",
        ])
    }

    @Test("large counts are written with thousands separators")
    func grouping() {
        let digest = WarningDigest((1...10_000).map(Self.overdue))
        #expect(digest.summaries == [
            "… and 9,997 more pages with the warning \"review overdue\": run salve check to list them",
        ])
    }
}
