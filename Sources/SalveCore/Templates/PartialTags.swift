// Finds the partial tags (`{{> name}}`, `{{<parent}}`) in a template's text, independent of the template engine.

/// One `{{> name}}` or `{{<name}}` tag and where it is.
struct PartialTag: Sendable, Equatable {
    var name: String
    /// 1-based line and column of the tag's opening delimiter.
    var line: Int
    var column: Int

    /// Every static partial tag in `text`, following `{{=<% %>=}}` delimiter changes. Dynamic names
    /// (`{{>*name}}`) are left out: they are looked up at render time, among the theme's own templates only.
    static func scan(_ text: String) -> [PartialTag] {
        var tags: [PartialTag] = []
        var open = "{{", close = "}}"
        var rest = Substring(text)
        var line = 1, lineStart = text.startIndex
        func position(of index: String.Index) -> (Int, Int) {
            for character in text[lineStart..<index] where character == "\n" { line += 1 }
            if let lastBreak = text[lineStart..<index].lastIndex(of: "\n") { lineStart = text.index(after: lastBreak) }
            return (line, text.distance(from: lineStart, to: index) + 1)
        }
        while let start = rest.range(of: open) {
            var inside = rest[start.upperBound...]
            let closing = inside.first == "{" ? "}" + close : close
            guard let end = inside.range(of: closing) else { break }
            inside = inside[..<end.lowerBound]
            rest = rest[end.upperBound...]
            let content = inside.trimmingWhitespace()
            if content.hasPrefix("="), content.hasSuffix("="), content.count >= 2 {
                let parts = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if parts.count == 2 { (open, close) = (String(parts[0]), String(parts[1])) }
                continue
            }
            guard let sigil = content.first, sigil == ">" || sigil == "<" else { continue }
            let name = content.dropFirst().trimmingWhitespace()
            guard !name.hasPrefix("*") else { continue }
            let (tagLine, tagColumn) = position(of: start.lowerBound)
            tags.append(PartialTag(name: name, line: tagLine, column: tagColumn))
        }
        return tags
    }
}
