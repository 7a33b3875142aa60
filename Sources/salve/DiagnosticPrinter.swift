// Prints diagnostics compiler-style, with the offending line and a caret: to stderr while building, to stdout for
// `salve check`, whose findings are its output.
import Foundation
import SalveCore

struct DiagnosticPrinter {
    let root: URL
    var toStandardOutput = false

    /// Prints each diagnostic; `groupedByFile` adds a blank line between files.
    func print(_ diagnostics: [Diagnostic], groupedByFile: Bool = false) {
        var sources: [String: String?] = [:]
        var previousPath: String?
        for diagnostic in diagnostics {
            if groupedByFile, let previousPath, previousPath != diagnostic.path {
                write("\n")
            }
            previousPath = diagnostic.path
            if sources[diagnostic.path] == nil {
                let data = FileManager.default.contents(atPath: root.appendingPathComponent(diagnostic.path).path)
                sources[diagnostic.path] = data.flatMap { String(validating: $0, as: UTF8.self) }
            }
            let text = diagnostic.formatted(source: sources[diagnostic.path] ?? nil) + "\n"
            write(text)
        }
    }

    private func write(_ text: String) {
        (toStandardOutput ? FileHandle.standardOutput : FileHandle.standardError).write(Data(text.utf8))
    }
}
