// How much the preview makes again after an edit, step by step: the memoized steps must redo exactly what the edit
// reaches (the way Hugo's tests assert render counts).
import Foundation
import SalveCore
import Testing

@Suite("Render counts of the preview's rebuild")
struct RenderCountTests {
    /// Six articles and two FAQ pages. The articles share a condition, so each shows the others' cards as related;
    /// only `sleep.md` says "pacing".
    static func site() throws -> TestSite {
        var files: [String: String] = [
            "content/glossary.yml": "- term: Flare\n  definition: A time when symptoms get worse.\n",
            "content/articles/sleep.md": TestSite.page(
                "Sleep", extra: "conditions: [Fibromyalgia]", body: "Pacing helps you sleep.\n\nA flare can keep you up."),
            "content/faqs/tired.md": TestSite.page("Tired", body: "## Why am I tired?\n\nSleep is light."),
            "content/faqs/pain.md": TestSite.page("Pain", body: "## Why does it hurt?\n\nNerves send loud signals."),
        ]
        for name in ["walk", "swim", "stretch", "rest", "eat"] {
            files["content/articles/\(name).md"] = TestSite.page(
                name.capitalized, extra: "conditions: [Fibromyalgia]", body: "Some text about \(name).")
        }
        return try TestSite(files)
    }

    /// A preview of `site` after its first build.
    static func preview(_ site: TestSite) throws -> IncrementalBuild {
        var options = site.options(baseURL: "http://127.0.0.1:8000/")
        options.output = site.root.appendingPathComponent(".salve/preview")
        var build = try IncrementalBuild(options)
        _ = try build.rebuild()
        return build
    }

    static func edit(_ site: TestSite, _ path: String, _ change: (String) -> String) throws -> [String] {
        try site.write(path, change(try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)))
        return [path]
    }

    @Test("a body edit renders that page's Markdown and template only, and rewrites only its file and the search files it changed")
    func bodyEdit() throws {
        let site = try Self.site()
        defer { site.remove() }
        var build = try Self.preview(site)
        let report = try build.rebuild(changed: Self.edit(site, "content/articles/walk.md") { $0 + "\nWalk a little each day.\n" })
        #expect(report.counts("read the project") == StepCounts(computed: 1, reused: 7))
        #expect(report.counts("parse")?.computed == 1)
        #expect(report.counts("render Markdown") == StepCounts(computed: 1, reused: 7))
        #expect(report.counts("apply the templates")?.computed == 1)
        #expect(report.written.filter { $0.hasSuffix(".html") } == ["articles/walk/index.html"])
        #expect(!report.written.contains("sitemap.xml") && !report.written.contains("feed.xml"))
    }

    @Test("a title edit renders no other Markdown, but every page that shows the page's card is made again")
    func titleEdit() throws {
        let site = try Self.site()
        defer { site.remove() }
        var build = try Self.preview(site)
        let report = try build.rebuild(changed: Self.edit(site, "content/articles/walk.md") {
            $0.replacingOccurrences(of: "title: Walk", with: "title: Walking")
        })
        #expect(report.counts("render Markdown")?.computed == 1)
        let pages = Set(report.written.filter { $0.hasSuffix(".html") })
        // The other articles show it as related; the lists and the A to Z of the search page show its card (the
        // home page's six latest reviews do not: all share a date, and Walk comes last by title).
        for path in ["articles/walk/index.html", "articles/swim/index.html", "articles/index.html",
                     "conditions/fibromyalgia/index.html", "search/index.html"]
        {
            #expect(pages.contains(path), "\(path) shows the new title")
        }
        #expect(!pages.contains("faqs/tired/index.html") && !pages.contains("faqs/pain/index.html"))
        #expect(!pages.contains("index.html"))
        #expect(report.counts("apply the templates")!.computed < 19)
    }

    @Test("a template edit renders the pages that use it and no Markdown")
    func templateEdit() throws {
        let site = try Self.site()
        defer { site.remove() }
        var build = try Self.preview(site)
        let report = try build.rebuild(changed: Self.edit(site, "templates/faq.mustache") {
            $0.replacingOccurrences(of: "</article>", with: "<p>Edited.</p></article>")
        })
        #expect(report.counts("render Markdown") == StepCounts(computed: 0, reused: 8))
        #expect(report.counts("apply the templates")?.computed == 2)
        #expect(Set(report.written) == ["faqs/tired/index.html", "faqs/pain/index.html"])
    }

    @Test("a new site title renders every page again but no Markdown")
    func settingsTitleEdit() throws {
        let site = try Self.site()
        defer { site.remove() }
        var build = try Self.preview(site)
        let report = try build.rebuild(changed: Self.edit(site, "salve.yml") {
            $0.replacingOccurrences(of: "Test Health", with: "Calm Health")
        })
        #expect(report.counts("parse")?.computed == 0)
        #expect(report.counts("render Markdown") == StepCounts(computed: 0, reused: 8))
        let templates = report.counts("apply the templates")!
        #expect(templates.reused == 0 && templates.computed == report.pagesWritten)
    }

    @Test("a new glossary term renders the Markdown of the pages that use it, and only those")
    func glossaryTerm() throws {
        let site = try Self.site()
        defer { site.remove() }
        var build = try Self.preview(site)
        let report = try build.rebuild(changed: Self.edit(site, "content/glossary.yml") {
            $0 + "- term: Pacing\n  definition: Doing a little at a time, with rests.\n"
        })
        #expect(report.counts("render Markdown") == StepCounts(computed: 1, reused: 7))
        #expect(report.written.contains("articles/sleep/index.html"))
        #expect(!report.written.contains("articles/walk/index.html"))
    }

    @Test("no edit computes nothing and writes nothing")
    func noEdit() throws {
        let site = try Self.site()
        defer { site.remove() }
        var build = try Self.preview(site)
        let report = try build.rebuild(changed: [])
        for step in report.steps where step.counts != nil {
            #expect(step.counts!.computed == 0, "\(step.name) computed \(step.counts!.computed)")
        }
        #expect(report.written.isEmpty && report.deleted.isEmpty)
    }
}
