// Small public entry points for tools that work on one Markdown file.

import Foundation

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
        // memchr: a byte loop over every file read was 1% of a cold build.
        guard text.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }) else {
            return self
        }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\r" }))
    }
}
