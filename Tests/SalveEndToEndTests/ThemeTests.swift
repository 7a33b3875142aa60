// The default theme's pages, built from small inline sites: callouts, glossary terms, the header's search box,
// FAQ question lists, social card tags, the favicon and the printed page's address. (Layout is measured in
// Chromium by Tests/Theme/theme_test.py.)
import Foundation
import SalveCore
import Testing

@Suite("The default theme")
struct ThemeTests {
    static let glossary = """
        - term: Flare
          definition: A period when symptoms get worse for a while.
        """

    /// The text of each `<p>…</p>` of `html`, tags left out: what copying the paragraph gives.
    func paragraphs(_ html: String) -> [String] {
        html.components(separatedBy: "<p>").dropFirst().compactMap { $0.components(separatedBy: "</p>").first }
            .map { $0.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression) }
    }

    func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    @Test("each callout kind is its own note with its heading, and the print style frames each kind apart")
    func callouts() throws {
        let kinds = ["note": "Note", "warning": "Warning", "non-urgent": "Speak to your doctor",
                     "urgent": "Get medical help now", "emergency": "Emergency"]
        let body = kinds.keys.sorted().map { "> [!\($0.uppercased())]\n> Text of \($0).\n" }.joined(separator: "\n")
        let site = try TestSite(["content/articles/a.md": TestSite.page(body: body)])
        defer { site.remove() }
        _ = try site.build()
        let html = try site.read("articles/a/index.html")
        for (kind, title) in kinds {
            #expect(html.contains("<div class=\"callout callout-\(kind)\" role=\"note\">"), "\(kind)")
            #expect(html.contains("</span>\(title)</p>") || html.contains("\"callout-title\">\(title)</p>"), "\(kind)")
        }
        #expect(count("<aside", in: html) == 0, "callouts are not landmarks: two of a kind would share a name")
        let css = try site.read("assets/style.css")
        let print = try #require(css.components(separatedBy: "@media print").last)
        for kind in kinds.keys {
            #expect(print.contains(".callout-\(kind) { border"), "printed \(kind) callouts have a frame of their own")
        }
    }

    @Test("a glossary term's definition is out of the sentence: a hidden element after the body describes the link")
    func glossaryTerms() throws {
        let site = try TestSite([
            "content/glossary.yml": ThemeTests.glossary,
            "content/articles/a.md": TestSite.page(body: "A flare can be hard.\n\nRest helps."),
            "content/faqs/q.md": TestSite.page("Questions", body: "## What is a flare?\n\nA flare is a bad spell.\n"),
        ])
        defer { site.remove() }
        _ = try site.build()
        let definition = "A period when symptoms get worse for a while."
        for path in ["articles/a/index.html", "faqs/q/index.html"] {
            let html = try site.read(path)
            #expect(paragraphs(html).contains { $0.contains("A flare ") }, "\(path)")
            #expect(paragraphs(html).allSatisfy { !$0.contains(definition) }, "\(path)")
            #expect(html.contains("aria-describedby=\"glossary-tip-flare\" data-definition=\"\(definition)\""), "\(path)")
            #expect(html.contains("<div class=\"glossary-tips\" hidden>\n<span id=\"glossary-tip-flare\">\(definition)</span>\n</div>"), "\(path)")
            #expect(count("id=\"glossary-tip-flare\"", in: html) == 1, "\(path)")
        }
    }

    @Test("the home and search pages have one search box each; other pages keep the header's")
    func oneSearchBox() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page()])
        defer { site.remove() }
        _ = try site.build()
        #expect(count("type=\"search\"", in: try site.read("index.html")) == 1)
        #expect(count("type=\"search\"", in: try site.read("search/index.html")) == 1)
        let article = try site.read("articles/a/index.html")
        #expect(count("type=\"search\"", in: article) == 1)
        #expect(article.contains("<a class=\"search-link\" href=\"/search/\">Search</a>"), "the phone's link to search")
        #expect(article.contains("<nav class=\"breadcrumbs wrap\""), "breadcrumbs sit in the content column")
        for page in ["index.html", "articles/a/index.html"] {
            for placeholder in attribute("placeholder", in: try site.read(page)) {
                #expect(placeholder.count <= 18, "\(page): \(placeholder) fits a 390 px phone")
            }
        }
    }

    @Test("a FAQ page lists its questions first, links back after each answer, and keeps its ids unique")
    func faqQuestions() throws {
        let body = "Intro.\n\n## How long does it last?\n\nWeeks.\n\n## Questions heading?\n\nAn id the theme uses.\n"
        let site = try TestSite(["content/faqs/q.md": TestSite.page("Questions", body: body)])
        defer { site.remove() }
        _ = try site.build()
        let html = try site.read("faqs/q/index.html")
        let ids = attribute("id", in: html)
        #expect(Set(ids).count == ids.count, "repeated ids: \(ids)")
        let list = try #require(html.components(separatedBy: "<h2 id=\"questions-heading\">Questions on this page</h2>").last)
        let answers = ids.filter { id in html.contains("<h2 id=\"\(id)\"") && id != "questions-heading" }
        #expect(answers.count == 2)
        #expect(answers.first == "how-long-does-it-last")
        #expect(!answers.contains("questions-heading"), "a question does not take the list's id")
        let listed = list.components(separatedBy: "</nav>")[0]
        #expect(attribute("href", in: listed) == answers.map { "#" + $0 })
        #expect(count("<p class=\"back-to-questions\"><a href=\"#questions-heading\">Back to the questions</a></p>", in: html) == 2)
        let article = try TestSite(["content/articles/a.md": TestSite.page(body: "## Only one\n\nText.")])
        defer { article.remove() }
        _ = try article.build()
        #expect(!(try article.read("articles/a/index.html")).contains("questions-heading"), "articles have no question list")
    }

    @Test("every page links the favicon and has Open Graph and Twitter card tags")
    func socialTags() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("Sleep & rest")])
        defer { site.remove() }
        _ = try site.build()
        let html = try site.read("articles/a/index.html")
        for tag in [
            "<meta property=\"og:type\" content=\"article\">", "<meta property=\"og:title\" content=\"Sleep &amp; rest\">",
            "<meta property=\"og:description\" content=\"A short summary.\">",
            "<meta property=\"og:url\" content=\"https://example.org/articles/a/\">",
            "<meta property=\"og:site_name\" content=\"Test Health\">", "<meta name=\"twitter:card\" content=\"summary\">",
            "<meta name=\"twitter:title\" content=\"Sleep &amp; rest\">",
        ] {
            #expect(html.contains(tag), "\(tag)")
        }
        #expect(try site.read("index.html").contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(try site.read("assets/favicon.svg").hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // The favicon is linked by its content-hashed name (a copy of the same bytes).
        let icon = try #require(html.range(of: #"<link rel="icon" href="/assets/favicon."#))
        let name = String(html[icon.upperBound...].prefix { $0 != "\"" })
        #expect(name.hasSuffix(".svg") && html.contains(#"type="image/svg+xml">"#))
        #expect(try site.read("assets/favicon." + name) == site.read("assets/favicon.svg"))
    }

    @Test("the printed page shows its own address and review dates under the title")
    func printedAddress() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("Rest")])
        defer { site.remove() }
        _ = try site.build(baseURL: "https://example.org/health/")
        let html = try site.read("articles/a/index.html")
        #expect(html.contains("""
            <h1>Rest</h1>
            <p class="print-only print-meta">https://example.org/health/articles/a/<br>Page last reviewed: 15 January 2026 · \
            Next review due: 15 January 2027</p>
            """))
        let css = try site.read("assets/style.css")
        #expect(css.contains(".print-only { display: none; }"))
        #expect(try #require(css.components(separatedBy: "@media print").last).contains(".print-only { display: block; }"))
    }

    /// The values of every `name="…"` attribute in `html`, in order.
    func attribute(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }
}
