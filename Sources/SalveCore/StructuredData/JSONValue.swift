// A JSON value built in Swift and serialized by one small encoder: structured data is never assembled as strings.

public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Compact JSON with sorted keys, safe to place inside `<script>`: `<`, `>` and `&` are written as
    /// `\u003c`, `\u003e`, `\u0026`, so content can never close the element. Written by this small encoder
    /// rather than JSONEncoder, which was a tenth of the build's time at 1,000 pages.
    public func scriptSafeJSON() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func append(to bytes: inout [UInt8]) {
        switch self {
        case .string(let text):
            JSONValue.appendString(text, to: &bytes)
        case .number(let number):
            let text = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            bytes.append(contentsOf: text.utf8)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                item.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.appendString(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// For each byte, whether a JSON string escapes it, or must look at what follows (0xE2 may start U+2028 or
    /// U+2029): controls, `"`, `&`, `<`, `>` and `\\`.
    private static let escapes: [Bool] = (0..<256).map { $0 < 0x20 || [0x22, 0x26, 0x3C, 0x3E, 0x5C, 0xE2].contains($0) }

    /// `text` as a JSON string, escaped so that it is safe inside `<script>`; the index files use it too.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        escapes.withUnsafeBufferPointer { escapes in
            text.withUTF8 { utf8 in
                // Runs of bytes that need no escape are copied whole. The run's end is found with a table, not
                // comparisons: whether a byte is below 64 (a space or a letter) was a mispredicted branch at every
                // word.
                var (run, index) = (0, 0)
                while index < utf8.count {
                    let byte = utf8[index]
                    if !escapes[Int(byte)] {
                        index += 1
                        continue
                    }
                    let escape: StaticString
                    switch byte {
                    case UInt8(ascii: "\""): escape = "\\\""
                    case UInt8(ascii: "\\"): escape = "\\\\"
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    case 0x08: escape = "\\b"
                    case 0x0C: escape = "\\f"
                    case UInt8(ascii: "<"): escape = "\\u003c"
                    case UInt8(ascii: ">"): escape = "\\u003e"
                    case UInt8(ascii: "&"): escape = "\\u0026"
                    case 0x00..<0x20: escape = "\\u00"  // and the byte's two hex digits
                    case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                        // U+2028 and U+2029 end lines in older JavaScript parsers.
                        escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    default:
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                    if escape.utf8CodeUnitCount == 4 {
                        let hex: StaticString = "0123456789abcdef"
                        hex.withUTF8Buffer { digits in
                            bytes.append(digits[Int(byte >> 4)])
                            bytes.append(digits[Int(byte & 0xF)])
                        }
                    }
                    index += byte == 0xE2 ? 3 : 1
                    run = index
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { a, _ in a }))
    }
}
