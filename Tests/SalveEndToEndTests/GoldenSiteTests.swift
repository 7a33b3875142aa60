// Fixture sites built end to end and compared, file by file, with their recorded expected/ output.
import Foundation
import SalveCore
import Testing

@Suite("Fixture sites match their expected output")
struct GoldenSiteTests {
    @Test("builds fixture site", arguments: ["minimal", "subpath"])
    func fixtureMatchesExpected(_ name: String) throws {
        let site = try TestSite(fixture: name)
        defer { site.remove() }
        try site.build()
        let actual = try TestSite.snapshot(of: site.output)
        let expectedFolder = fixturesFolder.appendingPathComponent(name).appendingPathComponent("expected")

        if ProcessInfo.processInfo.environment["SALVE_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: site.output, to: expectedFolder)
            Issue.record("recorded \(actual.count) files into Tests/Fixtures/\(name)/expected; read the diff, then run again")
            return
        }
        let expected = try TestSite.snapshot(of: expectedFolder)
        #expect(Set(actual.keys) == Set(expected.keys), "the set of files differs from Tests/Fixtures/\(name)/expected")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let produced = actual[path] else { continue }
            #expect(
                produced == data,
                "\(path) differs from the recorded output (SALVE_UPDATE_GOLDEN=1 make test re-records)")
        }
    }

    @Test("every URL in the sub-path site starts with the base path, the 404 page included")
    func subpathLinksUseBasePath() throws {
        let site = try TestSite(fixture: "subpath")
        defer { site.remove() }
        try site.build()
        for path in ["404.html", "index.html", "articles/sleep/index.html", "faqs/basics/index.html"] {
            let html = try site.read(path)
            for url in attributeValues(in: html, names: ["href", "src", "action"]) where url.hasPrefix("/") {
                #expect(url.hasPrefix("/health/"), "\(path) links to \(url) outside /health/")
            }
        }
        let entry = try #require(JSONSerialization.jsonObject(with: Data(try site.read("search-index.json").utf8)) as? [String: Any])
        let hash = try #require(((entry["results"] as? [String: Any])?["files"] as? [String])?.first)
        let chunk = try #require(JSONSerialization.jsonObject(with: Data(try site.read("search/results/0.\(hash).json").utf8)) as? [[String]])
        #expect(!chunk.isEmpty && chunk.allSatisfy { $0[0].hasPrefix("/health/") })
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/health/articles/sleep/</loc>"))
    }
}

/// Values of the named attributes in `html`, in order (a small scanner, enough for Salve's own output).
func attributeValues(in html: String, names: [String]) -> [String] {
    var values: [String] = []
    for name in names {
        var rest = html[...]
        let marker = " \(name)=\""
        while let start = rest.range(of: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(String(rest[valueStart..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
    }
    return values
}
