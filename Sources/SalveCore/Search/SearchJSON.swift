// JSON written straight into bytes for the index files, with the same escaping as `JSONValue.scriptSafeJSON()`.

/// Appends JSON pieces to a byte buffer. The index writes millions of numbers and tens of thousands of strings;
/// building `JSONValue`s and strings for each was most of the time spent writing it.
struct SearchJSON {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A whole number in decimal, as `String(_:)` writes it.
    mutating func append(_ number: Int) {
        if number < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(UInt(number.magnitude))
        } else {
            append(UInt(number))
        }
    }

    private mutating func append(_ number: UInt) {
        guard number >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A string, escaped so that it is safe inside `<script>` (`<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes).
    mutating func append(string text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            var index = 0
            func copyRun() {
                if run < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index])) }
            }
            while index < utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                    || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
                else {
                    index += 1
                    continue
                }
                copyRun()
                switch byte {
                case UInt8(ascii: "\""): append(ascii: "\\\"")
                case UInt8(ascii: "\\"): append(ascii: "\\\\")
                case 0x0A: append(ascii: "\\n")
                case 0x0D: append(ascii: "\\r")
                case 0x09: append(ascii: "\\t")
                case 0x08: append(ascii: "\\b")
                case 0x0C: append(ascii: "\\f")
                case UInt8(ascii: "<"): append(ascii: "\\u003c")
                case UInt8(ascii: ">"): append(ascii: "\\u003e")
                case UInt8(ascii: "&"): append(ascii: "\\u0026")
                case 0x00..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    append(ascii: "\\u00")
                    hex.withUTF8Buffer { digits in
                        bytes.append(digits[Int(byte >> 4)])
                        bytes.append(digits[Int(byte & 0xF)])
                    }
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in older JavaScript parsers.
                    append(ascii: utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 2
                default:
                    bytes.append(byte)
                }
                index += 1
                run = index
            }
            copyRun()
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON array of strings.
    mutating func append(strings: some Sequence<String>) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for text in strings {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            append(string: text)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
