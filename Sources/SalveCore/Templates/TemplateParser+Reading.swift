// The parser's low-level reads: text up to a tag, tag names, comments, delimiters and standalone lines.

extension TemplateParser {
    var current: Character { position < chars.count ? chars[position] : "\0" }

    mutating func read(while test: (Character) -> Bool) -> String {
        var text = ""
        while position < chars.count, test(chars[position]) {
            text.append(chars[position])
            position += 1
        }
        return text
    }

    /// Reads text up to a newline (left unread) or the opening delimiter (consumed).
    mutating func readText(_ state: State) throws -> String {
        var text = ""
        while position < chars.count {
            let character = chars[position]
            if character == "\n" || character == "\r\n" { break }
            if character == state.open[0] {
                // swift-mustache reads the whole delimiter at once and fails when fewer characters are left.
                guard chars.count - position >= state.open.count else { throw endOfTemplate() }
                if chars[position..<position + state.open.count].elementsEqual(state.open) {
                    position += state.open.count
                    break
                }
            }
            text.append(character)
            position += 1
        }
        return text
    }

    /// Reads a tag's name and its closing delimiter.
    mutating func readName(_ state: State, tagOffset: Int) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: { Self.nameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        try expectClose(state, tagOffset: tagOffset)
        if name.contains("(") || name.contains(")") {
            throw TemplateSyntaxError(
                offset: tagOffset, message: "transforms such as {{\(name)}} are not supported",
                fix: "give the view a field with the value the template needs")
        }
        return name
    }

    /// Reads a partial's or parent's name (which may contain `/`) and the closing delimiter.
    mutating func readPartialName(_ state: State, tagOffset: Int) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: { Self.partialNameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        try expectClose(state, tagOffset: tagOffset)
        if name.first == "*" {
            throw TemplateSyntaxError(
                offset: tagOffset, message: "dynamic partial names ({{>*\(name.dropFirst())}}) are not supported",
                fix: "name the partial itself, such as {{> partials/card}}")
        }
        return name
    }

    mutating func expectClose(_ state: State, tagOffset: Int) throws {
        guard chars.count - position >= state.close.count else { throw unclosedTag(tagOffset, state) }
        guard chars[position..<position + state.close.count].elementsEqual(state.close) else {
            throw TemplateSyntaxError(
                offset: tagOffset, message: "unexpected \"\(current)\" in a tag",
                fix: "tag names use letters, digits and . - _ ? only; end the tag with \(String(state.close))")
        }
        position += state.close.count
    }

    /// Skips a comment up to and including the closing delimiter.
    mutating func skipComment(_ state: State, tagOffset: Int) throws {
        while position + state.close.count <= chars.count {
            if chars[position..<position + state.close.count].elementsEqual(state.close) {
                position += state.close.count
                return
            }
            position += 1
        }
        throw unclosedTag(tagOffset, state)
    }

    /// Reads `{{=<% %>=}}` and changes the delimiters for the rest of this section.
    mutating func setDelimiters(_ state: inout State, tagOffset: Int) throws {
        let invalid = TemplateSyntaxError(
            offset: tagOffset, message: "the set-delimiter tag is not valid",
            fix: "write it as {{=<% %>=}}: the new opening and closing delimiters separated by a space")
        _ = read(while: \.isWhitespace)
        let open = read(while: { !$0.isWhitespace })
        guard position < chars.count else { throw invalid }
        _ = read(while: \.isWhitespace)
        let close = read(while: { $0 != "=" && !$0.isWhitespace })
        guard position < chars.count else { throw invalid }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw invalid }
        position += 1
        guard chars.count - position >= state.close.count,
            chars[position..<position + state.close.count].elementsEqual(state.close),
            !open.isEmpty, !close.isEmpty
        else { throw invalid }
        position += state.close.count
        state.open = Array(open)
        state.close = Array(close)
        state.parentTopLevel = false
    }

    /// True when the tag just read is alone on its line; then the rest of the line and its newline are consumed.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= chars.count { return true }
        var end = position
        while end < chars.count, chars[end] == " " || chars[end] == "\t" { end += 1 }
        guard end < chars.count, chars[end].isNewline else { return false }
        position = end + 1
        return true
    }

    /// The block definitions inside `{{<parent}}`; anything but text and definitions is an error.
    func parentOverrides(_ nodes: [TemplateNode], parent: String, tagOffset: Int) throws -> [(String, [TemplateNode])] {
        var overrides: [(String, [TemplateNode])] = []
        for node in nodes {
            switch node {
            case .text:
                continue
            case .definition(let name, let body):
                // A later definition of the same block wins, as in swift-mustache.
                overrides.removeAll { $0.0 == name }
                overrides.append((name, body))
            default:
                throw TemplateSyntaxError(
                    offset: tagOffset, message: "{{<\(parent)}} may hold only {{$block}} definitions",
                    fix: "move the other tags into a {{$block}} … {{/block}} that \(parent) defines")
            }
        }
        return overrides
    }

    func unclosedTag(_ offset: Int, _ state: State) -> TemplateSyntaxError {
        TemplateSyntaxError(offset: offset, message: "the tag is never closed",
                            fix: "end it with \(String(state.close))")
    }

    func endOfTemplate() -> TemplateSyntaxError {
        TemplateSyntaxError(offset: max(0, chars.count - 1), message: "the template ends with an unfinished tag",
                            fix: "close the last tag, or remove the stray \"\(chars.last.map(String.init) ?? "")\"")
    }
}
