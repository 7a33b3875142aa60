// Escaping for text written into HTML or XML by Salve itself (templates escape their own values).

func escapeHTML(_ text: String) -> String {
    // Byte by byte: every escaped character is ASCII, so a combining mark after a quote cannot hide it.
    var source = text
    return source.withUTF8 { input in
        guard let first = input.firstIndex(where: { htmlEntity(for: $0) != nil }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 16)
        output.append(contentsOf: input[..<first])
        for byte in input[first...] {
            if let entity = htmlEntity(for: byte) { output.append(contentsOf: entity.utf8) } else { output.append(byte) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

private func htmlEntity(for byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: nil
    }
}
