// What the search page shows of a page: its snippet keeps list items apart, as a sentence would.
import Foundation
import SalveCore
import Testing

@Suite("Search snippets")
struct SearchSnippetTests {
    @Test("list items in a FAQ answer's snippet are kept apart like the parts of a sentence")
    func listItems() throws {
        let body = """
            ## What are the side effects?

            The most common are:

            - trouble sleeping
            - vivid dreams
            - headaches. They pass.
            - nausea

            Tell your doctor.
            """
        let site = try TestSite(["content/faqs/q.md": TestSite.page(body: body)])
        defer { site.remove() }
        _ = try site.build()
        let results = try site.read("search/results/0.json")
        #expect(results.contains(
            "The most common are: trouble sleeping; vivid dreams; headaches. They pass. nausea. Tell your doctor."))
    }
}
