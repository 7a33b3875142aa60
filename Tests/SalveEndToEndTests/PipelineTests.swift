// The build runs as named steps, each timed and counted, and a build with thousands of warnings stays readable.
import Foundation
import SalveCore
import Testing

@Suite("The build pipeline")
struct PipelineTests {
    @Test("a build reports its steps in order, each with the number of items it made")
    func stepsAndCounts() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        let report = try site.build()
        let steps = report.steps.map { "\($0.name): \($0.items) \($0.unit)" }
        // minimal: 1 article, 1 FAQ page, 1 comparison; 8 listings (3 kinds, 2 term indexes, 1 condition and 2
        // treatments); 3 pages + 8 listings + home, search, glossary and 404 = 15 views; 3 pages + 8 listings +
        // home, search and glossary = 14 published URLs; sitemap, feed, robots.txt and the two redirect files.
        #expect(steps == [
            "read the project: 3 files",
            "parse: 3 pages",
            "validate: 3 pages",
            "render Markdown: 3 pages",
            "assemble the site: 8 listings",
            "plan redirects: 0 redirects",
            "check links: 3 pages",
            "check published URLs: 14 URLs",
            "make the views: 15 views",
            "apply the templates: 15 pages",
            "index for search: \(report.steps.first { $0.name == "index for search" }!.items) files",
            "make the sitemap and feed: 5 files",
            "write: \(report.filesWritten) files",
        ])
        #expect(report.steps.allSatisfy { $0.seconds >= 0 && $0.cpuSeconds >= 0 })
        #expect(report.steps.reduce(0) { $0 + $1.cpuSeconds } > 0)
        let indexFiles = report.steps.first { $0.name == "index for search" }!.items
        let written = try FileManager.default.subpathsOfDirectory(atPath: site.output.path)
            .filter { $0 == "search-index.json" || $0.hasPrefix("search/") && $0.hasSuffix(".json") }
        #expect(indexFiles == written.count)
    }

    @Test("salve build --timings prints a table with every step")
    func timingsFlag() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        let result = try run(salveBinary.path, ["build", "--root", site.root.path, "--timings"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for step in ["read the project", "parse", "validate", "render Markdown", "assemble the site", "check links",
                     "make the views", "apply the templates", "index for search", "make the sitemap and feed", "write"]
        {
            #expect(lines.contains { $0.hasPrefix(step + " ") }, "no line for \(step)")
        }
        #expect(lines.contains { $0.hasPrefix("apply the templates") && $0.hasSuffix(" 15 pages") })
        #expect(lines.contains { $0.hasPrefix("step ") && $0.hasSuffix("ms    CPU ms  peak MiB  items") })
        #expect(lines.last?.hasPrefix("total") == true)
    }

    @Test("--verbose prints each step with its time; without it a build that is not on a terminal prints one line")
    func verboseAndQuiet() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        let quiet = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout.split(separator: "\n").count == 1)
        let verbose = try run(salveBinary.path, ["build", "--root", site.root.path, "--verbose"])
        let lines = verbose.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 13, "\(lines)")
        #expect(lines.first?.hasPrefix("read the project ") == true)
        #expect(lines.contains { $0.hasPrefix("render Markdown ") && $0.hasSuffix(" ms (3 pages)") })
        #expect(!verbose.stderr.contains("\u{1B}"))
    }

    @Test("forty pages with an overdue review print three warnings in full and one summary line")
    func warningsThatScale() throws {
        var files: [String: String] = [:]
        for number in 1...40 {
            files["content/articles/page-\(number).md"] = """
                ---
                title: Page \(number)
                summary: A short summary.
                last_reviewed: 2019-01-15
                reviewed_by: Dr. Test, MD
                ---
                Some text.
                """
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let result = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: review overdue") }
        #expect(warnings.count == 3)
        #expect(result.stderr.contains(
            "… and 37 more pages with the warning \"review overdue\": run salve check to list them"))
        #expect(result.stderr.split(separator: "\n").count < 20)
        let check = try run(salveBinary.path, ["check", "--root", site.root.path])
        #expect(check.stdout.components(separatedBy: ": warning: review overdue").count - 1 == 40)
    }
}

@Suite("Order and hubs")
struct OrderAndHubTests {
    @Test("pages with a weight come first in listings, lowest first, then the rest A to Z")
    func weightOrdersListings() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("Apples"),
            "content/articles/b.md": TestSite.page("Bananas", extra: "weight: 2"),
            "content/articles/c.md": TestSite.page("Cherries"),
            "content/articles/w.md": TestSite.page("What is it?", extra: "weight: 1"),
        ])
        defer { site.remove() }
        try site.build()
        let listing = try site.read("articles/index.html")
        let order = ["What is it?", "Bananas", "Apples", "Cherries"].map { listing.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test("a weight that is not a whole number is an error on its line")
    func badWeight() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("Apples", extra: "weight: first")])
        defer { site.remove() }
        let errors = try site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.path == "content/articles/a.md")
        #expect(errors.first?.line == 6)
    }

    @Test("a condition's page reads as a sentence and shows its glossary definition")
    func termPageDefinition() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("About LDN", extra: "conditions: [Fibromyalgia]\ntreatments: [LDN]"),
            "content/glossary.yml": "- term: Fibromyalgia\n  definition: A long-term condition that causes pain all over the body.\n",
        ])
        defer { site.remove() }
        try site.build()
        let condition = try site.read("conditions/fibromyalgia/index.html")
        #expect(condition.contains("Everything on this site about fibromyalgia."))
        #expect(condition.contains(
            "<p class=\"definition\"><strong>What it means:</strong> A long-term condition that causes pain all over the body.</p>"))
        let treatment = try site.read("treatments/ldn/index.html")
        #expect(treatment.contains("Everything on this site about LDN."))
        #expect(!treatment.contains("class=\"definition\""))
    }

    @Test("a build under a sub-path says robots.txt only works at the host's root; at the root it says nothing")
    func robotsNote() throws {
        let site = try TestSite(["salve.yml": "title: T\nbase_url: https://example.org/health/\n",
                                 "content/articles/a.md": TestSite.page("Apples")])
        defer { site.remove() }
        let result = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(
            "note: the site lives under /health/, but crawlers read robots.txt only at https://example.org/robots.txt"))
        let atRoot = try run(salveBinary.path, ["build", "--root", site.root.path, "--base-url", "https://health.example.org/"])
        #expect(!atRoot.stderr.contains("robots.txt"))
    }
}
