// Reads typed fields out of a YAML mapping, turning every problem into a Diagnostic with its file line.
import Foundation
import Yams

/// The fields of one YAML mapping, read one by one; problems accumulate in `diagnostics`.
struct YAMLFields {
    let path: String
    /// Added to a YAML line to get the file line.
    let lineOffset: Int
    private(set) var entries: [(key: String, keyLine: Int?, keyColumn: Int?, value: Node)] = []
    let line: Int?
    var diagnostics: [Diagnostic] = []
    /// Known keys that an unknown key was taken for (`reviewd_by` -> `reviewed_by`): they are not reported as
    /// missing as well, so one typo gives one error.
    private var suggested: Set<String> = []

    init(_ node: Node?, path: String, lineOffset: Int, what: String) {
        self.path = path
        self.lineOffset = lineOffset
        self.line = node?.mark.map { $0.line + lineOffset }
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(
                .error(path, line: line, "\(what) must be a set of `key: value` fields, not \(node.kindName)",
                       fix: "write one `key: value` per line"))
            return
        }
        var seen: [String: Int?] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let keyLine = keyNode.mark.map { $0.line + lineOffset }
            if let firstLine = seen[key] {
                diagnostics.append(
                    .error(path, line: keyLine, column: keyNode.mark?.column, "`\(key)` is given twice (first on line \(firstLine.map(String.init) ?? "?"))",
                           fix: "keep one `\(key)` and delete the other"))
                continue
            }
            seen[key] = keyLine
            entries.append((key, keyLine, keyNode.mark?.column, value))
        }
    }

    var keys: [String] { entries.map(\.key) }

    func node(_ key: String) -> Node? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    func line(of key: String) -> Int? {
        entries.first(where: { $0.key == key })?.keyLine ?? line
    }

    func line(of node: Node) -> Int? {
        node.mark.map { $0.line + lineOffset }
    }

    /// The column of a key's value when it is written on the key's line (`last_reviewed: 2026-7-8`), else of the key.
    func column(of key: String) -> Int? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if let mark = entry.value.mark, mark.line + lineOffset == entry.keyLine, case .scalar = entry.value {
            return mark.column
        }
        return entry.keyColumn
    }

    /// A required or optional single line of text.
    mutating func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
        guard let node = node(key) else {
            if required { missing(key, hint: hint) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            wrongType(key, node: node, expected: "a piece of text")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        checkPublishable(text, key: key, line: line(of: key), column: column(of: key))
        if text.isEmpty && required { missing(key, hint: hint) }
        return text.isEmpty ? nil : text
    }

    /// A list of text values (`[a, b]` or `- a` lines).
    mutating func strings(_ key: String) -> [Located<String>] {
        guard let node = node(key) else { return [] }
        switch node {
        case .scalar(let scalar):
            wrongType(key, node: node, expected: "a list of text (`[\(scalar.string)]` or `- \(scalar.string)` lines)")
            return []
        case .sequence(let sequence):
            var values: [Located<String>] = []
            for item in sequence {
                guard case .scalar(let scalar) = item, !item.isNull else {
                    diagnostics.append(
                        .error(path, line: line(of: item), column: item.mark?.column, "each item of `\(key)` must be a piece of text, not \(item.kindName)",
                               fix: "write the items as `- text`"))
                    continue
                }
                let text = scalar.string.trimmingWhitespace()
                checkPublishable(text, key: key, line: line(of: item), column: item.mark?.column)
                values.append(Located(text, line: line(of: item), column: item.mark?.column))
            }
            return values
        case .mapping:
            wrongType(key, node: node, expected: "a list of text (`[a, b]` or `- a` lines)")
            return []
        }
    }

    /// An optional link address; anything but http, https, mailto or a relative path is an error (`SafeURL`).
    mutating func url(_ key: String) -> String? {
        let reported = diagnostics.count
        guard let text = string(key) else { return nil }
        // A control character is already reported by `string`, once is enough.
        guard diagnostics.count == reported else { return nil }
        if let problem = SafeURL.problem(in: text) {
            diagnostics.append(.error(path, line: line(of: key), column: column(of: key), problem.message(for: text),
                                      fix: SafeURL.Problem.fix))
            return nil
        }
        return text
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let text = string(key, required: required, hint: "a date like 2026-09-14") else { return nil }
        guard let day = Day(iso: text) else {
            let example = Day(lenient: text).map { "\($0)" } ?? "2026-09-14"
            diagnostics.append(
                .error(path, line: line(of: key), column: column(of: key), "`\(key)` is not a date: \"\(text)\"",
                       fix: "write the date as YYYY-MM-DD, for example \(example)"))
            return nil
        }
        return day
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard let value = node.bool else {
            wrongType(key, node: node, expected: "true or false")
            return nil
        }
        return value
    }

    mutating func int(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        // Plain decimal only: Yams also reads YAML 1.1 base-60 numbers such as `22:22:22`, and traps when one
        // overflows (found by fuzzing); Swift's own parser answers nil instead.
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            wrongType(key, node: node, expected: "a whole number")
            return nil
        }
        return value
    }

    /// The optional `type` of a treatment: `drug` or `therapy`.
    mutating func treatmentKind() -> TreatmentKind? {
        guard let text = string("type") else { return nil }
        guard let kind = TreatmentKind(rawValue: text) else {
            diagnostics.append(
                .error(path, line: line(of: "type"), column: column(of: "type"), "unknown treatment type \"\(text)\"",
                       fix: "use `drug` or `therapy`"))
            return nil
        }
        return kind
    }

    /// A finite number, or an error naming `key` with `fix` when the value is something else.
    mutating func number(_ key: String, fix: String) -> Double? {
        guard let node = node(key) else { return nil }
        if let value = node.scalar.flatMap({ Double($0.string) }), value.isFinite { return value }
        diagnostics.append(.error(path, line: line(of: key), "\(key) must be a number", fix: fix))
        return nil
    }

    /// Nested mappings of a list field, such as `references` or `criteria`.
    mutating func mappings(_ key: String, what: String) -> [YAMLFields] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            wrongType(key, node: node, expected: "a list of \(what) (lines starting with `- `)")
            return []
        }
        return sequence.map { YAMLFields($0, path: path, lineOffset: lineOffset, what: "each item of `\(key)`") }
    }

    /// Reports a character that XML or HTML cannot hold (`PublishableText`).
    mutating func checkPublishable(_ text: String, key: String, line: Int?, column: Int? = nil) {
        guard let scalar = PublishableText.forbiddenScalar(in: text) else { return }
        var diagnostic = PublishableText.diagnostic(scalar, key: key, path: path, line: line)
        diagnostic.column = column
        diagnostics.append(diagnostic)
    }

    /// File systems refuse a file name over 255 bytes, and the build makes one folder per slug.
    static let maxNameBytes = 255

    /// Reports a condition or treatment name whose page folder (its slug, as `Term.collect` makes it) would be
    /// longer than a file name can be.
    mutating func checkFolderName(of name: String, key: String, line: Int?) {
        let bytes = Slug.make(name).utf8.count
        guard bytes > YAMLFields.maxNameBytes else { return }
        diagnostics.append(
            .error(path, line: line,
                   "the name in `\(key)` is too long for its page's folder (\(bytes) bytes; at most \(YAMLFields.maxNameBytes))",
                   fix: "use a shorter name, and put the long form in the page's text"))
    }

    mutating func rejectUnknownKeys(allowed: Set<String>, what: String) {
        let given = Set(keys)
        for entry in entries where !allowed.contains(entry.key) {
            // Only a key not written elsewhere in this mapping is a likely meaning of the typo.
            if let guess = KeySuggestion.closest(to: entry.key, among: allowed.subtracting(given)) {
                suggested.insert(guess)
                diagnostics.append(
                    .error(path, line: entry.keyLine, column: entry.keyColumn,
                           "unknown field `\(entry.key)` in \(what)", fix: "did you mean `\(guess)`?"))
            } else {
                diagnostics.append(
                    .error(path, line: entry.keyLine, column: entry.keyColumn,
                           "unknown field `\(entry.key)` in \(what)",
                           fix: "use one of: \(allowed.sorted().joined(separator: ", "))"))
            }
        }
    }

    /// True when an unknown key in this mapping was reported as a typo of `key`.
    func wasSuggested(_ key: String) -> Bool { suggested.contains(key) }

    mutating func missing(_ key: String, hint: String) {
        guard !suggested.contains(key) else { return }
        diagnostics.append(
            .error(path, line: line, "required field `\(key)` is missing or empty",
                   fix: "add `\(key): …`" + (hint.isEmpty ? "" : " (\(hint))")))
    }

    private mutating func wrongType(_ key: String, node: Node, expected: String) {
        diagnostics.append(
            .error(path, line: line(of: key), column: column(of: key), "`\(key)` must be \(expected), not \(node.kindName)",
                   fix: "change the value of `\(key)` to \(expected)"))
    }
}

extension Node {
    var isNull: Bool {
        if case .scalar = self { return null != nil }
        return false
    }

    var kindName: String {
        switch self {
        case .scalar: "a piece of text"
        case .sequence: "a list"
        case .mapping: "a set of fields"
        }
    }
}

extension StringProtocol {
    /// Runs of ASCII whitespace become one space, with none at either end. Works on UTF-8 bytes: page text
    /// can be megabytes, and Character-level splitting was the build's hot spot.
    func collapsingWhitespace() -> String {
        var source = String(self)
        return source.withUTF8 { input in
            guard let bytes = input.baseAddress else { return "" }
            return String(unsafeUninitializedCapacity: input.count) { output in
                // Pointer reads and writes: the checked buffer iterator was half of this loop's time.
                let out = output.baseAddress!
                var (count, index) = (0, 0)
                var pendingSpace = false
                while index < input.count {
                    let byte = bytes[index]
                    index += 1
                    // One comparison for most bytes: every whitespace byte is at most a space.
                    if byte <= 32, byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12 {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        out[count] = 32
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// Whether the UTF-8 bytes of `needle` occur in the text (a byte search, no Unicode matching).
    func containsBytes(of needle: String) -> Bool {
        var haystack = String(self), needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard pattern.count > 0 else { return true }
                guard text.count >= pattern.count else { return false }
                let base = UnsafeRawPointer(text.baseAddress!)
                let last = text.count - pattern.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(pattern[0]), last - offset + 1) else { return false }
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return true }
                    offset = UnsafeRawPointer(hit) - base + 1
                }
                return false
            }
        }
    }

    func trimmingWhitespace() -> String {
        // Most text has nothing to trim: a character that starts or ends with a printable ASCII byte is not space.
        if let first = utf8.first, let last = utf8.reversed().first, (0x21..<0x7F).contains(first),
            (0x21..<0x7F).contains(last)
        {
            return String(self)
        }
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
