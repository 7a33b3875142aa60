// Issue 13's command line items: --version, a mistyped command, --port's range, salve check's output, salve init.
import Foundation
import SalveCore
import Testing

@Suite("The salve command, for a new user")
struct CommandLineTests {
    @Test("salve --version prints the version")
    func version() throws {
        let result = try run(salveBinary.path, ["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == SalveVersion.current + "\n")
    }

    @Test("a mistyped command suggests the command that is close, and lists them when none is")
    func mistypedCommand() throws {
        let close = try run(salveBinary.path, ["chek", "--root", "/nonexistent"])
        #expect(close.status == 64)
        #expect(close.stderr == "error: unknown command `chek`; did you mean `check`?\n")
        let far = try run(salveBinary.path, ["publish"])
        #expect(far.status == 64)
        #expect(far.stderr == "error: unknown command `publish`; the commands are build, check, init, new, render, serve, translate\n")
    }

    @Test("--port outside 0 to 65535 is an error")
    func portRange() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        for port in ["99999", "-1"] {
            let result = try run(salveBinary.path, ["serve", "--root", site.root.path, "--port=\(port)"])
            #expect(result.status == 64)
            #expect(result.stderr.contains("--port must be between 0 and 65535 (0 picks a free port), not \(port)"))
        }
    }

    @Test("salve check prints its findings and a counted summary on standard output")
    func checkOutput() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", body: "Read [this](http://example.org) first."),
        ])
        defer { site.remove() }
        let result = try run(salveBinary.path, ["check", "--root", site.root.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            content/articles/a.md:8:6: warning: the link http://example.org does not use https — use the https:// address
                Read [this](http://example.org) first.
                     ^
            checked: 0 errors, 1 warning

            """)
        let json = try run(salveBinary.path, ["check", "--root", site.root.path, "--format", "json"])
        #expect(json.stdout.contains("\"column\" : 6"))
        #expect(try JSONDecoder().decode([Diagnostic].self, from: Data(json.stdout.utf8)) == [
            .warning("content/articles/a.md", line: 8, column: 6, "the link http://example.org does not use https",
                     fix: "use the https:// address"),
        ])
    }

    @Test("salve check --readability prints an aligned table, numbers right-aligned")
    func readabilityTable() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A", body: "Pain is hard. Rest helps."),
            "content/articles/a-much-longer-name.md": TestSite.page("B", body: String(repeating: "We walk each day. ", count: 60)),
        ])
        defer { site.remove() }
        let result = try run(salveBinary.path, ["check", "--root", site.root.path, "--readability"])
        let table = result.stdout.split(separator: "\n").prefix(3).map(String.init)
        #expect(table == [
            "page                                    words  sentences  minutes  flesch_ease  flesch_kincaid  smog",
            "content/articles/a-much-longer-name.md    240         60        2        118.2            -2.2   3.1",
            "content/articles/a.md                       5          1        1        117.2            -1.8   3.1",
        ])
    }

    @Test("salve init writes a project that builds, with the bundled theme, and refuses a folder that is not empty")
    func initProject() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("salve-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try run(salveBinary.path, ["init", "health"], in: parent)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let root = parent.appendingPathComponent("health")
        for path in ["site/index.html", "site/articles/walking-for-back-pain/index.html", "site/faqs/back-pain/index.html",
                     "site/comparisons/back-pain-self-care/index.html", "site/glossary/index.html", "templates/base.mustache"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(path)")
        }
        let check = try run(salveBinary.path, ["check", "--root", root.path])
        #expect(check.stdout == "checked: 0 errors, 0 warnings\n")
        let again = try run(salveBinary.path, ["init", "health"], in: parent)
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not empty; salve init starts a project only in an empty or new folder"))
    }
}
