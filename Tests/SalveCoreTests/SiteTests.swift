// Link classification, configuration and diagnostics formatting.
import Foundation
import Testing
@testable import SalveCore

@Suite("Site")
struct SiteTests {
    @Test("links are classified relative to the file that holds them")
    func classifiesLinks() throws {
        func classify(_ url: String) -> LinkDestination? { try? LinkDestination.classify(url, from: "articles/a.md").get() }
        #expect(classify("../faqs/ldn.md#x") == .content(path: "faqs/ldn.md", anchor: "x"))
        #expect(classify("b.md") == .content(path: "articles/b.md", anchor: nil))
        #expect(classify("/faqs/ldn.md") == .content(path: "faqs/ldn.md", anchor: nil))
        #expect(classify("%2e%2e/%2e%2e/x.md") == nil)
        #expect(classify("#top") == .anchor("top"))
        #expect(classify("/media/a.png") == .site(path: "media/a.png", anchor: nil))
        #expect(classify("/articles/") == .site(path: "articles/", anchor: nil))
        #expect(classify("mailto:a@b.org") == .external("mailto:a@b.org"))
        #expect(classify("//cdn.example.org/x") == .external("//cdn.example.org/x"))
    }

    @Test("joining paths resolves dot parts, empty parts and end slashes, and refuses to climb above the root")
    func normalisesPaths() {
        let cases: [(String, String, String?)] = [
            ("articles", "b.md", "articles/b.md"),  // nothing to resolve
            ("", "b.md", "b.md"),
            ("articles/deep", "x/y.md", "articles/deep/x/y.md"),
            ("articles", "../faqs/ldn.md", "faqs/ldn.md"),
            ("articles", "./b.md", "articles/b.md"),
            ("articles", "x//y/", "articles/x/y"),
            ("articles", ".well-known/a", "articles/.well-known/a"),
            ("articles", "x/..", "articles"),
            ("articles/", "b.md", "articles/b.md"),
            ("articles", "/media/a.png", "media/a.png"),
            ("articles", "../../x.md", nil),
            ("a/b", "../../x.md", "x.md"),  // each leading ../ takes a folder off the base
            ("articles/deep", "../faqs/ldn.md", "articles/faqs/ldn.md"),
            ("articles", "../", ""),
            ("a/b", "..//x", "a/x"),
            ("articles", "../x/../y.md", "y.md"),
            ("", "..", nil),
        ]
        for (base, relative, expected) in cases {
            #expect(LinkDestination.normalise(joining: base, relative) == expected, "\(base) + \(relative)")
        }
    }

    @Test("the base path comes from base_url, with a trailing slash")
    func basePath() {
        #expect(SiteConfig(baseURL: "https://example.org/health").basePath == "/health/")
        #expect(SiteConfig(baseURL: "https://example.org").basePath == "/")
    }

    @Test("salve.yml problems are diagnostics with lines")
    func configErrors() {
        let (_, diagnostics) = SiteConfig.parse("title: T\nbase_url: example.org\ncolour: red\n", path: "salve.yml")
        #expect(diagnostics == [
            .error("salve.yml", line: 3, column: 1, "unknown field `colour` in salve.yml",
                   fix: "use one of: base_url, compress, description, disclaimer, feed, keep, language, languages, markdown, readability, review_interval_months, title"),
            .error("salve.yml", line: 2, "base_url \"example.org\" is not an absolute address",
                   fix: "write it with https://, for example https://example.org/health/"),
        ])
    }

    @Test("a diagnostic prints compiler-style with the line and a caret")
    func formatsDiagnostics() {
        let diagnostic = Diagnostic.error("content/a.md", line: 2, column: 8, "bad value", fix: "fix it")
        #expect(diagnostic.formatted(source: "---\ntitle: [x\n---\n") == """
            content/a.md:2:8: error: bad value — fix it
                title: [x
                       ^
            """)
    }
}

@Suite("JSON-LD encoder")
struct JSONValueTests {
    @Test("keys are sorted, strings escaped, and nothing can close a script element")
    func encodes() throws {
        let value: JSONValue = [
            "b": "</script><b>&\"\\\n\t\u{1}\u{2028}é", "a": [.number(3), .number(2.5), "x"], "@type": [:],
        ]
        let json = value.scriptSafeJSON()
        #expect(json == #"{"@type":{},"a":[3,2.5,"x"],"b":"\u003c/script\u003e\u003cb\u003e\u0026\"\\\n\t\u0001\u2028é"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["b"] as? String == "</script><b>&\"\\\n\t\u{1}\u{2028}é")
    }
}
