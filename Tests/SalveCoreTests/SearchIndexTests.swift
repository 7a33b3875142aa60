// The search index: its results, its scores, its files, and the synonyms file.
import Foundation
import Testing

@testable import SalveCore

@Suite("Search index")
struct SearchIndexTests {
    static func page(_ path: String, kind: ContentKind, _ text: String) throws -> Page {
        let document = try #require(
            Document.parse(text, kind: kind, contentPath: path, sourcePath: "content/" + path, config: SiteConfig()).0)
        return Build.render(document, renderer: MarkdownRenderer(), links: LinkTable(basePath: "/", sitePaths: [:], sources: []),
                            glossary: nil).0
    }

    static func front(_ title: String, _ extra: String = "") -> String {
        "---\ntitle: \(title)\nsummary: About \(title).\nlast_reviewed: 2026-01-01\nreviewed_by: R\n\(extra)---\n"
    }

    static func site(_ pages: [Page]) -> Site { Site.assemble(config: SiteConfig(), pages: pages) }

    @Test("every page and every FAQ question is a result; a question links to its anchor and shows as FAQ")
    func results() throws {
        let faq = try Self.page("faqs/ldn.md", kind: .faq, Self.front("LDN FAQ") + "## Is it safe?\n\nMostly.\n")
        let index = SearchIndex.make(from: Self.site([faq]))
        #expect(index.results.map(\.url) == ["/faqs/ldn/", "/faqs/ldn/#is-it-safe"])
        #expect(index.results[1].kind == "FAQ")
        #expect(index.results[1].title == "Is it safe?")
        #expect(index.results[1].snippet == "Mostly.")
        #expect(index.results[1].lastReviewed == "2026-01-01")
    }

    @Test("a word in the title or also_called scores above the same word in the body")
    func fieldWeights() throws {
        let inTitle = try Self.page("articles/a.md", kind: .article, Self.front("Naltrexone") + "Some text.\n")
        let alsoCalled = try Self.page("articles/b.md", kind: .article, Self.front("Medicine", "also_called: [naltrexone]\n") + "Text.\n")
        let inBody = try Self.page("articles/c.md", kind: .article, Self.front("Other") + "Naltrexone is mentioned here.\n")
        let index = SearchIndex.make(from: Self.site([inTitle, alsoCalled, inBody]))
        let scores = Dictionary(uniqueKeysWithValues: try #require(index.postings["naltrexon"]).map {
            (index.results[$0.result].url, $0.score)
        })
        #expect(scores["/articles/a/"]! > scores["/articles/c/"]!)
        #expect(scores["/articles/b/"]! > scores["/articles/c/"]!)
        #expect(index.postings["the"] == nil, "stop words are not indexed")
    }

    @Test("the files split terms into sorted shards, each term in one shard, results in chunks of ten")
    func shards() throws {
        let words = (0..<3000).map { "word\($0)x" }
        var pages: [Page] = []
        for n in 0..<25 {
            pages.append(try Self.page("articles/p\(n).md", kind: .article,
                                       Self.front("Page \(n)") + words[(n * 120)..<((n + 1) * 120)].joined(separator: " ") + "\n"))
        }
        let index = SearchIndex.make(from: Self.site(pages), synonyms: Synonyms(names: [["LDN", "low-dose naltrexone"]]))
        let files = index.files()
        #expect(files.allSatisfy { $0.isContained && ($0.path == "search-index.json" || $0.path.hasPrefix("search/")) })
        func json(_ path: String) throws -> Any {
            guard case .text(let text) = try #require(files.first { $0.path == path }).contents else { return [] }
            return try JSONSerialization.jsonObject(with: Data(text.utf8))
        }
        let entry = try #require(try json("search-index.json") as? [String: Any])
        let first = try #require((entry["terms"] as? [String: Any])?["first"] as? [String])
        #expect(first.count > 3, "3,000 words make several term shards")
        #expect(first == first.sorted())
        /// A file's path from the entry point: its section's folder, its number and the hash listed for it.
        func named(_ section: String, _ number: Int, at position: Int? = nil) throws -> String {
            let part = try #require(entry[section] as? [String: Any])
            let hashes = try #require(part["files"] as? [String])
            return "search/\(section)/\(number).\(hashes[position ?? number]).json"
        }
        #expect(try named("terms", 0) == "search/terms/0.\(ContentHash.of(index.shards[0].bytes)).json")
        var seen: [String: Int] = [:]
        for shard in first.indices {
            let terms = try #require(try json(named("terms", shard)) as? [String: [Int]])
            for term in terms.keys {
                #expect(term >= first[shard] && (shard + 1 == first.count || term < first[shard + 1]))
                seen[term, default: 0] += 1
            }
        }
        #expect(seen.count == index.postings.count && seen.values.allSatisfy { $0 == 1 })
        let chunks = files.filter { $0.path.hasPrefix("search/results/") }
        #expect(chunks.count == 3)
        #expect((try json(named("results", 2)) as? [[String]])?.count == 5)
        #expect(entry["synonyms"] as? [[[String]]] == [[["ldn"], ["low", "dose", "naltrexon"]]])
        let lengths = try #require((entry["words"] as? [String: Any])?["lengths"] as? [Int])
        let words4 = try #require(try json(named("words", 4, at: lengths.firstIndex(of: 4)!)) as? [String])
        #expect(words4.contains("page"))
        #expect(index.postings["12"] != nil, "numbers are searchable")
        for file in files where file.path.hasPrefix("search/words/") {
            let words = try #require(try json(file.path) as? [String])
            #expect(words.allSatisfy { !$0.contains(where: \.isNumber) }, "\(file.path) lists a number for typo matching")
        }
    }

    @Test("the files are the same bytes on one thread and on many")
    func deterministic() throws {
        let pages = try (0..<12).map { n in
            try Self.page("faqs/f\(n).md", kind: .faq, Self.front("FAQ \(n)") + "## Question \(n) about pain?\n\nAnswer \(n) about sleep.\n")
        }
        #expect(SearchIndex.make(from: Self.site(pages), threads: 1).files()
                == SearchIndex.make(from: Self.site(pages), threads: 4).files())
    }

    @Test("synonym groups become stemmed phrases; a bad synonyms file names the file and line")
    func synonyms() {
        let (good, none) = Synonyms.parse("- [LDN, low-dose naltrexone, low dose naltrexone]\n- [fibro, FMS, fibromyalgia]\n")
        #expect(none.isEmpty)
        #expect(good.groups == [[["ldn"], ["low", "dose", "naltrexon"]], [["fibro"], ["fms"], ["fibromyalgia"]]])
        let (_, notList) = Synonyms.parse("- [LDN, naltrexone]\n- fibro\n")
        #expect(notList == [.error("content/synonyms.yml", line: 2, column: 3, "a synonym group must be a list of names",
                                   fix: "write one group a line, such as `- [LDN, low-dose naltrexone, low dose naltrexone]`")])
        let (_, single) = Synonyms.parse("- [LDN]\n")
        #expect(single.map(\.line) == [1])
        let (_, broken) = Synonyms.parse("- [LDN, naltrexone\n- [x, y]\n")
        #expect(broken.count == 1 && broken[0].path == "content/synonyms.yml" && broken[0].line != nil)
    }
}
