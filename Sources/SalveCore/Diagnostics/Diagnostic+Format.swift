// Compiler-style text for a diagnostic: `path:line:col: error: message — fix`, the line, a caret.

extension Diagnostic {
    /// The one-line summary, as compilers print it; control characters from content are shown as `\x1b`.
    public var summary: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue): \(message)"
        if let fix { text += " — \(fix)" }
        return text.escapingControlCharacters()
    }

    /// The summary followed by the offending source line and a caret under the column, when known, then the note.
    public func formatted(source: String?) -> String {
        let noteLine = note.map { "\n    note: " + $0.escapingControlCharacters() } ?? ""
        guard let source, let line, line >= 1 else { return summary + noteLine }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard line <= lines.count else { return summary + noteLine }
        let raw = lines[line - 1].filter { $0 != "\r" }
        guard !raw.allSatisfy(\.isWhitespace) else { return summary + noteLine }
        // The caret follows the escaped text: `\x1b` is four columns wide where ESC was one character.
        let before = raw.prefix(max(0, (column ?? 1) - 1)).escapingControlCharacters()
        let caret = String(before.map { $0 == "\t" ? "\t" : " " }) + "^"
        return "\(summary)\n    \(raw.escapingControlCharacters())\n    \(caret)\(noteLine)"
    }
}

extension StringProtocol {
    /// C0 controls except tab, DEL and C1 controls written as `\x1b`, so a terminal shows them instead of
    /// obeying them (an ESC or OSC sequence in a page could erase lines or set the clipboard).
    public func escapingControlCharacters() -> String {
        guard unicodeScalars.contains(where: isEscaped) else { return String(self) }
        var text = ""
        for scalar in unicodeScalars {
            if isEscaped(scalar) {
                let hex = String(scalar.value, radix: 16)
                text += "\\x" + (hex.count == 1 ? "0" : "") + hex
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

private func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
}
