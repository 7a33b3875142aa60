// `salve check`: validates everything without writing site/, for editors and CI before publishing.
import ArgumentParser
import Foundation
import SalveCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site for problems before publishing, without writing site/.",
        discussion: """
            Reports broken links and anchors, images without alt text, skipped heading levels, overdue reviews,
            reading level above salve.yml's readability.max_grade, duplicate titles, links without text or https,
            links whose scheme is not http, https or mailto, and TODO placeholders. Exits 1 when there are errors (or warnings, with --strict).
            Example: salve check --due-within 30d --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("due-within"), help: "Also warn about reviews due within this time, e.g. 30d.")
    var dueWithin: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Also print each page's reading level: words, sentences, Flesch-Kincaid and SMOG grades.")
    var readability = false

    @Flag(help: "Also print each page with the languages it is in and whether its translations are in step.")
    var translations = false

    func validate() throws {
        if let dueWithin, days(dueWithin) == nil {
            throw ValidationError("--due-within takes a number of days such as 30d")
        }
    }

    func run() throws {
        let root = project.rootURL
        let options = BuildOptions(root: root, includeDrafts: drafts)
        let diagnostics = try Check.run(options, dueWithinDays: dueWithin.flatMap(days))
        if readability {
            let (english, spanish) = Check.readabilityReports(options)
            print(ReadabilityTable.text(english), terminator: "")
            if !spanish.isEmpty { print("\n" + ReadabilityTable.text(spanish), terminator: "") }
            fflush(nil)
        }
        if translations {
            let rows = Check.translationsReport(options).map { [$0.page, $0.languages.joined(separator: ", "), $0.status] }
            print(ReadabilityTable.table(["page", "languages", "status"], rows), terminator: "")
            fflush(nil)
        }
        switch format {
        case .text:
            DiagnosticPrinter(root: root, toStandardOutput: true).print(diagnostics, groupedByFile: true)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(diagnostics), as: UTF8.self))
        }
        let errors = diagnostics.filter { $0.severity == .error || strict }.count
        if format == .text {
            let errorCount = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errorCount
            fflush(nil)
            print("checked: \(counted(errorCount, "error")), \(counted(warnings, "warning"))")
        }
        if errors > 0 { throw ExitCode(1) }
    }

    /// "1 warning", "2 warnings".
    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// "30d" or "30" -> 30.
    private func days(_ text: String) -> Int? {
        Int(text.hasSuffix("d") ? String(text.dropLast()) : text).flatMap { $0 >= 0 ? $0 : nil }
    }
}
