// The two string orders of the index, compared on UTF-8 bytes in place: results by URL, terms as the browser sorts them.

enum SearchOrder {
    /// `a.utf8.lexicographicallyPrecedes(b.utf8)`: results are sorted by URL this way.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) { x, y in x < y }
    }

    /// `a.utf16.lexicographicallyPrecedes(b.utf16)`, the order of JavaScript's `<`, which term shards follow.
    /// It is UTF-8 byte order except between U+E000–U+FFFF (UTF-8 lead byte 0xEE or 0xEF), which UTF-16 puts
    /// after the characters beyond U+FFFF (lead byte 0xF0 and up, surrogate pairs in UTF-16).
    static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) { x, y in
            let xHigh = x == 0xEE || x == 0xEF
            let yHigh = y == 0xEE || y == 0xEF
            if xHigh, y >= 0xF0 { return false }
            if yHigh, x >= 0xF0 { return true }
            return x < y
        }
    }

    /// Finds the first byte where `a` and `b` differ and orders them by `precedes`; a prefix comes first.
    @inline(__always)
    private static func compare(_ a: String, _ b: String, _ precedes: (UInt8, UInt8) -> Bool) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = Swift.min(x.count, y.count)
                var index = 0
                while index < common, x[index] == y[index] { index += 1 }
                return index < common ? precedes(x[index], y[index]) : x.count < y.count
            }
        }
    }
}
