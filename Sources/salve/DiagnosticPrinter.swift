// Prints diagnostics to stderr compiler-style, with the offending line and a caret.
import Foundation
import SalveCore

struct DiagnosticPrinter {
    let root: URL

    /// Prints each diagnostic; `groupedByFile` adds a blank line between files.
    func print(_ diagnostics: [Diagnostic], groupedByFile: Bool = false) {
        var sources: [String: String?] = [:]
        var previousPath: String?
        for diagnostic in diagnostics {
            if groupedByFile, let previousPath, previousPath != diagnostic.path {
                FileHandle.standardError.write(Data("\n".utf8))
            }
            previousPath = diagnostic.path
            if sources[diagnostic.path] == nil {
                let data = FileManager.default.contents(atPath: root.appendingPathComponent(diagnostic.path).path)
                sources[diagnostic.path] = data.flatMap { String(validating: $0, as: UTF8.self) }
            }
            let text = diagnostic.formatted(source: sources[diagnostic.path] ?? nil) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
