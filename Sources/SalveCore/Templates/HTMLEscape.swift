// Escapes text for HTML over UTF-8 bytes, byte-identical to swift-mustache's per-Character escaping.

/// Replaces `<`, `>`, `&`, `"` and `'` with `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`, as swift-mustache does.
///
/// swift-mustache escapes per `Character` (grapheme cluster), so `<` followed by a combining mark, or preceded
/// by a prepended mark such as U+0600, is one cluster that it leaves alone. ASCII neighbours never join a
/// cluster, so the fast path looks at the bytes around each special byte and asks Swift only when one is not ASCII.
enum HTMLEscape {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default:
                    index += 1
                    continue
                }
                let asciiBefore = index == 0 || bytes[index - 1] < 0x80
                let asciiAfter = index + 1 == count || bytes[index + 1] < 0x80
                if asciiBefore && asciiAfter || standsAlone(bytes, at: index) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                    runStart = index + 1
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }

    /// Whether the ASCII byte at `index` is a grapheme cluster of its own, judged from the scalars on either
    /// side (a cluster break next to an ASCII character depends only on its two neighbours).
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index
        if index > 0 {
            start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if end < bytes.count {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        // The byte's scalar comes after the one scalar before it, if any; it stands alone when a cluster of
        // exactly one scalar starts there.
        let target = start < index ? 1 : 0
        var scalars = 0
        for character in window {
            let count = character.unicodeScalars.count
            if scalars == target { return count == 1 }
            if scalars > target { return false }
            scalars += count
        }
        return false
    }
}
