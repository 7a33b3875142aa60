// `salve init`: starts a new project (settings, default theme, sample pages, glossary) and builds it.
import ArgumentParser
import Foundation
import SalveCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new project in an empty folder, then build it.",
        discussion: """
            Writes salve.yml, the default theme in templates/, one short sample article, FAQ page and comparison,
            and a glossary, then builds the site into DIR/site/. A folder that holds anything is refused.
            Example: salve init my-health-site
            """)

    @Argument(help: "The folder for the new project (default: the current folder).")
    var folder: String = "."

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        do {
            let written = try NewProject.create(at: root, today: .today)
            print("Wrote \(written.count) files into \(folder)/")
        } catch let error as NewProject.NewProjectError {
            throw ValidationFailed(message: error.description)
        }
        do {
            let report = try Build.run(BuildOptions(root: root))
            DiagnosticPrinter(root: root).print(report.warnings)
            print("Built \(report.filesWritten) files into \(folder)/site/; edit content/ and run `salve serve` to preview")
        } catch let failure as BuildFailure {
            DiagnosticPrinter(root: root).print(failure.diagnostics)
            throw ValidationFailed(message: "the new project does not build; this is a bug in salve init")
        }
    }
}
