// Parses Mustache text into nodes, applying swift-mustache 2.1's whitespace rules so output matches it byte for byte.

/// A parser over the template's characters (grapheme clusters, as swift-mustache reads them, so `\r\n` is one
/// newline). Standalone lines, indentation of partials and blocks, and the first-line indentation of block
/// definitions inside a parent follow swift-mustache's parser exactly, including its quirks: the differential test
/// holds the two engines to the same bytes.
struct TemplateParser {
    let chars: [Character]
    var position = 0

    /// What the parser knows at one nesting level.
    struct State {
        var sectionName: String?
        var sectionOffset = 0
        var newLine = true
        var inParent = false
        var parentTopLevel = false
        var open = Array("{{")
        var close = Array("}}")
        var definitionIndent: Int?

        func entering(_ name: String, at offset: Int, newLine keepsNewLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionOffset = offset
            state.parentTopLevel = false
            if !keepsNewLine { state.newLine = false }
            return state
        }
    }

    static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameCharacters = nameCharacters.union(["/"])

    init(_ text: String) {
        chars = Array(text)
    }

    /// Parses the whole template.
    static func parse(_ text: String) -> Result<[TemplateNode], TemplateSyntaxError> {
        var parser = TemplateParser(text)
        do {
            return .success(try parser.parseNodes(State()))
        } catch let error as TemplateSyntaxError {
            return .failure(error)
        } catch {
            return .failure(TemplateSyntaxError(offset: parser.position, message: "\(error)", fix: ""))
        }
    }

    /// Line and column (both 1-based) of a character offset.
    static func location(of offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, character) in text.enumerated() {
            if index == offset { break }
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: - The parse loop

    private mutating func parseNodes(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpace = ""
        while position < chars.count {
            if state.newLine {
                let indent = read(while: { $0 == " " || $0 == "\t" })
                if state.inParent, !state.parentTopLevel {
                    if let definitionIndent = state.definitionIndent {
                        whiteSpace = String(indent.dropFirst(definitionIndent))
                    } else {
                        state.definitionIndent = indent.count
                    }
                } else {
                    whiteSpace = indent
                }
            }
            let text = try readText(state)
            let tagOffset = position - state.open.count
            if current.isNewline {
                nodes.append(.text(whiteSpace + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpace + text))
                whiteSpace = ""
                state.newLine = false
            }
            if position >= chars.count { break }
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName(state, tagOffset: tagOffset)
                if isStandalone(state) {
                    standalone = true
                } else if !whiteSpace.isEmpty {
                    nodes.append(.text(whiteSpace))
                    whiteSpace = ""
                }
                let body = try parseNodes(state.entering(name, at: tagOffset, newLine: standalone))
                nodes.append(.section(TemplatePath(name), body, inverted: inverted))
            case "/":
                position += 1
                let name = try readName(state, tagOffset: tagOffset)
                guard let open = state.sectionName else {
                    throw TemplateSyntaxError(
                        offset: tagOffset, message: "{{/\(name)}} closes a section that was never opened",
                        fix: "remove it, or open the section with {{#\(name)}} before it")
                }
                guard name == open else {
                    throw TemplateSyntaxError(
                        offset: tagOffset, message: "{{/\(name)}} does not match the open section {{#\(open)}}",
                        fix: "close {{#\(open)}} with {{/\(open)}} before this tag, or correct the name")
                }
                if !isStandalone(state), !whiteSpace.isEmpty {
                    nodes.append(.text(whiteSpace))
                }
                return nodes
            case "!":
                position += 1
                try skipComment(state, tagOffset: tagOffset)
                standalone = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                if !whiteSpace.isEmpty {
                    nodes.append(.text(whiteSpace))
                    whiteSpace = ""
                }
                position += 1
                let name = try readName(state, tagOffset: tagOffset)
                if triple {
                    guard position < chars.count, current == "}" else { throw unclosedTag(tagOffset, state) }
                    position += 1
                }
                nodes.append(.variable(TemplatePath(name), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName(state, tagOffset: tagOffset)
                if !whiteSpace.isEmpty { nodes.append(.text(whiteSpace)) }
                standalone = isStandalone(state)
                nodes.append(.partial(name, indentation: standalone ? whiteSpace : nil, overrides: nil,
                                      offset: tagOffset))
                whiteSpace = ""
            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try readPartialName(state, tagOffset: tagOffset)
                if !whiteSpace.isEmpty { nodes.append(.text(whiteSpace)) }
                standalone = isStandalone(state)
                var inner = state.entering(name, at: tagOffset, newLine: true)
                inner.newLine = true
                inner.inParent = true
                inner.parentTopLevel = true
                let overrides = try parentOverrides(try parseNodes(inner), parent: name, tagOffset: tagOffset)
                nodes.append(.partial(name, indentation: whiteSpace, overrides: overrides, offset: tagOffset))
                whiteSpace = ""
            case "$":
                position += 1
                let name = try readName(state, tagOffset: tagOffset)
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    let body = try parseNodes(state.entering(name, at: tagOffset, newLine: standalone))
                    nodes.append(.definition(name, body))
                } else {
                    if !whiteSpace.isEmpty { nodes.append(.text(whiteSpace)) }
                    standalone = isStandalone(state)
                    let body = try parseNodes(state.entering(name, at: tagOffset, newLine: standalone))
                    nodes.append(.block(name, body, indentation: whiteSpace))
                    whiteSpace = ""
                }
            case "=":
                position += 1
                try setDelimiters(&state, tagOffset: tagOffset)
                standalone = isStandalone(state)
            case "%":
                throw TemplateSyntaxError(
                    offset: tagOffset, message: "pragma tags ({{% … }}) are not supported",
                    fix: "remove the tag; Salve's templates always produce HTML")
            default:
                if !whiteSpace.isEmpty {
                    nodes.append(.text(whiteSpace))
                    whiteSpace = ""
                }
                let name = try readName(state, tagOffset: tagOffset)
                nodes.append(.variable(TemplatePath(name), escaped: true))
            }
            state.newLine = standalone
        }
        if let open = state.sectionName {
            throw TemplateSyntaxError(
                offset: state.sectionOffset, message: "the section {{#\(open)}} is never closed",
                fix: "add {{/\(open)}} where the section ends")
        }
        return nodes
    }
}
