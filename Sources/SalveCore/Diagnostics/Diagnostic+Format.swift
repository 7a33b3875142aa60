// Compiler-style text for a diagnostic: `path:line:col: error: message — fix`, the line, a caret.

extension Diagnostic {
    /// The one-line summary, as compilers print it.
    public var summary: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue): \(message)"
        if let fix { text += " — \(fix)" }
        return text
    }

    /// The summary followed by the offending source line and a caret under the column, when known.
    public func formatted(source: String?) -> String {
        guard let source, let line, line >= 1 else { return summary }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count else { return summary }
        let text = String(lines[line - 1].filter { $0 != "\r" })
        guard !text.allSatisfy(\.isWhitespace) else { return summary }
        let caretColumn = max(1, column ?? 1)
        let caret = String(repeating: " ", count: caretColumn - 1) + "^"
        return "\(summary)\n    \(text)\n    \(caret)"
    }
}
