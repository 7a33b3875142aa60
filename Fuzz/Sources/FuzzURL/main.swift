// Fuzz target: URL fields. Random text goes to the URL rule, to a references list in front matter, to a
// comparison's article link and to salve.yml's base_url; no unsafe URL may be accepted, nothing may trap.
import Foundation
import FuzzSupport
@testable import SalveCore

let header = "---\ntitle: T\nsummary: S\nlast_reviewed: 2026-01-01\nreviewed_by: R\n"

/// The scheme as the WHATWG URL parser reads it, written apart from `SafeURL` so the two check each other:
/// trim C0 controls and spaces, drop tabs and line breaks, then `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
func browserScheme(_ url: String) -> String? {
    var scalars = Array(url.unicodeScalars)
    while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
    while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
    scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
    var scheme = ""
    for scalar in scalars {
        if scalar == ":" { return scheme.lowercased() }
        guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
        else { return nil }
        scheme.unicodeScalars.append(scalar)
    }
    return nil
}

/// Decodes the character references a template engine or browser might turn back into `:`, tab or a letter.
func decodingEntities(_ url: String) -> String {
    var text = url
    for (entity, value) in [("&colon;", ":"), ("&Tab;", "\t"), ("&NewLine;", "\n"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: value, options: .caseInsensitive)
    }
    var decoded = ""
    var rest = Substring(text)
    while let start = rest.range(of: "&#") {
        decoded += rest[..<start.lowerBound]
        let body = rest[start.upperBound...]
        let hex = body.first == "x" || body.first == "X"
        let digits = (hex ? body.dropFirst() : body).prefix { hex ? $0.isHexDigit : $0.isNumber }
        if let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value), !digits.isEmpty {
            decoded.unicodeScalars.append(scalar)
            rest = (hex ? body.dropFirst() : body).dropFirst(digits.count)
            if rest.first == ";" { rest = rest.dropFirst() }
        } else {
            decoded += "&#"
            rest = body
        }
    }
    return decoded + rest
}

/// True when a browser could run or load `url` as something other than a web page or an email address.
func isUnsafe(_ url: String) -> Bool {
    for candidate in [url, decodingEntities(url)] {
        if let scheme = browserScheme(candidate), !["http", "https", "mailto"].contains(scheme) { return true }
    }
    return url.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
}

/// `text` as a YAML single-quoted scalar, so any input reaches the field as written.
func singleQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let url = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    if SafeURL.isSafe(url), isUnsafe(url) { fatalError("SafeURL accepted \(String(reflecting: url))") }
    _ = SafeURL.isAbsoluteWebAddress(url)

    for written in [singleQuoted(url), url] {
        let yaml = header + "references:\n  - title: R\n    url: \(written)\n---\nText.\n"
        let (document, _) = Document.parse(yaml, kind: .article, contentPath: "articles/a.md",
                                           sourcePath: "content/articles/a.md", config: SiteConfig())
        for reference in document?.metadata.references ?? [] {
            if let published = reference.url, isUnsafe(published) {
                fatalError("a reference kept \(String(reflecting: published))")
            }
        }
        let (config, diagnostics) = SiteConfig.parse("title: T\nbase_url: \(written)\n", path: "salve.yml")
        if diagnostics.isEmpty, browserScheme(config.baseURL).map({ $0 == "http" || $0 == "https" }) != true {
            fatalError("base_url became \(String(reflecting: config.baseURL))")
        }
    }
    return 0
}

@_cdecl("FuzzURL_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
