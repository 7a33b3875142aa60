// The preview's arrangement reuses the last one's related pages for pages a change cannot reach: after any edit
// it must equal an arrangement made from nothing.
import Testing
@testable import SalveCore

struct ArrangementTests {
    /// Pages over a few shared conditions and treatments, so ties in shared terms are common.
    static func inputs(count: Int, random: inout SearchUpdateTests.Seeded) -> [ArrangementInput] {
        (0..<count).map { n in
            let kind: ContentKind = n % 4 == 3 ? .faq : .article
            let folder = kind == .faq ? "faqs" : "articles"
            return ArrangementInput(
                kind: kind, weight: random.next(6) == 0 ? random.next(3) : nil, title: "Page \(random.next(50))",
                contentPath: "\(folder)/p\(n).md", sitePath: "\(folder)/p\(n)/",
                conditions: (0..<random.next(3)).map { _ in ["Pain", "pain", "Sleep", "Fatigue", "Fog"][random.next(5)] },
                treatments: (0..<random.next(2)).map { _ in ["LDN", "Exercise", "Tai chi"][random.next(3)] },
                related: random.next(5) == 0 ? [Located("p\(random.next(count)).md", line: 1)] : [])
        }
    }

    @Test("after title, weight, slug, term and related edits, reusing the last order and related pages gives a fresh arrangement")
    func incrementalEqualsFresh() {
        var random = SearchUpdateTests.Seeded(state: 42)
        var pages = Self.inputs(count: 60, random: &random)
        var keys: [OrderKey] = []
        var last = ArrangedFrom(inputs: pages, arrangement: Site.arrange(pages, last: nil, keys: &keys), keys: keys)
        for step in 0..<300 {
            let page = random.next(pages.count)
            switch random.next(6) {
            case 0: pages[page].fields.title = "Page \(random.next(50))"
            case 1: pages[page].fields.weight = random.next(2) == 0 ? nil : random.next(3)
            case 2: pages[page].fields.conditions = random.next(2) == 0 ? [] : ["Pain", "Sleep", "Brain fog"][random.next(3)...].map { $0 }
            case 3: pages[page].fields.treatments = [["LDN"], [], ["Yoga", "LDN"]][random.next(3)]
            case 4: pages[page].fields.related = [Located("p\(random.next(pages.count)).md", line: 1)]
            default: pages[page].fields.sitePath = pages[page].sitePath + "x/"
            }
            let fresh = Site.arrange(pages)
            // Each arrangement is made from the last kept one, as in the preview, order and keys included.
            let kept = Site.arrange(pages, last: last, keys: &keys)
            #expect(kept == fresh, "step \(step)")
            last = ArrangedFrom(inputs: pages, arrangement: kept, keys: keys)
        }
    }
}
