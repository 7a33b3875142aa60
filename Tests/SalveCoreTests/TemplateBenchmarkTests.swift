// A micro-benchmark of the default theme in both engines; it runs and prints only with SALVE_TEMPLATE_BENCH=1.
import Foundation
import Testing
import SalveCore

/// Renders a 10,000-page corpus (pages, term listings, kind listings, search, home) with one thread, in
/// swift-mustache over typed views and in our engine with and without the fragment memo, and prints CPU seconds.
/// Run it in a release build:
/// `swift build -c release --build-tests --scratch-path .build-release` then
/// `SALVE_TEMPLATE_BENCH=1 swift test -c release --scratch-path .build-release --skip-build --filter TemplateBenchmark`.
/// It asserts nothing about time; it checks that both engines wrote the same bytes.
@Suite("Template benchmark")
struct TemplateBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["SALVE_TEMPLATE_BENCH"] != nil

    @Test("the default theme at 10,000 pages, one thread, in both engines", .enabled(if: enabled))
    func benchmark() throws {
        let pageCount = Int(ProcessInfo.processInfo.environment["SALVE_TEMPLATE_BENCH_PAGES"] ?? "") ?? 10_000
        let engines = try BothEngines(ThemeViews.themeTemplates())
        var work: [(String, TestView)] = []
        let templates = ["article", "article", "faq", "comparison"]
        for index in 0..<pageCount {
            work.append((templates[index % 4], ThemeViews.page(index, template: templates[index % 4])))
        }
        // A few thousand term listings of about 20 cards, each page appearing in four of them.
        for term in 0..<(pageCount / 5) {
            work.append(("list", ThemeViews.listing("Term \(term)", cards: (0..<20).map { (term * 5 + $0 * 97) % pageCount })))
        }
        for kind in 0..<3 {
            work.append(("list", ThemeViews.listing("Kind \(kind)", cards: Array(stride(from: kind, to: pageCount, by: 3)))))
        }
        work.append(("search", ThemeViews.search(cards: Array(0..<pageCount))))
        work.append(("home", ThemeViews.home(latest: Array(0..<10))))
        work.append(("glossary", ThemeViews.glossary()))

        let (oracleSeconds, oracleBytes) = Self.measure {
            work.reduce(0) { $0 + engines.oracleText($1.0, $1.1).utf8.count }
        }
        let (plainSeconds, plainBytes) = Self.measure {
            var buffer: [UInt8] = []
            return work.reduce(0) { total, item in
                buffer.removeAll(keepingCapacity: true)
                engines.ours.render(item.0, item.1, into: &buffer)
                return total + buffer.count
            }
        }
        let memo = FragmentMemo()
        let (memoSeconds, memoBytes) = Self.measure {
            var buffer: [UInt8] = []
            return work.reduce(0) { total, item in
                buffer.removeAll(keepingCapacity: true)
                engines.ours.render(item.0, item.1, fragments: memo, into: &buffer)
                return total + buffer.count
            }
        }
        #expect(plainBytes == oracleBytes)
        #expect(memoBytes == oracleBytes)
        print(String(format: """
            template benchmark: %d renders (%d pages), %.1f MB of HTML, one thread, CPU seconds
              swift-mustache over typed views (MustacheParent): %.3f s
              our engine:                                      %.3f s
              our engine with the fragment memo:               %.3f s (cards rendered %d, reused %d)
            """, work.count, pageCount, Double(oracleBytes) / 1e6, oracleSeconds, plainSeconds, memoSeconds,
            memo.counts.rendered, memo.counts.reused))
    }

    static func measure(_ body: () -> Int) -> (Double, Int) {
        let start = cpuSeconds()
        let result = body()
        return (cpuSeconds() - start, result)
    }

    /// CPU time of the calling thread, which does all the rendering.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
