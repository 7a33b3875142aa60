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
        switch fences(in: text) {
        case .split(let yaml, let bodyStart, let bodyLine):
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return .success(FrontMatter(yaml: String(text[index(yaml.lowerBound)..<index(yaml.upperBound)]), yamlLine: 2,
                                        body: String(text[index(bodyStart)...]), bodyLine: bodyLine))
        case .noOpening:
            return .failure(
                .error(
                    path, line: 1, "the file does not start with front matter",
                    fix: "start the file with a line `---`, the YAML fields (title, summary, …), then another `---`"))
        case .noClosing:
            return .failure(
                .error(
                    path, line: 1, "the front matter opened on line 1 is never closed",
                    fix: "add a line `---` after the last front matter field"))
        }
    }

    private enum Fences {
        /// The YAML's bytes, where the body starts and its file line.
        case split(yaml: Range<Int>, bodyStart: Int, bodyLine: Int)
        case noOpening, noClosing
    }

    /// Walks the lines as bytes and stops at the closing fence: the body may be megabytes, and comparing each
    /// line as a Substring cost more than reading the YAML.
    private static func fences(in text: String) -> Fences {
        var text = text
        return text.withUTF8 { bytes in
            func lineEnd(from start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] != 10 { end += 1 }
                return end
            }
            /// `---`, then spaces or tabs only.
            func isFence(_ start: Int, _ end: Int) -> Bool {
                end - start >= 3 && bytes[start] == 45 && bytes[start + 1] == 45 && bytes[start + 2] == 45
                    && bytes[(start + 3)..<end].allSatisfy { $0 == 32 || $0 == 9 }
            }
            let firstEnd = lineEnd(from: 0)
            guard isFence(0, firstEnd) else { return .noOpening }
            let yamlStart = firstEnd + 1
            var (lineStart, lineNumber) = (yamlStart, 2)
            while lineStart < bytes.count {
                let end = lineEnd(from: lineStart)
                if isFence(lineStart, end) {
                    return .split(yaml: yamlStart..<Swift.max(lineStart - 1, yamlStart),
                                  bodyStart: Swift.min(end + 1, bytes.count), bodyLine: lineNumber + 1)
                }
                (lineStart, lineNumber) = (end + 1, lineNumber + 1)
            }
            return .noClosing
        }
    }
}
