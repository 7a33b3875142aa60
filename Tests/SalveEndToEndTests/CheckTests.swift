// `salve check` finds each planted problem, and `salve new` starts pages that build.
import Foundation
import SalveCore
import Testing

@Suite("salve check and salve new")
struct CheckTests {
    /// A site with one of every problem `salve check` looks for, and nothing else wrong.
    static func plantedSite() throws -> TestSite {
        try TestSite([
            "salve.yml": TestSite.config + "\nreadability:\n  max_grade: 6\n",
            "content/articles/headings.md": TestSite.page("Headings", body: "Intro.\n\n## Part\n\n#### Too deep\n\nText."),
            "content/articles/copy-one.md": TestSite.page("Same title"),
            "content/articles/copy-two.md": TestSite.page("Same title"),
            "content/articles/links.md": TestSite.page(
                "Links", body: "An [](https://example.org) empty link and an [old](http://example.org) one.\n\n![](/assets/style.css)"),
            "content/articles/review.md": TestSite.page("Review", extra: "next_review: 2026-06-20"),
            "content/articles/overdue.md": TestSite.page("Overdue", extra: "next_review: 2026-05-01"),
            "content/articles/hard.md": TestSite.page(
                "Hard", body: "Pharmacological interventions demonstrate considerable heterogeneity regarding efficacy. "
                    + "Comprehensive multidisciplinary rehabilitation incorporates psychological, educational and physiological components. "
                    + "Additionally, nonpharmacological modalities necessitate individualized implementation."),
            "content/faqs/todo.md": TestSite.page("To do", body: "## TODO First question?\n\nAnswer."),
        ])
    }

    @Test("every planted problem is found, with its file, line and severity")
    func findsPlantedProblems() throws {
        let site = try CheckTests.plantedSite()
        defer { site.remove() }
        // A TODO is a build error, and a site with errors gets only the build's diagnostics (see the test below).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/faqs/todo.md"))
        let found = try Check.run(site.options(), dueWithinDays: 30)
        let summary = found.map { diagnostic in
            let message = diagnostic.message.hasPrefix("reading grade") ? String(diagnostic.message.prefix(15)) : String(diagnostic.message.prefix(36))
            return "\(diagnostic.path):\(diagnostic.line ?? 0): \(diagnostic.severity.rawValue): \(message)"
        }
        #expect(summary == [
            "content/articles/copy-two.md:2: warning: the title \"Same title\" is also used ",
            "content/articles/hard.md:8: warning: reading grade 1",
            "content/articles/headings.md:12: warning: the heading level skips from h2 to h",
            "content/articles/links.md:8: warning: a link has no text",
            "content/articles/links.md:8: warning: the link http://example.org does not",
            "content/articles/links.md:10: warning: an image has no alt text",
            "content/articles/overdue.md:1: warning: review overdue: next review was due ",
            "content/articles/review.md:1: warning: review due on 2026-06-20 (in 19 days",
        ])
        let readability = try #require(found.first { $0.path == "content/articles/hard.md" })
        #expect(readability.message.contains("longest sentences: \"Comprehensive multidisciplinary rehabilitation"))
    }

    @Test("exit codes: 1 on errors, 0 with only warnings, 1 with --strict; JSON output parses")
    func exitCodes() throws {
        let site = try CheckTests.plantedSite()
        defer { site.remove() }
        #expect(try run(salveBinary.path, ["check", "--root", site.root.path]).status == 1)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/faqs/todo.md"))
        let warningsOnly = try run(salveBinary.path, ["check", "--root", site.root.path])
        #expect(warningsOnly.status == 0)
        #expect(warningsOnly.stdout.contains("content/articles/links.md:8:4: warning: a link has no text"))
        #expect(try run(salveBinary.path, ["check", "--root", site.root.path, "--strict"]).status == 1)
        let json = try run(salveBinary.path, ["check", "--root", site.root.path, "--format", "json"])
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(json.stdout.utf8))
        #expect(decoded.count == 8)
        #expect(decoded.allSatisfy { $0.severity == .warning })
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("the sample site passes salve check")
    func samplePasses() throws {
        let result = try run(salveBinary.path, ["check", "--root", repositoryRoot.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("salve new makes each kind with every field, never overwrites, and the site still builds", arguments: ["article", "faq", "comparison"])
    func newPage(_ kind: String) throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        let created = try run(salveBinary.path, ["new", "--root", site.root.path, kind, "Does naltrexone help?"])
        #expect(created.status == 0)
        let folder = ContentKind(rawValue: kind)!.folder
        #expect(created.stdout == "content/\(folder)/does-naltrexone-help.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/\(folder)/does-naltrexone-help.md"), encoding: .utf8)
        for field in ["title", "summary", "last_reviewed", "reviewed_by", "next_review", "slug", "conditions",
                      "treatments", "also_called", "tags", "references", "related", "draft"] {
            #expect(text.contains("\n\(field):"), "\(field) is missing")
        }
        #expect(try run(salveBinary.path, ["new", "--root", site.root.path, kind, "Does naltrexone help?"]).status == 1)
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
        // A new page is a draft: it is left out of the build, and --drafts shows its TODOs as warnings.
        let check = try run(salveBinary.path, ["check", "--root", site.root.path, "--drafts"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("warning: a TODO placeholder is still here"))
    }
}
