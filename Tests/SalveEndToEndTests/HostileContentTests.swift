// Hostile input never crashes or hangs a build, always names the file, and never writes outside the output.
import Foundation
import SalveCore
import Testing

@Suite("Hostile content")
struct HostileContentTests {
    enum Outcome: Sendable {
        case builds
        case fails(String)
    }

    /// Files in Tests/Fixtures/hostile and what a build with each one must do.
    static let fixtures: [String: Outcome] = [
        "empty.md": .fails("the file does not start with front matter"),
        "only-front-matter.md": .builds,
        "bom.md": .builds,
        "crlf.md": .builds,
        "nul-byte.md": .builds,
        "invalid-utf8.md": .fails("the file is not valid UTF-8 text"),
        "binary.md": .fails("the file is not valid UTF-8 text"),
        "deep-lists.md": .builds,
        "deep-quotes.md": .builds,
        "billion-laughs.md": .fails("each item of `also_called` must be a piece of text, not a list"),
        "duplicate-keys.md": .fails("`title` is given twice (first on line 2)"),
        "slug-dots.md": .fails("the slug \"../../outside\" is not valid"),
        "slug-encoded.md": .fails("the slug \"%2e%2e\" is not valid"),
        "related-escape.md": .fails("\"%2e%2e/%2e%2e/x.md\" is not a path to a content file"),
        "link-escape.md": .fails("the link \"../../../../etc/passwd.md\" points outside content/"),
    ]

    /// Builds a site holding one good page and `prepare`'s hostile file, then checks the outcome.
    func check(_ name: String, _ outcome: Outcome, prepare: (TestSite) throws -> Void) throws {
        let site = try TestSite(["content/faqs/good.md": TestSite.page("Good", body: "## Fine?\n\nYes.")])
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.root.appendingPathComponent("content/articles"), withIntermediateDirectories: true)
        try prepare(site)
        switch outcome {
        case .builds:
            try site.build()
            for (path, data) in try TestSite.snapshot(of: site.output) where path.hasSuffix(".html") {
                #expect(!data.contains(0), "\(path) holds a NUL byte")
            }
        case .fails(let message):
            let diagnostics = try site.failures()
            let found = diagnostics.first { $0.message.hasPrefix(message) }
            #expect(found != nil, "\(name): expected \"\(message)\", got \(diagnostics.map(\.summary))")
            #expect(found?.path.hasPrefix("content/") == true)
            #expect(diagnostics.count <= 51, "diagnostics per file are capped")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(entries.allSatisfy { ["content", "published-urls.txt", "salve.yml", "site", "templates"].contains($0) }, "\(entries)")
    }

    @Test("each hostile fixture file ends in a page or a diagnostic naming it", arguments: fixtures.keys.sorted())
    func fixtureFile(_ name: String) throws {
        try check(name, HostileContentTests.fixtures[name]!) { site in
            try FileManager.default.copyItem(
                at: fixturesFolder.appendingPathComponent("hostile").appendingPathComponent(name),
                to: site.root.appendingPathComponent("content/articles/\(name)"))
        }
    }

    @Test("a 50 MB page is refused by size before it is read")
    func hugeFile() throws {
        try check("huge.md", .fails("the file is 50.0 MB; pages can be at most 5 MB")) { site in
            let page = TestSite.page("Huge") + "\n"
            var data = Data(page.utf8)
            data.append(Data(repeating: UInt8(ascii: "a"), count: 50 * 1_048_576 - data.count))
            try data.write(to: site.root.appendingPathComponent("content/articles/huge.md"))
        }
    }

    @Test("100,000 lines of front matter build")
    func longFrontMatter() throws {
        try check("long.md", .builds) { site in
            let tags = (0..<100_000).map { "  - tag \($0)" }.joined(separator: "\n")
            try site.write("content/articles/long.md", TestSite.page("Long", extra: "tags:\n" + tags))
        }
    }

    @Test("a file that cannot be read is named")
    func unreadable() throws {
        try check("gone.md", .fails("the file cannot be read")) { site in
            // Root reads any file whatever its mode, so a dangling link stands in for an unreadable file.
            try FileManager.default.createSymbolicLink(
                atPath: site.root.appendingPathComponent("content/articles/gone.md").path,
                withDestinationPath: site.root.appendingPathComponent("content/articles/missing-target.md").path)
        }
    }

    @Test("a symlink loop inside content/ is skipped")
    func symlinkLoop() throws {
        try check("loop", .builds) { site in
            try site.write("content/articles/a.md", TestSite.page("A"))
            try FileManager.default.createSymbolicLink(
                atPath: site.root.appendingPathComponent("content/articles/loop").path, withDestinationPath: ".")
        }
    }

    @Test("a symlink to a file outside content/ is refused without reading it")
    func symlinkOutside() throws {
        try check("passwd.md", .fails("this is a link to a file outside the content folder")) { site in
            try FileManager.default.createSymbolicLink(
                atPath: site.root.appendingPathComponent("content/articles/passwd.md").path,
                withDestinationPath: "/etc/passwd")
        }
    }

    @Test("file names with spaces or accents need a slug; hidden files are ignored",
          arguments: ["my page.md", "café.md", ".hidden.md"])
    func fileNames(_ name: String) throws {
        let outcome: Outcome = name.hasPrefix(".") ? .builds : .fails("the file name \"\(name)\" cannot be used as the page's URL")
        try check(name, outcome) { site in try site.write("content/articles/\(name)", TestSite.page("Named")) }
        let site = try TestSite(["content/articles/\(name)": TestSite.page("Named", extra: "slug: named")])
        defer { site.remove() }
        try site.build()
    }
}
