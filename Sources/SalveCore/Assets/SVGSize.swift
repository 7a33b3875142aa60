// The size of an SVG image from its root element's width and height attributes, or its viewBox: a scan of the
// first tag, not an XML parser (an image's size is all a page needs).

enum SVGSize {
    /// The size of the `<svg>` root element found in `bytes`; nil when there is none or it gives no usable size.
    static func read(_ bytes: [UInt8]) -> ImageSize? {
        guard let attributes = rootAttributes(bytes) else { return nil }
        let width = attributes["width"].flatMap(length)
        let height = attributes["height"].flatMap(length)
        let box = attributes["viewBox"].flatMap(viewBox)
        switch (width, height, box) {
        case (let width?, let height?, _):
            return ImageSize(width: rounded(width), height: rounded(height))
        case (let width?, nil, let box?):
            return ImageSize(width: rounded(width), height: rounded(width * box.height / box.width))
        case (nil, let height?, let box?):
            return ImageSize(width: rounded(height * box.width / box.height), height: rounded(height))
        case (nil, nil, let box?):
            return ImageSize(width: rounded(box.width), height: rounded(box.height))
        default:
            return nil
        }
    }

    private static func rounded(_ value: Double) -> Int {
        guard value.isFinite, value >= 0.5, value < Double(ImageSize.largest) else { return 0 }
        return Int(value.rounded())
    }

    /// The attributes of the first `<svg` tag outside comments, processing instructions and the doctype.
    static func rootAttributes(_ bytes: [UInt8]) -> [String: String]? {
        var offset = 0
        let lt = UInt8(ascii: "<")
        while offset < bytes.count {
            guard let open = bytes[offset...].firstIndex(of: lt) else { return nil }
            if matches(bytes, open, "<!--") {
                guard let end = find(bytes, "-->", from: open + 4) else { return nil }
                offset = end + 3
            } else if matches(bytes, open, "<?") || matches(bytes, open, "<!") {
                guard let end = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                offset = end + 1
            } else if matches(bytes, open, "<svg"), open + 4 < bytes.count, isSpace(bytes[open + 4]) || bytes[open + 4] == UInt8(ascii: ">") {
                return attributes(bytes, from: open + 4)
            } else if matches(bytes, open, "<svg:svg") {
                return attributes(bytes, from: open + 8)
            } else {
                // The first element is not an svg root: not an SVG file.
                return nil
            }
        }
        return nil
    }

    /// `name="value"` pairs up to the tag's `>`; nil when the tag is cut short.
    private static func attributes(_ bytes: [UInt8], from start: Int) -> [String: String]? {
        var found: [String: String] = [:]
        var offset = start
        while offset < bytes.count {
            let byte = bytes[offset]
            if isSpace(byte) || byte == UInt8(ascii: "/") { offset += 1; continue }
            if byte == UInt8(ascii: ">") { return found }
            let nameStart = offset
            while offset < bytes.count, !isSpace(bytes[offset]), !"=>/".utf8.contains(bytes[offset]) { offset += 1 }
            let name = String(decoding: bytes[nameStart..<offset], as: UTF8.self)
            while offset < bytes.count, isSpace(bytes[offset]) { offset += 1 }
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else { continue }
            offset += 1
            while offset < bytes.count, isSpace(bytes[offset]) { offset += 1 }
            guard offset < bytes.count else { return nil }
            let quote = bytes[offset]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            guard let end = bytes[(offset + 1)...].firstIndex(of: quote) else { return nil }
            if found[name] == nil { found[name] = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self) }
            offset = end + 1
        }
        return nil
    }

    /// A length in user units or px; other units (%, em, cm) say nothing about pixels.
    private static func length(_ text: String) -> Double? {
        var value = Substring(text.trimmingWhitespace())
        if value.hasSuffix("px") { value = value.dropLast(2) }
        guard let number = Double(value), number.isFinite, number > 0 else { return nil }
        return number
    }

    private static func viewBox(_ text: String) -> (width: Double, height: Double)? {
        let parts = text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }.compactMap { Double($0) }
        guard parts.count == 4, parts[2].isFinite, parts[3].isFinite, parts[2] > 0, parts[3] > 0 else { return nil }
        return (parts[2], parts[3])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func matches(_ bytes: [UInt8], _ offset: Int, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return offset + needle.count <= bytes.count && Array(bytes[offset..<(offset + needle.count)]) == needle
    }

    private static func find(_ bytes: [UInt8], _ text: String, from start: Int) -> Int? {
        var offset = start
        while offset < bytes.count {
            if matches(bytes, offset, text) { return offset }
            offset += 1
        }
        return nil
    }
}
