// The index per document: analyses as pure values, and updates after an edit equal to a fresh full index.
import Foundation
import Testing

@testable import SalveCore

@Suite("Search index updates")
struct SearchUpdateTests {
    /// A made-up word: four consonants after `zq`, so the stemmer leaves it as it is, no word is part of another,
    /// and `word(n + 1)` sorts right after `word(n)`.
    static func word(_ number: Int) -> String {
        let consonants = Array("bcdfghjklmnpqrstvwxz")
        var letters: [Character] = []
        var rest = number
        for _ in 0..<4 {
            letters.insert(consonants[rest % consonants.count], at: 0)
            rest /= consonants.count
        }
        return "zq" + String(letters)
    }

    /// A seeded generator, so every run makes the same sites.
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func words(_ count: Int, from vocabulary: Int) -> String {
            (0..<count).map { _ in SearchUpdateTests.word(next(vocabulary)) }.joined(separator: " ")
        }
    }

    /// Articles and FAQ pages over a small shared vocabulary plus some rare words, like a real site.
    static func documents(seed: UInt64, count: Int = 40) -> [SearchDocument] {
        var random = Seeded(state: seed)
        return (0..<count).map { n in
            let kind: ContentKind = n % 4 == 3 ? .faq : (n % 5 == 1 ? .comparison : .article)
            let url = "/\(kind.folder)/page-\(n)/"
            return SearchDocument(
                url: url, kind: kind, title: "Page \(n) " + random.words(3, from: 60),
                summary: random.words(8, from: 60), lastReviewed: "2026-01-0\(1 + n % 9)",
                alsoCalled: n % 3 == 0 ? [random.words(1, from: 400)] : [],
                headings: (0..<random.next(3)).map { _ in random.words(2, from: 60) },
                body: kind == .faq ? "" : random.words(30 + random.next(60), from: 60) + " " + random.words(4, from: 3000),
                questions: kind == .faq
                    ? (0..<(1 + random.next(3))).map { q in
                        .init(heading: "Question \(q)? " + random.words(3, from: 60), anchor: "question-\(q)",
                              answer: random.words(20, from: 60) + " " + random.words(2, from: 3000))
                    } : [])
        }
    }

    /// Updates `documents` to `edited` and checks the index against a fresh one: same files, and the update
    /// lists exactly the files whose bytes changed and the ones that are gone.
    static func checkUpdate(from documents: [SearchDocument], to edited: [SearchDocument],
                            sourceLocation: SourceLocation = #_sourceLocation) -> SearchIndex.Update
    {
        let synonyms = Synonyms(names: [["LDN", "low-dose naltrexone"]])
        var index = SearchIndex(documents.map(SearchAnalysis.init), synonyms: synonyms)
        let before = index.encodedFiles()
        let update = index.update(to: edited.map(SearchAnalysis.init))
        let fresh = SearchIndex(edited.map(SearchAnalysis.init), synonyms: synonyms)
        #expect(index.encodedFiles() == fresh.encodedFiles(), "the updated index differs from a full one",
                sourceLocation: sourceLocation)
        #expect(index.postings == fresh.postings && index.results == fresh.results, sourceLocation: sourceLocation)
        let expected = SearchIndex.difference(from: before, to: fresh.encodedFiles())
        #expect(update.written.map(\.path) == expected.written.map(\.path), sourceLocation: sourceLocation)
        #expect(update.written == expected.written && update.removed == expected.removed, sourceLocation: sourceLocation)
        return update
    }

    @Test("a document's analysis depends on the document only, not on what the analyzer saw before")
    func analysisIsPure() {
        let documents = Self.documents(seed: 7)
        var shared = SearchAnalyzer()
        let inOrder = documents.map { shared.analyze($0) }
        let reversed = documents.reversed().map { shared.analyze($0) }.reversed()
        #expect(Array(reversed) == inOrder)
        #expect(documents.map(SearchAnalysis.init) == inOrder)
        #expect(SearchIndex.analyze(documents, threads: 3) == inOrder)
    }

    @Test("an analysis counts each field's terms, stop words left out, in order of first appearance")
    func analysisCounts() throws {
        let document = SearchDocument(url: "/articles/a/", kind: .article, title: "Pain and sleep",
                                      summary: "Sleep.", lastReviewed: "2026-01-01", alsoCalled: ["Café pain"],
                                      body: "The pains of sleeping; sleep well.")
        let result = try #require(SearchAnalysis(document).results.first)
        #expect(result.terms == ["pain", "sleep", "cafe", "well"])
        #expect(result.lengths == [2, 2, 0, 1, 4])
        #expect(result.counts == [1, 1, 0, 0, 1, 1, 0, 0, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test("after any one edit, the updated index has exactly a fresh index's files, and lists only the changed ones")
    func everyKindOfEdit() {
        let documents = Self.documents(seed: 11, count: 24)
        var random = Seeded(state: 99)
        var edits: [(String, (inout SearchDocument) -> Void)] = [
            ("a word of the body swapped", { $0.body = $0.body.replacingOccurrences(of: Self.word(5), with: Self.word(6)) }),
            ("a sentence added to the body", { $0.body += " Another sentence about " + Self.word(12) }),
            ("a word found nowhere else", { $0.body += " " + Self.word(90_000) }),
            ("the body emptied", { $0.body = "" }),
            ("the title", { $0.title = "A new title" }),
            ("the summary, shown in results", { $0.summary = "Another summary." }),
            ("the review date", { $0.lastReviewed = "2027-02-02" }),
            ("also_called", { $0.alsoCalled = ["LDN", "low dose naltrexone"] }),
            ("headings", { $0.headings.append("What else helps?") }),
            ("the same document", { _ in }),
        ]
        for _ in 0..<6 {
            let words = random.words(5, from: 70)
            edits.append(("random words", { $0.body += " " + words }))
        }
        for (name, edit) in edits {
            for page in [0, 3, 6, 17] {
                var edited = documents
                edit(&edited[page])
                let update = Self.checkUpdate(from: documents, to: edited)
                #expect(!update.reassembled, "\(name) on page \(page)")
                // A FAQ page's body is not indexed, so editing it changes no analysis.
                #expect(update.changedDocuments == (SearchAnalysis(edited[page]) == SearchAnalysis(documents[page]) ? 0 : 1))
            }
        }
        var questions = documents
        questions[3].questions[0].answer += " " + Self.word(4)
        questions[3].questions[0].heading = "A new question?"
        #expect(!Self.checkUpdate(from: documents, to: questions).reassembled)
    }

    @Test("adding, removing or renaming a page renumbers results and assembles the index again, equal to a full one")
    func addRemoveRename() {
        let documents = Self.documents(seed: 5)
        var added = documents
        added.insert(Self.documents(seed: 6, count: 1)[0], at: 10)
        var removed = documents
        removed.remove(at: 3)
        var renamed = documents
        renamed[7].url = "/articles/renamed/"
        var newQuestion = documents
        newQuestion[3].questions.append(.init(heading: "New?", anchor: "new", answer: "Yes."))
        for edited in [added, removed, renamed, newQuestion] {
            #expect(Self.checkUpdate(from: documents, to: edited).reassembled)
        }
        #expect(!Self.checkUpdate(from: removed, to: removed).reassembled)
    }

    @Test("a sequence of edits keeps the index equal to a fresh one after every step")
    func editSequence() {
        var random = Seeded(state: 2026)
        var documents = Self.documents(seed: 3, count: 30)
        var index = SearchIndex(documents.map(SearchAnalysis.init))
        for step in 0..<40 {
            let page = random.next(documents.count)
            switch random.next(5) {
            case 0: documents[page].body += " " + random.words(1 + random.next(8), from: 80)
            case 1: documents[page].body = random.words(random.next(50), from: 80)
            case 2: documents[page].title = random.words(3, from: 500)
            case 3: documents[page].summary = random.words(5, from: 80)
            default: documents[page].alsoCalled = [random.words(2, from: 2000)]
            }
            _ = index.update(to: documents.map(SearchAnalysis.init), threads: 1 + step % 3)
            #expect(index.encodedFiles() == SearchIndex(documents.map(SearchAnalysis.init)).encodedFiles(), "step \(step)")
        }
    }

    @Test("an index made to be written once has the same files, and an update of it makes it afresh")
    func writtenOnce() {
        let documents = Self.documents(seed: 5, count: 40)
        let kept = SearchIndex(documents.map(SearchAnalysis.init))
        var once = SearchIndex(documents.map(SearchAnalysis.init), updatable: false)
        #expect(once.encodedFiles() == kept.encodedFiles())
        #expect(once.analyses.isEmpty && once.occurrences.isEmpty && !kept.occurrences.isEmpty)
        var edited = documents
        edited[3].title = "A title no page had"
        let update = once.update(to: edited.map(SearchAnalysis.init))
        #expect(update.changedDocuments == edited.count)
        #expect(once.encodedFiles() == SearchIndex(edited.map(SearchAnalysis.init)).encodedFiles())
    }

    @Test("swapping a rare word for one that sorts beside it encodes one term shard again and writes only it")
    func oneShardEncoded() throws {
        // 25 pages of 120 words each, every word in one page: many shards, each word's entry the same size.
        let documents = (0..<25).map { n in
            SearchDocument(url: "/articles/p\(n)/", kind: .article, title: "Page", summary: "About it.",
                           lastReviewed: "2026-01-01",
                           body: ((n * 120)..<((n + 1) * 120)).map { Self.word($0 * 2) }.joined(separator: " "))
        }
        var index = SearchIndex(documents.map(SearchAnalysis.init))
        #expect(index.shards.count > 3)
        // The odd-numbered word sorts right after its even neighbour, has the same length, and is in no page:
        // its entry is as long as the old one's, so no shard boundary moves.
        let old = Self.word(1000 * 2)
        let new = Self.word(1000 * 2 + 1)
        try #require(old.count == new.count && new.utf16.lexicographicallyPrecedes(Self.word(1001 * 2).utf16))
        var edited = documents
        edited[1000 / 120].body = edited[1000 / 120].body.replacingOccurrences(of: old, with: new)
        let update = index.update(to: edited.map(SearchAnalysis.init))
        #expect(update.encodedShards == 1)
        #expect(update.scoredTerms == 1, "only the new word is scored; the old one has no results left")
        let shardFiles = update.written.map(\.path).filter { $0.hasPrefix("search/terms/") }
        #expect(shardFiles.count == 1)
        #expect(update.written.map(\.path).allSatisfy { $0.hasPrefix("search/terms/") || $0.hasPrefix("search/words/") || $0 == "search-index.json" })
        #expect(index.encodedFiles() == SearchIndex(edited.map(SearchAnalysis.init)).encodedFiles())
    }
}
