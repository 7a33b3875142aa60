// The preview's memo table: reuse by key, early cutoff, forgetting items that went away, and the glossary words
// that decide which pages' Markdown a glossary edit reaches.
import Foundation
import Testing

@testable import SalveCore

@Suite("Memoized steps")
struct MemoTests {
    @Test("a result is computed again only when its key changed, and items that went away are forgotten")
    func reuseByKey() {
        var memo: Memo<Int, String>? = Memo()
        var counts = StepCounts()
        let first = Memo.run(&memo, [("a", 1), ("b", 2)], threads: 1, counts: &counts, id: \.0, key: \.1) { "\($0.0)\($0.1)" }
        #expect(first == ["a1", "b2"] && counts == StepCounts(computed: 2, reused: 0))
        counts = StepCounts()
        let second = Memo.run(&memo, [("a", 1), ("b", 3)], threads: 1, counts: &counts, id: \.0, key: \.1) { "\($0.0)\($0.1)" }
        #expect(second == ["a1", "b3"] && counts == StepCounts(computed: 1, reused: 1))
        counts = StepCounts()
        _ = Memo.run(&memo, [("b", 3)], threads: 1, counts: &counts, id: \.0, key: \.1) { "\($0.0)\($0.1)" }
        counts = StepCounts()
        // "a" was forgotten when it went away, so it is computed again even with its old key.
        _ = Memo.run(&memo, [("a", 1), ("b", 3)], threads: 1, counts: &counts, id: \.0, key: \.1) { "\($0.0)\($0.1)" }
        #expect(counts == StepCounts(computed: 1, reused: 1))
    }

    @Test("a result made again that equals the kept one is handed on as the kept value (early cutoff)")
    func earlyCutoff() {
        final class Box: Sendable, Equatable {
            let text: String
            init(_ text: String) { self.text = text }
            static func == (a: Box, b: Box) -> Bool { a.text == b.text }
        }
        var memo: Memo<Int, Box>? = Memo()
        var counts = StepCounts()
        let first = Memo.run(&memo, [1], threads: 1, counts: &counts, id: { _ in "page" }, key: { $0 }) { _ in Box("same") }
        let second = Memo.run(&memo, [2], threads: 1, counts: &counts, id: { _ in "page" }, key: { $0 }) { _ in Box("same") }
        #expect(counts.computed == 2)
        #expect(first[0] === second[0])
    }

    @Test("with no memo (a cold build) everything is computed and nothing kept")
    func coldBuild() {
        var memo: Memo<Int, Int>? = nil
        var counts = StepCounts()
        let values = Memo.run(&memo, [1, 2, 3], threads: 2, counts: &counts, id: { "\($0)" }, key: { $0 }) { $0 * 10 }
        #expect(values == [10, 20, 30] && counts.computed == 3 && memo == nil)
    }

    @Test("a glossary edit reaches the pages whose text holds a changed word, in any case; other scripts reach all")
    func glossaryChange() {
        let old = Glossary(terms: [GlossaryTerm(term: "Flare", definition: "Worse for a while.", alsoCalled: [], slug: "flare")])
        var new = old
        new.terms.append(GlossaryTerm(term: "Pacing", definition: "A little at a time.", alsoCalled: ["pace"], slug: "pacing"))
        let change = GlossaryChange(from: old, to: new)
        #expect(change.mayAffect("Try PACING on good days."))
        #expect(change.mayAffect("Keep a steady pace."))
        #expect(!change.mayAffect("A flare can last days."))
        #expect(!GlossaryChange(from: old, to: old).mayAffect("pacing"))
        var greek = old
        greek.terms.append(GlossaryTerm(term: "Πόνος", definition: "Pain.", alsoCalled: [], slug: "πόνος"))
        #expect(GlossaryChange(from: old, to: greek).mayAffect("No Greek here."))
    }
}
