// Splits a content file into its YAML front matter and its Markdown body.

/// The two parts of a content file, with the lines they start on.
struct FrontMatter: Sendable, Equatable {
    var yaml: String
    /// File line of the first YAML line (the line after the opening `---`).
    var yamlLine: Int
    var body: String
    /// File line of the first body line.
    var bodyLine: Int

    /// Splits `text` (already `\n`-normalised) or explains what is wrong with its front matter.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        // Walks lines as UTF-8 and stops at the closing fence: the body may be megabytes.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex || lineNumber == 1 {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.endIndex
            let line = Substring(text[lineStart..<lineEnd])
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard isFence(line) else {
                    return .failure(
                        .error(
                            path, line: 1, "the file does not start with front matter",
                            fix: "start the file with a line `---`, the YAML fields (title, summary, …), then another `---`"))
                }
                yamlStart = next
            } else if isFence(line), let yamlStart {
                let yamlEnd = lineStart > yamlStart ? text.utf8.index(before: lineStart) : yamlStart
                return .success(
                    FrontMatter(
                        yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2, body: String(text[next...]),
                        bodyLine: lineNumber + 1))
            }
            if next == lineEnd { break }
            lineStart = next
            lineNumber += 1
        }
        return .failure(
            .error(
                path, line: 1, "the front matter opened on line 1 is never closed",
                fix: "add a line `---` after the last front matter field"))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line == "---" || (line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" })
    }
}
