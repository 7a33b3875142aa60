// The search index as a build writes it: synonyms from content/synonyms.yml, and their errors.
import Foundation
import SalveCore
import Testing

@Suite("Search in a built site")
struct SearchBuildTests {
    @Test("a synonyms file that is not a list of groups stops the build with its file and line")
    func badSynonyms() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page(),
            "content/synonyms.yml": "- [LDN, low-dose naltrexone]\n- fibro, FMS\n",
        ])
        defer { site.remove() }
        #expect(try site.errors() == [
            .error("content/synonyms.yml", line: 2, column: 3, "a synonym group must be a list of names",
                   fix: "write one group a line, such as `- [LDN, low-dose naltrexone, low dose naltrexone]`"),
        ])
    }

    @Test("synonym groups from the file and from the glossary reach the entry point, stemmed")
    func synonymsInEntryPoint() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("Low-dose naltrexone"),
            "content/synonyms.yml": "- [LDN, low-dose naltrexone]\n",
            "content/glossary.yml": "- term: fibromyalgia\n  definition: A long-term condition.\n  also_called: [fibro]\n",
        ])
        defer { site.remove() }
        try site.build()
        let entry = try #require(
            JSONSerialization.jsonObject(with: Data(try site.read("search-index.json").utf8)) as? [String: Any])
        #expect(entry["synonyms"] as? [[[String]]] == [[["ldn"], ["low", "dose", "naltrexon"]], [["fibromyalgia"], ["fibro"]]])
    }
}
