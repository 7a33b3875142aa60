// The built `salve` binary: `render` matches the cmark-gfm command line, `build` prints errors and exits 1.
import Foundation
import Testing

/// The `salve` executable built beside the test bundle.
let salveBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("salve")

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func run(_ executable: String, _ arguments: [String], input: String = "", in folder: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
}

@Suite("The salve command")
struct CLITests {
    static let gfm = """
        | Treatment | Dose |
        |:--|--:|
        | LDN | 1.5–4.5 mg |

        ~~cure~~ not a cure, see www.example.org and https://nih.gov.

        - [x] ask your doctor
        - [ ] start low

        Raw <script>alert(1)</script> and <b>bold</b> are left out.

        """

    @Test("salve render gives cmark-gfm's HTML for a table, strikethrough, autolinks, a task list and tagfilter")
    func renderMatchesCmarkGFM() throws {
        let ours = try run(salveBinary.path, ["render", "-"], input: "---\ntitle: x\n---\n" + CLITests.gfm)
        let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"].flatMap { ["--extension", $0] }
        let reference = try run("/usr/bin/cmark-gfm", extensions, input: CLITests.gfm)
        #expect(ours.status == 0)
        #expect(reference.status == 0)
        #expect(ours.stdout == reference.stdout)
        #expect(ours.stdout.contains("<del>cure</del>"))
        #expect(!ours.stdout.contains("<script>"))
    }

    @Test("salve render gives cmark-gfm's footnote HTML (the Debian CLI has no --footnotes flag)")
    func renderFootnote() throws {
        let ours = try run(salveBinary.path, ["render", "-"], input: "A claim.[^1]\n\n[^1]: A source.\n")
        #expect(ours.stdout == """
            <p>A claim.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>A source. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test("salve build prints each error as file:line with the source line, exits 1 and leaves site/ alone")
    func buildFailurePrintsDiagnostics() throws {
        let site = try TestSite(["content/articles/a.md": "---\ntitle: A\nsummary: B\nlast_reviewed: 2026-13-01\nreviewed_by: C\n---\n"])
        defer { site.remove() }
        let result = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("""
            content/articles/a.md:4:16: error: `last_reviewed` is not a date: "2026-13-01" — write the date as YYYY-MM-DD, for example 2026-09-14
                last_reviewed: 2026-13-01
                               ^
            """))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("salve build prints one summary line with the pages per kind")
    func buildSummary() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        let result = try run(salveBinary.path, ["build", "--root", site.root.path])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 1 article, 1 FAQ page, 1 comparison (47 files) into site/ in "))
    }

    @Test("salve build and check show control characters from content as \\x1b, never raw")
    func controlCharactersAreEscaped() throws {
        let osc = "\u{1b}]52;c;SGVsbG8=\u{07}\u{1b}[2J\u{9b}"
        let site = try TestSite(["content/articles/a.md": "---\ntitle: A \(osc)\nsummary: B\n---\n"])
        defer { site.remove() }
        for command in ["build", "check"] {
            let result = try run(salveBinary.path, [command, "--root", site.root.path])
            // salve check's findings are its output (standard output); the build reports on standard error.
            let printed = command == "check" ? result.stdout : result.stderr
            #expect(result.status == 1)
            #expect(!printed.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x9b })
            #expect(printed.contains("""
                    title: A \\x1b]52;c;SGVsbG8=\\x07\\x1b[2J\\x9b
                """), "\(command): \(printed)")
        }
    }
}
