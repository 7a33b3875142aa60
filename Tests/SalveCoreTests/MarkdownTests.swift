// The cmark-gfm wrapper: heading ids, callouts, safety defaults, link rewriting and FAQ sections.
import Foundation
import Testing
@testable import SalveCore

@Suite("Markdown")
struct MarkdownTests {
    let links = LinkTable(
        basePath: "/health/", sitePaths: ["faqs/ldn.md": "faqs/ldn/", "articles/a.md": "articles/a/"],
        sources: ["faqs/ldn.md", "articles/a.md", "articles/draft.md"], drafts: ["articles/draft.md"])

    func render(_ markdown: String, split: Bool = false, raw: Bool = false) -> (RenderedMarkdown, [Diagnostic]) {
        MarkdownRenderer(allowRawHTML: raw).render(
            markdown, firstLine: 10, path: "content/articles/a.md", contentPath: "articles/a.md", links: links,
            splitSections: split)
    }

    @Test("a cell taken as plain text is exactly what cmark-gfm makes of it; anything Markdown could read goes to cmark")
    func plainCellsMatchCmark() {
        let renderer = MarkdownRenderer()
        func cmark(_ text: String) -> String {
            var html = renderer.html(text)
            if html.hasPrefix("<p>"), html.hasSuffix("</p>\n") { html = String(html.dropFirst(3).dropLast(5)) }
            return html
        }
        let plain = ["Helps sleep", "Dr. Smith's plan (daily)", "Tired; sore?", "e.g. rest", "x", "Ok.", "It's 5 mg",
                     "Take 2 a day, with food."]
        for text in plain {
            #expect(MarkdownRenderer.isPlainText(text), "\(text)")
            #expect(renderer.inlineHTML(text, links: links, from: "comparisons/c.md") == cmark(text), "\(text)")
        }
        // Each of these could be read as Markdown (or is a case the byte test leaves to cmark-gfm).
        let markdown = ["www.example.org", "See WWW.x.org", "a www.b", "1. First", "1) First", "a  b", " a", "a ", "",
                        "A-b", "A *b*", "a_b_", "a & b", "a < b", "a \"b\"", "[a](b.md)", "a\nb", "# a", "- a", "+ a",
                        "> a", "a~b~", "a | b", "a:b", "a@b.org", "Café", "a\\b", "`a`", "a!", "a {b}"]
        for text in markdown {
            #expect(!MarkdownRenderer.isPlainText(text), "\(text.debugDescription)")
        }
    }

    @Test("heading ids follow GitHub: lowercase, punctuation dropped, -1 for repeats")
    func headingIDs() {
        var ids = HeadingIDs()
        #expect(ids.next(for: "Can LDN cure fibromyalgia?") == "can-ldn-cure-fibromyalgia")
        #expect(ids.next(for: "Can LDN cure fibromyalgia?") == "can-ldn-cure-fibromyalgia-1")
        #expect(ids.next(for: "Côté: 4.5 mg & more") == "cote-45-mg--more")
        #expect(ids.next(for: "!!!") == "section.1", "nothing left: an id with a dot, which no slug has")
        #expect(ids.next(for: "Section") == "section")
        #expect(ids.next(for: "🙂") == "section.2")
        #expect(ids.next(for: "Фибромиалгия") == "фибромиалгия", "letters of every script stay")
        #expect(ids.next(for: "Main") == "main-1", "the theme's ids are taken")
        #expect(ids.next(for: "fn 2") == "heading-fn-2", "families the theme numbers are prefixed")
    }

    @Test("ASCII names keep the slugs they had; other scripts keep their letters; composed and decomposed letters agree")
    func slugs() {
        #expect(Slug.make("Low-dose naltrexone (LDN)") == "low-dose-naltrexone-ldn")
        #expect(Slug.make("Sjögren's syndrome") == "sjogrens-syndrome")
        #expect(Slug.make("C++") == "c")
        #expect(Slug.make("纤维肌痛") == "纤维肌痛")
        #expect(Slug.make("Депрессия") == "депрессия")
        #expect(Slug.make("й") == Slug.make("и\u{306}"))
        #expect(Slug.make("<script>\"&'") == "script")
        #expect(Slug.make("..").isEmpty && Slug.make("!!!").isEmpty)
    }

    @Test("headings get their id and a visible anchor link, even in safe mode")
    func headingsRender() {
        let (rendered, _) = render("## Side effects & \"risks\"\n")
        #expect(rendered.html == """
            <h2 id="side-effects--risks">Side effects &amp; &quot;risks&quot; <a class="heading-anchor" href="#side-effects--risks" aria-label="Link to this section: Side effects &amp; &quot;risks&quot;">#</a></h2>

            """)
        #expect(rendered.headings == [Heading(level: 2, text: "Side effects & \"risks\"", id: "side-effects--risks", line: 10)])
    }

    @Test("raw HTML is left out by default; opting in still filters <script> (tagfilter)")
    func rawHTML() {
        let markdown = "<script>alert(1)</script>\n\nA <b>word</b> and [x](javascript:alert(1)).\n"
        let safe = render(markdown).0.html
        #expect(!safe.contains("<script") && !safe.contains("<b>") && !safe.contains("javascript:"))
        let raw = render(markdown, raw: true).0.html
        #expect(raw.contains("<b>word</b>"))
        #expect(raw.contains("&lt;script>"))
    }

    @Test("callouts become notes with hidden urgency text, and the marker leaves the text")
    func callouts() {
        let (rendered, _) = render("> [!EMERGENCY]\n> Call 911 now.\n\n> A plain quote.\n")
        #expect(rendered.html == """
            <div class="callout callout-emergency" role="note">
            <p class="callout-title"><span class="visually-hidden">Immediate action required: </span>Emergency</p>
            <p>Call 911 now.</p>
            </div>
            <blockquote>
            <p>A plain quote.</p>
            </blockquote>

            """)
        #expect(rendered.text == "Call 911 now. A plain quote.")
    }

    @Test("links to .md files become page URLs under the base path; problems carry the file line")
    func linkRewriting() {
        let (rendered, diagnostics) = render("""
            [a](../faqs/ldn.md#can-i) [b](/media/x.png) [c](https://nih.gov) [d](draft.md)
            [e](../../../etc/passwd.md)
            """)
        #expect(rendered.html.contains("<a href=\"/health/faqs/ldn/#can-i\">a</a>"))
        #expect(rendered.html.contains("<a href=\"/health/media/x.png\">b</a>"))
        #expect(rendered.html.contains("<a href=\"https://nih.gov\">c</a>"))
        #expect(diagnostics == [
            .error("content/articles/a.md", line: 10, column: 66,
                   "the link \"draft.md\" points to content/articles/draft.md, which is a draft",
                   fix: "publish that page (remove `draft: true`) or remove the link"),
            .error("content/articles/a.md", line: 11, column: 1, "the link \"../../../etc/passwd.md\" points outside content/",
                   fix: "link to a file inside content/"),
        ])
    }

    @Test("FAQ bodies split into one section per ## question, with the answer's text")
    func sections() {
        let (rendered, _) = render("Intro.\n\n## Is it real?\n\nYes.\n\n### Detail\n\nMore.\n\n## Next?\n\nNo.\n", split: true)
        #expect(rendered.html == "<p>Intro.</p>\n")
        #expect(rendered.sections.map(\.heading.id) == ["is-it-real", "next"])
        #expect(rendered.sections.map(\.text) == ["Yes. Detail More.", "No."])
        #expect(rendered.sections[0].headingHTML.hasPrefix("<h2 id=\"is-it-real\">"))
        #expect(rendered.sections[0].html.hasPrefix("<p>Yes.</p>"))
        #expect(rendered.sections[0].html.contains("<h3 id=\"detail\">"))
    }
}

@Suite("theme ids")
struct ThemeIDTests {
    @Test("every literal id in the default theme's templates and scripts is reserved")
    func everyThemeIDIsReserved() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: templates.path)
        var found: Set<String> = []
        for path in paths where path.hasSuffix(".mustache") || path.hasSuffix(".js") {
            let text = try String(contentsOf: templates.appendingPathComponent(path), encoding: .utf8)
            for pattern in [#"id="([^"{]+)""#, #"\.id = "([^"]+)""#, #"getElementById\("([^"]+)"\)"#] {
                let expression = try NSRegularExpression(pattern: pattern)
                for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    found.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        #expect(found.count > 10, "the scan found the theme's ids")
        #expect(found.filter { !ThemeIDs.isReserved($0) }.sorted() == [])
    }
}
