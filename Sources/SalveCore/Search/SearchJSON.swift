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
        JSONValue.appendString(text, to: &bytes)
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
