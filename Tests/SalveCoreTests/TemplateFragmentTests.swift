// The fragment memo: a shared card is rendered once, and reused only where its bytes would be the same.
import Dispatch
import Foundation
import Testing
import SalveCore

@Suite("Template fragments")
struct TemplateFragmentTests {
    func cardView(_ index: Int, _ extra: [String: TemplateValue] = [:]) -> TestView {
        TestView(["title": .text("Card \(index) & co"), "url": .text("/c/\(index)/")].merging(extra) { a, _ in a },
                 fragmentID: index)
    }

    @Test("a card that appears in 50 listings is rendered once and its bytes reused in the other 49")
    func cardRenderedOnce() throws {
        let engines = try BothEngines([
            "list": "<h1>{{title}}</h1>\n<ul>\n{{#items}}{{> card}}\n{{/items}}</ul>\n",
            "card": "<li><a href=\"{{url}}\">{{title}}</a>{{#summary}}<p>{{summary}}</p>{{/summary}}</li>",
        ])
        let memo = FragmentMemo()
        for listing in 0..<50 {
            let view = TestView(["title": .text("Listing \(listing)"),
                                 "items": .list((0..<10).map { cardView($0) })])
            #expect(engines.ourText("list", view, memo: memo) == engines.oracleText("list", view))
        }
        #expect(memo.counts == (rendered: 10, reused: 490))
    }

    @Test("a card whose partial reads a name from its surroundings is reused only where that name is the same")
    func outerNameIsChecked() throws {
        let engines = try BothEngines([
            "list": "{{#items}}{{> card}}{{/items}}",
            "card": "<li>{{title}}{{#note}} ({{note}}){{/note}}</li>",
        ])
        let memo = FragmentMemo()
        let listings: [[String: TemplateValue]] = [["note": .text("new")], [:], ["note": .text("new")],
                                                   ["note": .text("old")], ["note": .flag(false)]]
        var outputs: [String] = []
        for outer in listings {
            let view = TestView(outer.merging(["items": .list([cardView(1)])]) { a, _ in a })
            let ours = engines.ourText("list", view, memo: memo)
            #expect(ours == engines.oracleText("list", view))
            outputs.append(ours)
        }
        #expect(outputs == ["<li>Card 1 &amp; co (new)</li>", "<li>Card 1 &amp; co</li>",
                            "<li>Card 1 &amp; co (new)</li>", "<li>Card 1 &amp; co (old)</li>",
                            "<li>Card 1 &amp; co</li>"])
        #expect(memo.counts == (rendered: 4, reused: 1))
    }

    @Test("a card that reads a view from its surroundings is never reused")
    func outerViewIsNotMemoized() throws {
        let engines = try BothEngines([
            "list": "{{#items}}{{> card}}{{/items}}",
            "card": "<a href=\"{{#site}}{{base}}{{/site}}{{url}}\">{{title}}</a>",
        ])
        let memo = FragmentMemo()
        for base in ["/", "/health/", "/"] {
            let view = TestView(["site": .object(["base": .text(base)]), "items": .list([cardView(2)])])
            #expect(engines.ourText("list", view, memo: memo) == engines.oracleText("list", view))
        }
        #expect(memo.counts == (rendered: 3, reused: 0))
    }

    @Test("a partial that expands a block is not memoized, since overrides change it")
    func blocksAreNotMemoized() throws {
        let engines = try BothEngines([
            "page": "{{<layout}}{{$extra}}!{{/extra}}{{/layout}}",
            "layout": "{{#items}}{{> card}}{{/items}}",
            "card": "{{title}}{{$extra}}?{{/extra}}",
        ])
        let memo = FragmentMemo()
        let view = TestView(["items": .list([cardView(3)])])
        #expect(engines.ourText("page", view, memo: memo) == engines.oracleText("page", view))
        #expect(engines.ourText("layout", view, memo: memo) == engines.oracleText("layout", view))
        #expect(memo.counts == (rendered: 0, reused: 0))
    }

    @Test("pages rendered on many threads with one memo equal pages rendered alone")
    func parallelRendersAreDeterministic() throws {
        let engines = try BothEngines(SampleViews.templates())
        let pages = try SampleViews.all()
        let alone = pages.map { engines.ours.render($0.0, $0.1) }
        let memo = FragmentMemo()
        let results = ResultBox(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            results.set(index, engines.ours.render(pages[index].0, pages[index].1, fragments: memo))
        }
        #expect(results.values == alone)
        #expect(memo.counts.reused > 0)
    }
}

/// Collects results written from several threads.
final class ResultBox: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var stored: [[UInt8]]

    init(count: Int) { stored = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [UInt8]) { lock.withLock { stored[index] = value } }
    var values: [[UInt8]] { lock.withLock { stored } }
}
