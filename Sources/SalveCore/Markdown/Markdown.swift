// Small public entry points for tools that work on one Markdown file.

public enum Markdown {
    /// The body of a content file: everything after its front matter, or the whole text when it has none.
    public static func stripFrontMatter(_ text: String) -> String {
        let normalised = text.replacingCRLF()
        guard case .success(let split) = FrontMatter.split(normalised, path: "") else { return normalised }
        return split.body
    }
}

extension String {
    func replacingCRLF() -> String {
        var text = self
        guard text.withUTF8({ $0.contains(13) }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\r" }))
    }
}
