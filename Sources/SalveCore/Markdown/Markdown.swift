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
        guard text.withUTF8({ $0.contains(byte: 13) }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\r" }))
    }
}

// Byte searches over whole page bodies, with memchr: byte loops over every file and body were 1 to 1.5% of a
// cold build each.
extension UnsafeBufferPointer<UInt8> {
    func contains(byte: UInt8) -> Bool {
        baseAddress.map { memchr($0, Int32(byte), count) != nil } ?? false
    }

    /// Calls `body` with the offset of each `byte`, in order.
    func forEachOffset(of byte: UInt8, _ body: (Int) -> Void) {
        guard let base = baseAddress else { return }
        var offset = 0
        while offset < count, let found = memchr(base + offset, Int32(byte), count - offset) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            body(at)
            offset = at + 1
        }
    }
}
