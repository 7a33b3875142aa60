// Front matter splitting, dates and content paths.
import Testing
@testable import SalveCore

@Suite("Content")
struct ContentTests {
    @Test("front matter is split from the body with the lines each starts on")
    func splitsFrontMatter() throws {
        let split = try FrontMatter.split("---\ntitle: A\nsummary: B\n---\nBody line\n", path: "a.md").get()
        #expect(split == FrontMatter(yaml: "title: A\nsummary: B", yamlLine: 2, body: "Body line\n", bodyLine: 5))
    }

    @Test("front matter fences: trailing blanks, an empty YAML part, a last line without a newline, text in any script")
    func splitsFrontMatterEdges() throws {
        func split(_ text: String) throws -> FrontMatter { try FrontMatter.split(text, path: "a.md").get() }
        #expect(try split("---\n---\n") == FrontMatter(yaml: "", yamlLine: 2, body: "", bodyLine: 3))
        #expect(try split("---\n---") == FrontMatter(yaml: "", yamlLine: 2, body: "", bodyLine: 3))
        #expect(try split("--- \t\ntitle: A\n---\t\nBody") == FrontMatter(yaml: "title: A", yamlLine: 2, body: "Body", bodyLine: 4))
        // Four dashes are YAML text, not a fence.
        #expect(try split("---\ntitle: A\n----\nx: 1\n---\nB")
            == FrontMatter(yaml: "title: A\n----\nx: 1", yamlLine: 2, body: "B", bodyLine: 6))
        #expect(try split("---\ntitle: é\n---\nCafé ü\n") == FrontMatter(yaml: "title: é", yamlLine: 2, body: "Café ü\n", bodyLine: 4))
        for (text, message) in [("---", "never closed"), ("---\ntitle: A\n", "never closed"), ("---\ntitle: A\n-- -\n", "never closed"),
                                ("title: A\n---\n", "does not start"), ("", "does not start"), (" ---\n---\n", "does not start")] {
            guard case .failure(let diagnostic) = FrontMatter.split(text, path: "a.md") else {
                Issue.record("\(text.debugDescription) split")
                continue
            }
            #expect(diagnostic.message.contains(message), "\(text.debugDescription)")
        }
    }

    @Test("dates parse only as YYYY-MM-DD and real calendar days")
    func parsesDays() {
        #expect(Day(iso: "2026-02-28")?.description == "2026-02-28")
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-1-5") == nil)
        #expect(Day(iso: "tomorrow") == nil)
    }

    @Test("adding months clamps to the end of a shorter month")
    func addsMonths() {
        #expect(Day(iso: "2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(Day(iso: "2026-11-15")!.adding(months: 36).description == "2029-11-15")
        #expect(Day(iso: "2026-09-14")!.longForm == "14 September 2026")
    }

    @Test("slugs are limited to lowercase letters, digits and hyphens")
    func validatesSlugs() {
        #expect(isValidSlug("ldn-fibromyalgia-2"))
        for bad in ["", "LDN", "a b", "../x", "a/b", "%2e%2e", "é"] { #expect(!isValidSlug(bad)) }
    }

    @Test("a comparison row keeps its cells in criteria order, null as unknown")
    func parsesComparison() {
        let text = """
            ---
            title: C
            summary: S
            last_reviewed: 2026-01-01
            reviewed_by: R
            criteria:
              - key: b
                label: Second
              - key: a
                label: First
            treatments:
              - name: X
                a: [one, two]
                b: null
            ---
            Body
            """
        let (document, diagnostics) = Document.parse(
            text, kind: .comparison, contentPath: "comparisons/c.md", sourcePath: "content/comparisons/c.md",
            config: SiteConfig())
        #expect(diagnostics == [])
        #expect(document?.table?.rows.first?.cells == [.unknown, .list(["one", "two"])])
        #expect(document?.metadata.treatments == ["X"])
        #expect(document?.metadata.nextReview.description == "2029-01-01")
    }

    @Test("trimming whitespace: text with printable ASCII at both ends is kept, any Unicode space at an end goes")
    func trimsWhitespace() {
        let cases: [(String, String)] = [
            ("Fibromyalgia", "Fibromyalgia"), ("a", "a"), ("", ""), ("  ", ""), (" pain\n", "pain"),
            ("\u{00A0}sleep", "sleep"), ("rest\u{2003}", "rest"), ("\r\nfog\r\n", "fog"), ("é ", "é"),
            ("a\u{301}", "a\u{301}"), ("x \u{3000}", "x"),
            // A space and a combining mark are one Character, whitespace by its first scalar.
            (" \u{301}x", "x"),
        ]
        for (text, trimmed) in cases {
            #expect(text.trimmingWhitespace() == trimmed, "\(text.debugDescription)")
            #expect(text[...].trimmingWhitespace() == trimmed, "\(text.debugDescription) as a Substring")
        }
    }
}
