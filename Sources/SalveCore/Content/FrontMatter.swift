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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            return .failure(
                .error(
                    path, line: 1, "the file does not start with front matter",
                    fix: "start the file with a line `---`, the YAML fields (title, summary, …), then another `---`"))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return .failure(
                .error(
                    path, line: 1, "the front matter opened on line 1 is never closed",
                    fix: "add a line `---` after the last front matter field"))
        }
        return .success(
            FrontMatter(
                yaml: lines[1..<close].joined(separator: "\n"), yamlLine: 2,
                body: lines[(close + 1)...].joined(separator: "\n"), bodyLine: close + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line == "---" || (line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" })
    }
}
