// A reader for the plain shape most front matter has, giving the very tree Yams.compose would give.
import Yams

/// Reads front matter written as block mappings and sequences of one-line scalars (plain, or quoted without
/// escapes) and one-line flow sequences of plain words, the shape nearly every content file has, into the same
/// `Node` tree as `Yams.compose`: the same strings, tags, styles and marks. Anything else (comments after a value,
/// multi-line or escaped scalars, anchors, flow mappings, block scalars, a tab) gives nil, and the caller asks Yams.
///
/// Why: composing with Yams was about 6% of a cold build's CPU, mostly in Swift around libyaml (an event object, a
/// Foundation string decoding and a tag per node) rather than in libyaml itself. QuickYAMLTests keep the two
/// readers' trees equal on every sample file and on generated and mutated front matter.
enum QuickYAML {
    /// The tree of `yaml`, or nil when it is not of the plain shape (or is empty): then Yams must read it.
    static func compose(_ yaml: String) -> Node? {
        guard Marks.available else { return nil }
        var copy = yaml
        return copy.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.document()
        }
    }

    /// Yams gives `Mark` no public initialiser; it is two `Int`s, line then column (both from 1). The layout is
    /// checked once: if a later Yams changes it, this reader steps aside and every file goes to Yams.
    enum Marks {
        private struct Layout {
            let line: Int
            let column: Int
        }

        static let available: Bool = {
            guard MemoryLayout<Layout>.size == MemoryLayout<Mark>.size,
                MemoryLayout<Layout>.alignment == MemoryLayout<Mark>.alignment
            else { return false }
            let mark = unsafeBitCast(Layout(line: 3, column: 7), to: Mark.self)
            return mark.line == 3 && mark.column == 7
        }()

        static func make(line: Int, column: Int) -> Mark {
            unsafeBitCast(Layout(line: line, column: column), to: Mark.self)
        }
    }

    /// One line of content: where its text starts after the indentation, and its indentation in columns
    /// (a line inside a sequence entry, `- key: value`, starts after the dash).
    private struct Line {
        var number: Int
        /// The byte the line starts at, for columns.
        var lineStart: Int
        var start: Int
        var end: Int
        var indent: Int
    }

    /// The tag every node gets from `Yams.compose` with its default resolver and constructor. A new one for each
    /// node: a tag takes the name it resolves to (`Tag.resolved`), so sharing one would be wrong, and a race.
    private static var tag: Tag { Tag(.implicit) }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []
        var next = 0
        /// Blocks open around the one being read. Deeper nesting than front matter ever has is left to Yams, so
        /// that a hostile file cannot run this reader's recursion out of a worker thread's stack.
        var depth = 0
        static let maximumDepth = 32

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func document() -> Node? {
            guard splitLines(), let first = lines.first else { return nil }
            guard let root = block(at: first.indent), next == lines.count else { return nil }
            return root
        }

        /// The content lines (blank and comment-only lines left out); false on a byte this reader leaves to Yams.
        private mutating func splitLines() -> Bool {
            var start = 0
            var number = 1
            while start <= bytes.count {
                var end = start
                var indent = 0
                var counting = true
                var ascii = true
                while end < bytes.count, bytes[end] != 0x0A {
                    let byte = bytes[end]
                    if byte == 0x20 {
                        if counting { indent += 1 }
                    } else {
                        counting = false
                        // Tabs, carriage returns and other control bytes: Yams decides what they mean or reports them.
                        if byte < 0x20 || byte == 0x7F { return false }
                        if byte >= 0x80 { ascii = false }
                    }
                    end += 1
                }
                if !ascii, !Self.printable(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return false }
                let content = start + indent
                if content < end, bytes[content] != UInt8(ascii: "#") {
                    lines.append(Line(number: number, lineStart: start, start: content, end: end, indent: indent))
                }
                start = end + 1
                number += 1
            }
            return true
        }

        /// Whether every character is one libyaml reads as printable and not as a line break.
        private static func printable(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            String(decoding: line, as: UTF8.self).unicodeScalars.allSatisfy { scalar in
                switch scalar.value {
                case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                    true
                default: false
                }
            }
        }

        // MARK: Blocks

        /// The mapping or sequence whose first line is the next one, at `indent`.
        private mutating func block(at indent: Int) -> Node? {
            guard next < lines.count, lines[next].indent == indent, depth < Self.maximumDepth else { return nil }
            depth += 1
            defer { depth -= 1 }
            return isEntry(lines[next]) ? sequence(at: indent, indentless: false) : mapping(at: indent)
        }

        private mutating func mapping(at indent: Int) -> Node? {
            let first = lines[next]
            var pairs: [(Node, Node)] = []
            while next < lines.count, lines[next].indent == indent {
                let line = lines[next]
                guard !isEntry(line), let colon = keyEnd(line) else { return nil }
                let key = scalar(line, line.start, colon, .plain)
                next += 1
                let valueStart = skipSpaces(from: colon + 1, to: line.end)
                let value: Node?
                if valueStart < line.end {
                    value = inlineValue(line, at: valueStart)
                } else if next < lines.count, lines[next].indent > indent {
                    value = block(at: lines[next].indent)
                } else if next < lines.count, lines[next].indent == indent, isEntry(lines[next]) {
                    value = sequence(at: indent, indentless: true)
                } else {
                    // A key with nothing after it is an empty plain scalar, marked just after the colon.
                    value = scalar(line, colon + 1, colon + 1, .plain)
                }
                guard let value else { return nil }
                pairs.append((key, value))
            }
            guard next == lines.count || lines[next].indent < indent else { return nil }
            return .mapping(Node.Mapping(pairs, QuickYAML.tag, .any, mark(first, first.start)))
        }

        /// - Parameter indentless: the entries are at the indentation of the key they belong to (`key:` then `- a`),
        ///   so the mapping's next key may follow at the same indentation.
        private mutating func sequence(at indent: Int, indentless: Bool) -> Node? {
            let first = lines[next]
            var items: [Node] = []
            while next < lines.count, lines[next].indent == indent, isEntry(lines[next]) {
                let line = lines[next]
                let contentStart = skipSpaces(from: line.start + 1, to: line.end)
                // `-` alone, with its item on the lines below: left to Yams.
                guard contentStart < line.end else { return nil }
                let inner = Line(number: line.number, lineStart: line.lineStart, start: contentStart, end: line.end,
                                 indent: indent + contentStart - line.start)
                let item: Node?
                if isEntry(inner) || keyEnd(inner) != nil {
                    // `- key: value` or `- - item`: a block that goes on in the lines at the item's indentation.
                    lines[next] = inner
                    item = block(at: inner.indent)
                } else {
                    next += 1
                    item = inlineValue(line, at: contentStart)
                }
                guard let item else { return nil }
                items.append(item)
            }
            guard next == lines.count || lines[next].indent < indent || indentless && lines[next].indent == indent
            else { return nil }
            return .sequence(Node.Sequence(items, QuickYAML.tag, .any, mark(first, first.start)))
        }

        // MARK: One-line values

        /// A scalar or flow sequence filling the rest of `line` from `start`.
        private func inlineValue(_ line: Line, at start: Int) -> Node? {
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return quoted(line, at: start)
            case UInt8(ascii: "["):
                return flowSequence(line, at: start)
            default:
                let end = trimmedEnd(from: start, to: line.end)
                guard plainIsSafe(start, end, inFlow: false) else { return nil }
                return scalar(line, start, end, .plain)
            }
        }

        /// `"text"` or `'text'` with no escapes, nothing but spaces after it.
        private func quoted(_ line: Line, at start: Int) -> Node? {
            let quote = bytes[start]
            var close = start + 1
            while close < line.end, bytes[close] != quote {
                if bytes[close] == UInt8(ascii: "\\") { return nil }
                close += 1
            }
            guard close < line.end, skipSpaces(from: close + 1, to: line.end) == line.end else { return nil }
            let style: Node.Scalar.Style = quote == UInt8(ascii: "\"") ? .doubleQuoted : .singleQuoted
            // A quoted scalar is text whatever it holds (Yams tags it `str`, as libyaml marks it quoted-implicit).
            return scalar(line, start + 1, close, style, tag: Tag(.str), markAt: start)
        }

        /// `[word, more words]` of plain items on one line.
        private func flowSequence(_ line: Line, at start: Int) -> Node? {
            guard let close = bytes[(start + 1)..<line.end].firstIndex(of: UInt8(ascii: "]")),
                skipSpaces(from: close + 1, to: line.end) == line.end
            else { return nil }
            var items: [Node] = []
            var position = start + 1
            if skipSpaces(from: position, to: close) < close {
                while true {
                    let itemStart = skipSpaces(from: position, to: close)
                    let comma = bytes[itemStart..<close].firstIndex(of: UInt8(ascii: ",")) ?? close
                    let itemEnd = trimmedEnd(from: itemStart, to: comma)
                    guard itemStart < itemEnd, plainIsSafe(itemStart, itemEnd, inFlow: true) else { return nil }
                    items.append(scalar(line, itemStart, itemEnd, .plain))
                    if comma == close { break }
                    position = comma + 1
                }
            }
            return .sequence(Node.Sequence(items, QuickYAML.tag, .any, mark(line, start)))
        }

        /// Whether bytes `start..<end` read as one plain scalar here, exactly as written. No indicator may start it
        /// and no `: ` or ` #` may be in it; in a flow sequence no bracket, brace, comma or colon either.
        private func plainIsSafe(_ start: Int, _ end: Int, inFlow: Bool) -> Bool {
            guard start < end else { return false }
            switch bytes[start] {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                return false
            default: break
            }
            for position in start..<end {
                switch bytes[position] {
                case UInt8(ascii: ":"):
                    if inFlow || position + 1 == end || bytes[position + 1] == 0x20 { return false }
                case UInt8(ascii: "#"):
                    if bytes[position - 1] == 0x20 { return false }
                case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    if inFlow { return false }
                default: break
                }
            }
            return true
        }

        // MARK: Pieces

        /// Whether the line is a sequence entry: `-` then a space or the end of the line.
        private func isEntry(_ line: Line) -> Bool {
            bytes[line.start] == UInt8(ascii: "-") && (line.start + 1 == line.end || bytes[line.start + 1] == 0x20)
        }

        /// Where the colon of a `key:` that starts the line is: a plain key of letters, digits, `_`, `-` and `.`,
        /// then `:` and a space or the end of the line. Nil when the line does not start with such a key.
        private func keyEnd(_ line: Line) -> Int? {
            var position = line.start
            guard position < line.end, Self.isKeyStart(bytes[position]) else { return nil }
            while position < line.end, Self.isKeyByte(bytes[position]) { position += 1 }
            guard position < line.end, bytes[position] == UInt8(ascii: ":"),
                position + 1 == line.end || bytes[position + 1] == 0x20
            else { return nil }
            return position
        }

        private static func isKeyStart(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
        }

        private static func isKeyByte(_ byte: UInt8) -> Bool {
            isKeyStart(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }

        private func skipSpaces(from start: Int, to end: Int) -> Int {
            var position = start
            while position < end, bytes[position] == 0x20 { position += 1 }
            return position
        }

        private func trimmedEnd(from start: Int, to end: Int) -> Int {
            var end = end
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return end
        }

        /// The scalar of bytes `start..<end`, marked where it starts (`markAt`: its opening quote, if any).
        private func scalar(_ line: Line, _ start: Int, _ end: Int, _ style: Node.Scalar.Style, tag: Tag = QuickYAML.tag,
                            markAt: Int? = nil) -> Node {
            .scalar(Node.Scalar(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                                tag, style, mark(line, markAt ?? start)))
        }

        /// Yams's mark of the byte at `position`: its line, and its column counted in Unicode scalars from 1.
        private func mark(_ line: Line, _ position: Int) -> Mark {
            var column = 1
            for index in line.lineStart..<position where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return Marks.make(line: line.number, column: column)
        }
    }
}
