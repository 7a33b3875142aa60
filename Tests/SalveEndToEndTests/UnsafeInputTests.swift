// Input that could publish a script link, a local file or an ill-formed feed is an error with its file and line.
import Foundation
import SalveCore
import Testing

@Suite("Unsafe input is refused with its file and line")
struct UnsafeInputTests {
    let path = "content/articles/a.md"
    let urlFix = "use an https://, http:// or mailto: address, or a relative path"

    /// The build of `site` fails with exactly `expected` (whole values, in order).
    func expectErrors(_ site: TestSite, _ expected: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let errors = try site.errors()
        #expect(errors == expected, sourceLocation: sourceLocation)
    }

    @Test("a reference URL with a script, data or control-character scheme is an error; https, mailto and paths are not")
    func referenceURLs() throws {
        let references = """
            references:
              - title: A
                url: javascript:alert(document.cookie)
              - title: B
                url: " JaVaScRiPt:alert(1)"
              - title: C
                url: data:text/html,<script>alert(1)</script>
              - title: D
                url: "java\\tscript:alert(1)"
              - title: E
                url: java&#115;cript&colon;alert(1)
              - title: F
                url: https://example.org/a?b=c&d=e
              - title: G
                url: mailto:editor@example.org
              - title: H
                url: ../faqs/other/
              - title: I
                url: "\\x01javascript:alert(1)"
            """
        let site = try TestSite(["content/articles/a.md": TestSite.page(extra: references)])
        defer { site.remove() }
        let expected: [Diagnostic] = [
            .error(path, line: 8, column: 10, "the address \"javascript:alert(document.cookie)\" uses `javascript:`, which is not allowed in a link", fix: urlFix),
            .error(path, line: 10, column: 10, "the address \"JaVaScRiPt:alert(1)\" uses `javascript:`, which is not allowed in a link", fix: urlFix),
            .error(path, line: 12, column: 10, "the address \"data:text/html,<script>alert(1)</script>\" uses `data:`, which is not allowed in a link", fix: urlFix),
            .error(path, line: 14, column: 10, "the address \"java\tscript:alert(1)\" contains the control character U+0009", fix: urlFix),
            .error(path, line: 16, column: 10, "the address \"java&#115;cript&colon;alert(1)\" has a `:` or `&` in its first part that does not start a known scheme", fix: urlFix),
            .error(path, line: 24, column: 10, "`url` contains the control character U+0001, which web pages and feeds cannot hold",
                   fix: "delete it (in YAML, escapes such as `\\0`, `\\x01` or `\\e` write one)"),
        ]
        try expectErrors(site, expected)
        #expect(try Check.run(site.options()).filter { $0.severity == .error } == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("salve check reports a Markdown link with a script scheme, which cmark-gfm leaves as a dead link")
    func markdownLinks() throws {
        let body = "A [bad](javascript:alert(1)) link,\n\nan [encoded](java&#115;cript:alert(2)) one and a [good](https://example.org/) one."
        let site = try TestSite(["content/articles/a.md": TestSite.page(body: body)])
        defer { site.remove() }
        #expect(try Check.run(site.options()).filter { $0.severity == .error } == [
            .error(path, line: 8, column: 3, "the address \"javascript:alert(1)\" uses `javascript:`, which is not allowed in a link", fix: urlFix),
            .error(path, line: 10, column: 4, "the address \"javascript:alert(2)\" uses `javascript:`, which is not allowed in a link", fix: urlFix),
        ])
    }

    @Test("base_url and --base-url must be absolute http or https addresses")
    func baseURLs() throws {
        let site = try TestSite([
            "salve.yml": "title: T\nbase_url: \"https://example.org/\\\" onload=\\\"x\"\n",
            "content/articles/a.md": TestSite.page(),
        ])
        defer { site.remove() }
        try expectErrors(site, [
            .error("salve.yml", line: 2, "base_url \"https://example.org/\" onload=\"x\" is not an absolute address",
                   fix: "write it with https://, for example https://example.org/health/"),
        ])
        try site.write("salve.yml", TestSite.config)
        do {
            try site.build(baseURL: "javascript:alert(1)//")
            Issue.record("the build accepted --base-url javascript:")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics == [
                .error("--base-url", "\"javascript:alert(1)//\" is not an absolute http:// or https:// address",
                       fix: "write it with https://, for example --base-url https://example.org/health/"),
            ])
        }
        try site.build(baseURL: "HTTPS://example.org/health")
        #expect(try site.read("index.html").contains("HTTPS://example.org/health/"))
    }

    @Test("a comparison's article link with a script scheme is an error on its line")
    func comparisonArticle() throws {
        let comparison = TestSite.page("Options", extra: """
            criteria:
              - key: how
                label: How it works
            treatments:
              - name: Rest
                article: javascript:alert(1)
                how: Sleep.
            """)
        let site = try TestSite(["content/comparisons/c.md": comparison])
        defer { site.remove() }
        try expectErrors(site, [
            .error("content/comparisons/c.md", line: 11, column: 14, "\"javascript:alert(1)\" is not a path to a content file",
                   fix: "write the path of a .md file relative to this file, for example ../faqs/ldn.md"),
        ])
    }

    /// A file outside the project, for symlinks to point at; removed by the caller.
    func secretFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salve-secret-\(UUID().uuidString)")
        try Data("root:x:0:0:secret\n".utf8).write(to: url)
        return url
    }

    @Test("a template or theme asset that links outside templates/ is an error naming it, and nothing is published")
    func templateLinks() throws {
        let secret = try secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let site = try TestSite(["content/articles/a.md": TestSite.page()])
        defer { site.remove() }
        let review = site.root.appendingPathComponent("templates/partials/review.mustache")
        try FileManager.default.removeItem(at: review)
        try FileManager.default.createSymbolicLink(at: review, withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("templates/assets/leak.txt"), withDestinationURL: secret)
        let fix = "copy the file into templates/ instead of linking to it"
        try expectErrors(site, [
            .error("templates/assets/leak.txt", "this is a link to a file outside the templates folder", fix: fix),
            .error("templates/partials/review.mustache", "this is a link to a file outside the templates folder", fix: fix),
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("a link inside templates/ is still fine")
    func linkWithinTemplates() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page()])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("templates/assets/copy.css"),
            withDestinationURL: site.root.appendingPathComponent("templates/assets/style.css"))
        try site.build()
        #expect(try site.read("assets/copy.css") == site.read("assets/style.css"))
    }

    @Test("an unknown partial is an error with the template's line and column")
    func unknownPartial() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page()])
        defer { site.remove() }
        try site.write("templates/partials/extra.mustache", "<p>{{title}}</p>\n  {{> ../../etc/passwd}}\n{{<nowhere}}{{/nowhere}}\n{{=<% %>=}}<%> partials/card%><%>missing%>\n")
        let fix = "name a template by its path under templates/ without .mustache, such as `partials/card`"
        try expectErrors(site, [
            .error("templates/partials/extra.mustache", line: 2, column: 3,
                   "the template uses the partial `../../etc/passwd`, which the theme does not have", fix: fix),
            .error("templates/partials/extra.mustache", line: 3, column: 1,
                   "the template uses the partial `nowhere`, which the theme does not have", fix: fix),
            .error("templates/partials/extra.mustache", line: 4, column: 31,
                   "the template uses the partial `missing`, which the theme does not have", fix: fix),
        ])
    }

    @Test("a slug, condition or treatment whose folder name would pass 255 bytes is an error on its line")
    func longNames() throws {
        let long = String(repeating: "a", count: 256)
        let site = try TestSite([
            "content/articles/a.md": TestSite.page(extra: "slug: \(long)\nconditions:\n  - Short\n  - \(long) b\ntreatments:\n  - \(long)"),
            "content/comparisons/c.md": TestSite.page("Options", extra: """
                criteria:
                  - key: how
                    label: How it works
                treatments:
                  - name: \(long)
                    how: Sleep.
                """),
        ])
        defer { site.remove() }
        try expectErrors(site, [
            .error("content/articles/a.md", line: 6, "the slug is 256 bytes long; a folder name can be at most 255",
                   fix: "use a shorter slug of a few words, for example `ldn-fibromyalgia`"),
            .error("content/articles/a.md", line: 9, "the name in `conditions` is too long for its page's folder (258 bytes; at most 255)",
                   fix: "use a shorter name, and put the long form in the page's text"),
            .error("content/articles/a.md", line: 11, "the name in `treatments` is too long for its page's folder (256 bytes; at most 255)",
                   fix: "use a shorter name, and put the long form in the page's text"),
            .error("content/comparisons/c.md", line: 10, "the name in `treatments` is too long for its page's folder (256 bytes; at most 255)",
                   fix: "use a shorter name, and put the long form in the page's text"),
        ])
    }

    @Test("characters XML forbids in front matter, salve.yml or the glossary are errors on their line")
    func forbiddenCharacters() throws {
        let site = try TestSite([
            "salve.yml": TestSite.config + "\ndescription: \"Bad \\x01 one\"\n",
            "content/articles/a.md": "---\ntitle: \"A \\e[2J title\"\nsummary: \"Nul \\0 here\"\nlast_reviewed: 2026-01-15\nreviewed_by: Dr. Test\nconditions: [\"Pain\\x7F\"]\ntreatments:\n  - \"Rest\\uFFFE\"\n---\nText.\n",
            "content/glossary.yml": "- term: Flare\n  definition: \"A bad \\x02 day\"\n",
        ])
        defer { site.remove() }
        let fix = "delete it (in YAML, escapes such as `\\0`, `\\x01` or `\\e` write one)"
        try expectErrors(site, [
            .error("content/articles/a.md", line: 2, column: 8, "`title` contains the control character U+001B, which web pages and feeds cannot hold", fix: fix),
            .error("content/articles/a.md", line: 3, column: 10, "`summary` contains the control character U+0000, which web pages and feeds cannot hold", fix: fix),
            .error("content/articles/a.md", line: 6, column: 14, "`conditions` contains the control character U+007F, which web pages and feeds cannot hold", fix: fix),
            .error("content/articles/a.md", line: 8, column: 5, "`treatments` contains the noncharacter U+FFFE, which web pages and feeds cannot hold", fix: fix),
            .error("content/glossary.yml", line: 2, column: 15, "`definition` contains the control character U+0002, which web pages and feeds cannot hold", fix: fix),
            .error("salve.yml", line: 4, column: 14, "`description` contains the control character U+0001, which web pages and feeds cannot hold", fix: fix),
        ])
    }
}
