// cmark-gfm corrupts output silently when two threads parse at once; Salve's setup of its global table and its
// lock for pages with a `~` must prevent it.
import Testing
@testable import SalveCore

@Suite("Parallel rendering is exact")
struct ParallelRenderTests {
    /// 600 different pages with every GFM feature that has post-processing: tables, strikethrough,
    /// autolinks, task lists and footnotes. Every third page has strikethrough, the others no `~` at all, so
    /// both ways of parsing run at once.
    static let pages: [String] = (0..<600).map { n in
        let struck = n % 3 == 1 ? "~~old \(n)~~" : "old \(n)"
        let rest = n % 3 == 1 ? "~~none~~" : "none"
        return """
        ## Section \(n)

        Text \(struck) new, see www.example\(n % 7).org and https://nih.gov/\(n) today. A claim.[^a\(n)]

        | Treatment | Dose \(n) |
        |:--|--:|
        | LDN | \(n % 5).5 mg |
        | Rest | \(rest) |

        - [x] step \(n)
        - [ ] step \(n + 1)

        > [!NOTE]
        > Ask about https://example.org/\(n).

        [^a\(n)]: Footnote \(n) with **bold**.
        """
    }

    static func renderAll(threads: Int) -> [String] {
        let renderer = MarkdownRenderer()
        let links = LinkTable(basePath: "/", sitePaths: [:], sources: [])
        return pages.parallelMap(threads: threads) { page in
            renderer.render(page, firstLine: 1, path: "p.md", contentPath: "articles/p.md", links: links).0.html
        }
    }

    @Test("600 pages render to the same bytes on one thread and on many, every time")
    func manyThreadsMatchOne() {
        let reference = ParallelRenderTests.renderAll(threads: 1)
        #expect(reference[7].contains("<table>") && reference[7].contains("<del>old 7</del>")
                && reference[7].contains("footnote-ref") && reference[7].contains("href=\"http://www.example0.org\""))
        #expect(reference[8].contains("href=\"http://www.example1.org\"") && !reference[8].contains("<del>"))
        for _ in 0..<4 {
            let parallel = ParallelRenderTests.renderAll(threads: 8)
            let differing = zip(reference, parallel).filter { $0 != $1 }.count
            #expect(differing == 0, "\(differing) of \(reference.count) pages differ")
        }
    }
}
