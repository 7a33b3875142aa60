// Glossary terms link at their first use only, never inside links, headings, code, images or other terms.
import Testing
@testable import SalveCore

@Suite("Glossary")
struct GlossaryTests {
    let glossary = Glossary.parse("""
        - term: Naltrexone
          definition: A medicine that blocks opioids.
        - term: Low-dose naltrexone
          definition: A tiny daily dose of naltrexone.
          also_called: [LDN]
        - term: Fog
          definition: Trouble thinking <clearly>.
        """).0

    func render(_ markdown: String) -> String {
        let matcher = GlossaryMatcher(glossary, basePath: "/health/")
        return MarkdownRenderer().render(
            markdown, firstLine: 1, path: "a.md", contentPath: "articles/a.md",
            links: LinkTable(basePath: "/health/", sitePaths: [:], sources: []), glossary: matcher
        ).0.html
    }

    func linkedTerms(_ html: String) -> [String] {
        html.components(separatedBy: "<a class=\"glossary-term\"").dropFirst().compactMap { part in
            part.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
        }
    }

    @Test("the first use of a term is linked, later uses are not")
    func firstUseOnly() {
        let html = render("Naltrexone helps. Naltrexone again.\n\nAnd naltrexone.")
        #expect(linkedTerms(html) == ["Naltrexone"])
        #expect(html.contains("href=\"/health/glossary/#naltrexone\""))
        #expect(html.contains("<span id=\"glossary-tip-naltrexone\">A medicine that blocks opioids.</span>"))
    }

    @Test("the definition stays out of the sentence: the link names a hidden element after the body and carries a tooltip")
    func definitionOutOfTheSentence() {
        let html = render("Naltrexone helps some people.\n\nAsk your doctor.")
        #expect(html == """
            <p><a class="glossary-term" href="/health/glossary/#naltrexone" aria-describedby="glossary-tip-naltrexone" \
            data-definition="A medicine that blocks opioids.">Naltrexone</a> helps some people.</p>
            <p>Ask your doctor.</p>
            <div class="glossary-tips" hidden>
            <span id="glossary-tip-naltrexone">A medicine that blocks opioids.</span>
            </div>

            """)
        #expect(!render("No terms here.").contains("glossary-tips"), "no empty container without terms")
    }

    @Test("the longest term wins, and a term inside another term is not linked there")
    func longestMatch() {
        #expect(linkedTerms(render("Low-dose naltrexone is not plain naltrexone.")) == ["Low-dose naltrexone", "naltrexone"])
        #expect(linkedTerms(render("Ask about LDN.")) == ["LDN"])
    }

    @Test("terms are not linked inside links, headings, code or image text, nor inside longer words")
    func exclusions() {
        let html = render("## Naltrexone\n\n[naltrexone](https://x.org) `naltrexone` ![naltrexone](/a.png) naltrexones foggy")
        #expect(linkedTerms(html) == [])
    }

    @Test("a term in a table cell keeps the cell's text whole and is linked at its next use")
    func tableCell() {
        let html = render("| Medicine | Note |\n|---|---|\n| Naltrexone | taken daily |\n\nAsk about naltrexone.")
        #expect(html.contains("<td>Naltrexone</td>") && html.contains("<td>taken daily</td>"))
        #expect(linkedTerms(html) == ["naltrexone"])
    }

    @Test("definitions are escaped")
    func escaping() {
        #expect(render("Brain fog.").contains("Trouble thinking &lt;clearly&gt;."))
    }

    @Test("a glossary entry without a definition is an error with its line")
    func invalidGlossary() {
        #expect(Glossary.parse("- term: A\n  definition: B\n- term: C\n").1 == [
            .error("content/glossary.yml", line: 3, "required field `definition` is missing or empty",
                   fix: "add `definition: …` (a plain-language explanation)")
        ])
    }
}
