// Every page carries schema.org JSON-LD that parses and holds the review, audience and topic fields.
import Foundation
import SalveCore
import Testing

/// The parsed JSON of the page's `<script type="application/ld+json">`.
func jsonLD(in html: String) throws -> [String: Any] {
    let open = "<script type=\"application/ld+json\">"
    let start = try #require(html.range(of: open))
    let end = try #require(html[start.upperBound...].range(of: "</script>"))
    let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
    return try #require(json as? [String: Any])
}

@Suite("Structured data")
struct StructuredDataTests {
    @Test("an article is a MedicalWebPage with reviewer, audience, conditions, treatments and citations")
    func article() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        let data = try jsonLD(in: site.read("articles/sleep/index.html"))
        #expect(data["@context"] as? String == "https://schema.org")
        #expect(data["@type"] as? String == "MedicalWebPage")
        #expect(data["name"] as? String == "Why is sleep hard with fibromyalgia?")
        #expect(data["url"] as? String == "https://example.org/articles/sleep/")
        #expect(data["inLanguage"] as? String == "en")
        #expect(data["lastReviewed"] as? String == "2026-05-01")
        let reviewer = try #require(data["reviewedBy"] as? [String: String])
        #expect(reviewer == ["@type": "Person", "name": "Dr. Test Person", "honorificSuffix": "MD"])
        #expect(data["audience"] as? [String: String] == ["@type": "MedicalAudience", "audienceType": "Patient"])
        let about = try #require(data["about"] as? [[String: Any]])
        #expect(about.count == 2)
        #expect(about[0]["@type"] as? String == "MedicalCondition")
        #expect(about[0]["alternateName"] as? [String] == ["fibro", "FMS"])
        #expect(about[1]["@type"] as? String == "MedicalTherapy")
        let citation = try #require((data["citation"] as? [[String: Any]])?.first)
        #expect(citation["@type"] as? String == "CreativeWork")
        #expect(citation["datePublished"] as? String == "2020")
        #expect((citation["publisher"] as? [String: String])?["name"] == "Sleep Journal")
        #expect((data["isPartOf"] as? [String: String])?["@type"] == "WebSite")
    }

    @Test("a FAQ page is a FAQPage with one Question per question and the rendered answer")
    func faq() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        let data = try jsonLD(in: site.read("faqs/basics/index.html"))
        #expect(data["@type"] as? String == "FAQPage")
        #expect(data["lastReviewed"] as? String == "2026-04-01")
        let questions = try #require(data["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == ["What is fibromyalgia?", "Is it imaginary real?"])
        let answer = try #require(questions[0]["acceptedAnswer"] as? [String: String])
        #expect(answer == ["@type": "Answer", "text": "<p>A long-term condition with pain <em>all over</em> the body.</p>\n"])
    }

    @Test("a comparison is a MedicalWebPage whose main entity is the table, with each treatment typed")
    func comparison() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        let data = try jsonLD(in: site.read("comparisons/options/index.html"))
        #expect(data["@type"] as? String == "MedicalWebPage")
        let table = try #require(data["mainEntity"] as? [String: Any])
        #expect(table["@type"] as? String == "Table")
        #expect((table["about"] as? [[String: String]])?.map { $0["name"] } == ["Exercise", "Rest"])
        #expect((table["text"] as? String)?.contains("Rest. How it works: Saves energy. Possible side effects: not known.") == true)
    }

    @Test("the home page is a WebSite with a SearchAction")
    func home() throws {
        let site = try TestSite(fixture: "subpath")
        defer { site.remove() }
        try site.build()
        let data = try jsonLD(in: site.read("index.html"))
        #expect(data["@type"] as? String == "WebSite")
        let action = try #require(data["potentialAction"] as? [String: String])
        #expect(action["target"] == "https://example.org/health/search/?q={search_term_string}")
        #expect(action["query-input"] == "required name=search_term_string")
    }

    @Test("</script> in content cannot break out of the JSON-LD, which still parses")
    func scriptBreakOut() throws {
        let hostile = "Tricky </script><script>alert(1)</script> & more"
        let site = try TestSite(["content/faqs/x.md": TestSite.page(hostile, body: "## \(hostile)?\n\n\(hostile).\n")])
        defer { site.remove() }
        try site.build()
        let html = try site.read("faqs/x/index.html")
        let data = try jsonLD(in: html)
        #expect(data["name"] as? String == hostile)
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test("every page of the sample site has JSON-LD")
    func sampleSite() throws {
        let (output, _) = try SampleSiteTests.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        for (path, data) in try TestSite.snapshot(of: output) where path.hasSuffix(".html") && !path.hasSuffix("404.html") {
            let html = String(decoding: data, as: UTF8.self)
            // A moved_from redirect page is not a page of the site: no structured data, kept out of indexes.
            if html.contains("<meta name=\"robots\" content=\"noindex\">") { continue }
            #expect(throws: Never.self, "\(path)") { try jsonLD(in: html) }
        }
    }
}
