// The sample knowledge base in content/ builds cleanly and has no broken internal link or anchor.
import Foundation
import SalveCore
import Testing

@Suite("The sample site")
struct SampleSiteTests {
    /// Builds the repository's own content/ and templates/ into a temporary folder.
    static func buildSample() throws -> (URL, BuildReport) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("salve-sample-\(UUID().uuidString)")
        var options = BuildOptions(root: repositoryRoot, output: output, today: Day(year: 2026, month: 11, day: 25)!)
        // Checked against the committed list, never written: a test does not change the repository.
        options.publishedURLs = .check
        return (output, try Build.run(options))
    }

    @Test("the committed published-urls.txt holds every sitemap URL and the moved_from address, nothing else")
    func publishedURLsAreCommitted() throws {
        let (output, _) = try SampleSiteTests.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        let sitemapPaths = sitemap.components(separatedBy: "<loc>https://example.org").dropFirst()
            .map { "/" + $0.prefix { $0 != "<" }.drop { $0 == "/" } }
        let listed = try String(contentsOf: repositoryRoot.appendingPathComponent("published-urls.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(listed == (sitemapPaths + ["/articles/low-dose-naltrexone/"]).sorted())
    }

    @Test("builds with no errors and no warnings, with every kind of page the brief asks for")
    func buildsCleanly() throws {
        let (output, report) = try SampleSiteTests.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.warnings == [])
        #expect(report.pages[.article, default: 0] >= 4)
        #expect(report.pages[.faq, default: 0] >= 2)
        #expect(report.pages[.comparison, default: 0] >= 2)
    }

    @Test("every internal link and anchor in every page points at something that exists")
    func noBrokenInternalLinks() throws {
        let (output, _) = try SampleSiteTests.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        let files = try TestSite.snapshot(of: output)
        let pages = files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        var checked = 0
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            for link in attributeValues(in: html, names: ["href", "src", "action"]) {
                guard !link.contains("://"), !link.hasPrefix("mailto:") else { continue }
                let (target, anchor) = split(link, currentPath: path)
                checked += 1
                let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                guard let targetHTML = files[file].map({ String(decoding: $0, as: UTF8.self) }) else {
                    Issue.record("\(path) links to \(link), which does not exist")
                    continue
                }
                if let anchor {
                    #expect(targetHTML.contains("id=\"\(anchor)\""), "\(path) links to \(link): no such anchor")
                }
            }
        }
        #expect(checked > 500)
    }

    /// Resolves a root-relative or same-page link to a path inside the output and an anchor.
    private func split(_ link: String, currentPath: String) -> (String, String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let anchor = parts.count > 1 ? parts[1] : nil
        if parts[0].isEmpty { return (currentPath, anchor) }
        return (String(parts[0].dropFirst()), anchor)
    }
}
