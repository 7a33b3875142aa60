// The cmark-gfm wrapper: heading ids, callouts, safety defaults, link rewriting and FAQ sections.
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

    @Test("heading ids follow GitHub: lowercase, punctuation dropped, -1 for repeats")
    func headingIDs() {
        var ids = HeadingIDs()
        #expect(ids.next(for: "Can LDN cure fibromyalgia?") == "can-ldn-cure-fibromyalgia")
        #expect(ids.next(for: "Can LDN cure fibromyalgia?") == "can-ldn-cure-fibromyalgia-1")
        #expect(ids.next(for: "Côté: 4.5 mg & more") == "cote-45-mg--more")
        #expect(ids.next(for: "!!!") == "section")
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

    @Test("callouts become asides with hidden urgency text, and the marker leaves the text")
    func callouts() {
        let (rendered, _) = render("> [!EMERGENCY]\n> Call 911 now.\n\n> A plain quote.\n")
        #expect(rendered.html == """
            <aside class="callout callout-emergency">
            <p class="callout-title"><span class="visually-hidden">Immediate action required: </span>Emergency</p>
            <p>Call 911 now.</p>
            </aside>
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
