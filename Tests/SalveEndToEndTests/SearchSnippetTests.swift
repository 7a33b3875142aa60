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
        let entry = try #require(JSONSerialization.jsonObject(with: Data(try site.read("search-index.json").utf8)) as? [String: Any])
        let hash = try #require(((entry["results"] as? [String: Any])?["files"] as? [String])?.first)
        let results = try site.read("search/results/0.\(hash).json")
        #expect(results.contains(
            "The most common are: trouble sleeping; vivid dreams; headaches. They pass. nausea. Tell your doctor."))
    }
}
