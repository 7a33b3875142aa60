// Names in any script get their own pages and anchors, two names never merge into one page silently, and ids
// made from content never repeat the theme's.
import Foundation
import SalveCore
import Testing

@Suite("slugs and ids")
struct SlugTests {
    @Test("conditions in Cyrillic and Chinese, and one called Section, get four pages with UTF-8 folders and percent-encoded URLs")
    func unicodeConditionsKeepTheirPages() throws {
        let names = ["Фибромиалгия", "Депрессия", "纤维肌痛", "Section"]
        var files: [String: String] = [:]
        for (index, name) in names.enumerated() {
            files["content/articles/page\(index).md"] = TestSite.page("Page \(index)", extra: "conditions: [\(name)]")
        }
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        for (index, folder) in ["фибромиалгия", "депрессия", "纤维肌痛", "section"].enumerated() {
            let listing = try site.read("conditions/\(folder)/index.html")
            #expect(listing.contains("Page \(index)"), "conditions/\(folder)/ lists its page")
            for other in names.indices where other != index {
                #expect(!listing.contains(">Page \(other)<"), "conditions/\(folder)/ lists only its own page")
            }
        }
        let encoded = "conditions/%D1%84%D0%B8%D0%B1%D1%80%D0%BE%D0%BC%D0%B8%D0%B0%D0%BB%D0%B3%D0%B8%D1%8F/"
        #expect(try site.read("articles/page0/index.html").contains("href=\"/\(encoded)\""))
        #expect(try site.read("conditions/index.html").contains("href=\"/\(encoded)\""))
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/\(encoded)</loc>"))
        #expect(!(try site.read("sitemap.xml")).contains("фибромиалгия"), "sitemap URLs are plain ASCII URLs")
    }

    @Test("two different names with one slug, and names with no letter, are errors naming the files")
    func clashingConditionsAreErrors() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: "conditions: [C++]"),
            "content/articles/b.md": TestSite.page("B", extra: "conditions: [C, long covid]"),
            "content/articles/c.md": TestSite.page("C", extra: "conditions: [Long-COVID, '!!!']\ntreatments: ['..']"),
        ])
        defer { site.remove() }
        #expect(try site.errors() == [
            .error("content/articles/b.md",
                   "the condition \"C\" would share the page /conditions/c/ with \"C++\" (content/articles/a.md)",
                   fix: "spell both the same way if they are one condition, or name them so they differ in letters or digits"),
            .error("content/articles/c.md", "the condition \"!!!\" has no letter or digit, so it cannot have a page",
                   fix: "write the condition's name in words"),
            .error("content/articles/c.md", "the treatment \"..\" has no letter or digit, so it cannot have a page",
                   fix: "write the treatment's name in words"),
        ])
    }

    @Test("glossary terms in other scripts get their own anchors; two terms with one anchor are an error with both lines")
    func glossaryAnchors() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", body: "Фибромиалгия and 纤维肌痛 are named here."),
            "content/glossary.yml": """
                - term: Фибромиалгия
                  definition: A long-term condition with pain.
                - term: 纤维肌痛
                  definition: The same in Chinese.
                - term: Main
                  definition: A word that is also the theme's id.
                """,
        ])
        defer { site.remove() }
        try site.build()
        let glossary = try site.read("glossary/index.html")
        #expect(glossary.contains("<dt id=\"фибромиалгия\">"))
        #expect(glossary.contains("<dt id=\"纤维肌痛\">"))
        #expect(glossary.contains("<dt id=\"term-main\">"))
        #expect(duplicateIDs(glossary).isEmpty)
        let page = try site.read("articles/a/index.html")
        #expect(page.contains("glossary/#фибромиалгия\""))
        #expect(page.contains("glossary/#纤维肌痛\""))

        try site.write("content/glossary.yml", """
            - term: C++
              definition: A language.
            - term: C
              definition: Another one.
            """)
        #expect(try site.errors() == [
            .error("content/glossary.yml", line: 3, "the terms \"C\" and \"C++\" (line 1) would share the anchor #c",
                   fix: "rename one of them so they differ in letters or digits"),
        ])
    }

    @Test("headings named like the theme's ids, in other scripts, or with no letters get ids no other element has")
    func headingIDsNeverRepeat() throws {
        let body = """
            ## Main

            Text.

            ## References heading

            ## Toc heading

            ## Фибромиалгия

            ## 🙂

            ## Section

            ## !!!

            ## Glossary tip fibromyalgia

            Fibromyalgia hurts.[^1]

            [^1]: A note.

            ## FN 1
            """
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", extra: """
                references:
                  - title: A study
                    url: https://example.com/study
                """, body: body),
            "content/glossary.yml": "- term: Fibromyalgia\n  definition: Pain in many places.\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("articles/a/index.html")
        #expect(duplicateIDs(page).isEmpty, "ids used twice: \(duplicateIDs(page))")
        for id in ["main-1", "references-heading-1", "toc-heading-1", "фибромиалгия", "section.1", "section", "section.2",
                   "heading-glossary-tip-fibromyalgia", "heading-fn-1"]
        {
            #expect(page.contains("<h2 id=\"\(id)\">"), "a heading has the id \(id)")
        }
        #expect(page.contains("id=\"toc-heading\""), "the theme keeps its own ids")
        #expect(page.contains("id=\"glossary-tip-fibromyalgia\""))
    }
}

/// Every id="…" value that occurs more than once in `html`.
func duplicateIDs(_ html: String) -> [String] {
    var counts: [String: Int] = [:]
    var rest = html[...]
    while let start = rest.range(of: " id=\"") {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        counts[String(rest[..<end]), default: 0] += 1
        rest = rest[end...]
    }
    return counts.filter { $0.value > 1 }.keys.sorted()
}
