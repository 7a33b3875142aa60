// Prints diagnostics to stderr compiler-style, with the offending line and a caret.
import Foundation
import SalveCore

struct DiagnosticPrinter {
    let root: URL

    func print(_ diagnostics: [Diagnostic]) {
        var sources: [String: String?] = [:]
        for diagnostic in diagnostics {
            if sources[diagnostic.path] == nil {
                let data = FileManager.default.contents(atPath: root.appendingPathComponent(diagnostic.path).path)
                sources[diagnostic.path] = data.flatMap { String(validating: $0, as: UTF8.self) }
            }
            let text = diagnostic.formatted(source: sources[diagnostic.path] ?? nil) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
