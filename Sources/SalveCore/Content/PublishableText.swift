// Which characters text from front matter, salve.yml or the glossary may hold: what XML 1.0 and HTML accept.

/// The rule for text that ends up in pages, `feed.xml` and `sitemap.xml`.
enum PublishableText {
    /// The first character that XML 1.0 forbids or HTML calls a parse error: C0 controls other than tab and
    /// line breaks (YAML's `\0`, `\x01`, `\e` escapes write them), DEL, C1 controls and noncharacters.
    static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The diagnostic for `scalar` found in the field `key`.
    static func diagnostic(_ scalar: Unicode.Scalar, key: String, path: String, line: Int?) -> Diagnostic {
        let kind = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "control character" : "noncharacter"
        return .error(path, line: line,
                      "`\(key)` contains the \(kind) \(SafeURL.codePoint(scalar)), which web pages and feeds cannot hold",
                      fix: "delete it (in YAML, escapes such as `\\0`, `\\x01` or `\\e` write one)")
    }
}
