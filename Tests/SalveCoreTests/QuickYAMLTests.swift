// The quick front matter reader against Yams: wherever it reads a file, its tree is Yams's to the last mark.
import Foundation
import Testing
import Yams

@testable import SalveCore

private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The first difference between two trees (kind, text, style, tag, mark), or nil when they are the same.
private func difference(_ quick: Node, _ yams: Node, at path: String = "root") -> String? {
    func marks(_ a: Mark?, _ b: Mark?) -> String? {
        a?.line == b?.line && a?.column == b?.column ? nil : "\(path): mark \(a.map(\.description) ?? "none") against \(b.map(\.description) ?? "none")"
    }
    switch (quick, yams) {
    case (.scalar(let a), .scalar(let b)):
        if a.string != b.string { return "\(path): \(a.string.debugDescription) against \(b.string.debugDescription)" }
        if a.style != b.style { return "\(path): style \(a.style) against \(b.style)" }
        if a.tag.description != b.tag.description { return "\(path): tag \(a.tag) against \(b.tag)" }
        return marks(a.mark, b.mark)
    case (.mapping(let a), .mapping(let b)):
        if a.count != b.count { return "\(path): \(a.count) pairs against \(b.count)" }
        if a.style != b.style { return "\(path): style \(a.style) against \(b.style)" }
        if a.tag.description != b.tag.description { return "\(path): tag \(a.tag) against \(b.tag)" }
        for (index, (x, y)) in zip(a, b).enumerated() {
            if let found = difference(x.key, y.key, at: "\(path).key\(index)") { return found }
            if let found = difference(x.value, y.value, at: "\(path).\(x.key.string ?? "?")") { return found }
        }
        return marks(a.mark, b.mark)
    case (.sequence(let a), .sequence(let b)):
        if a.count != b.count { return "\(path): \(a.count) items against \(b.count)" }
        if a.style != b.style { return "\(path): style \(a.style) against \(b.style)" }
        if a.tag.description != b.tag.description { return "\(path): tag \(a.tag) against \(b.tag)" }
        for (index, (x, y)) in zip(a, b).enumerated() {
            if let found = difference(x, y, at: "\(path)[\(index)]") { return found }
        }
        return marks(a.mark, b.mark)
    default:
        return "\(path): \(quick.kindName) against \(yams.kindName)"
    }
}

/// Checks one front matter: when the quick reader reads it, Yams reads it too, to the same tree (and the same
/// values under Yams's own comparison, which resolves the tags). Returns whether the quick reader read it.
@discardableResult
private func agrees(_ yaml: String, _ name: String) -> Bool {
    guard let quick = QuickYAML.compose(yaml) else { return false }
    let yams: Node?
    do {
        yams = try Yams.compose(yaml: yaml)
    } catch {
        Issue.record("\(name): the quick reader read front matter Yams rejects (\(error)):\n\(yaml)")
        return true
    }
    guard let yams else {
        Issue.record("\(name): the quick reader read front matter Yams finds empty:\n\(yaml)")
        return true
    }
    if let found = difference(quick, yams) {
        Issue.record("\(name): \(found)\n\(yaml)")
    }
    #expect(quick == yams, "\(name)")
    return true
}

private func frontMatters(under folder: URL) -> [(String, String)] {
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path } ?? []
    return files.compactMap { file in
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            case .success(let split) = FrontMatter.split(text, path: file.path)
        else { return nil }
        return (file.path, split.yaml)
    }
}

/// A small deterministic generator (the tests must not depend on the run).
private struct Seeded {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick<T>(_ choices: [T]) -> T { choices[next(choices.count)] }
}

@Suite("Quick front matter reader against Yams")
struct QuickYAMLTests {
    @Test("every sample and fixture file reads to Yams's tree, and the sample content takes the quick path")
    func sampleFilesAgree() {
        let sample = frontMatters(under: repository.appendingPathComponent("content"))
        #expect(sample.count > 10)
        let read = sample.filter { agrees($0.1, $0.0) }.count
        // Nearly all sample files are of the plain shape: if none were read, the fast path would be dead code.
        #expect(read * 10 >= sample.count * 9, "read \(read) of \(sample.count)")
        for (name, yaml) in frontMatters(under: repository.appendingPathComponent("Tests/Fixtures")) {
            agrees(yaml, name)
        }
    }

    @Test("the marks Yams cannot make from outside are made with its layout")
    func marksAreYams() {
        #expect(QuickYAML.Marks.available)
        let mark = QuickYAML.Marks.make(line: 12, column: 34)
        #expect(mark.line == 12 && mark.column == 34)
    }

    @Test("shapes it reads and shapes it leaves to Yams", arguments: [
        ("title: Pain\nsummary: Short.\n", true),
        ("title: \"Quoted: with colon\"\nsummary: 'single'\n", true),
        ("tags: [a, b c, d-e]\nempty: []\n", true),
        ("references:\n  - title: One\n    year: 2000\n  - title: Two\n", true),
        ("related:\n- a.md\n- b.md\nnext: 1\n", true),
        ("title: Pain # a comment\n", false),
        ("title: one\n  two\n", false),
        ("title: \"esc\\\"aped\"\n", false),
        ("title: 'it''s'\n", false),
        ("title: &anchor x\n", false),
        ("title: |\n  block\n", false),
        ("title:\n", true),
        ("a: 1\ntreatments:   \n\n  \nb: 2\n", true),
        ("x:\n  - k:\n  - j\n", true),
        ("- a\n-\n- b", false),
        ("title: a: b\n", false),
        ("tags: [a, [b]]\n", false),
        ("title:\tx\n", false),
        ("  # only a comment\n", false),
        ("", false),
        ((0..<40).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " deep\n", false),
        ((0..<20).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " deep\n", true),
    ])
    func shapes(_ yaml: String, _ quick: Bool) {
        #expect((QuickYAML.compose(yaml) != nil) == quick, "\(yaml.debugDescription)")
        agrees(yaml, yaml.debugDescription)
    }

    @Test("generated front matter reads to Yams's tree wherever the quick reader takes it")
    func generatedAgree() {
        var random = Seeded(state: 11)
        let plain = ["pain", "Dr. Ana Ruiz, MD", "2026-01-05", "yes", "~", "null", "12", "-3", "a:b", "x#y",
                     "Fibromialgia", "sueño", "naïve café", "100%", "https://example.org/a?b=c#d", "trailing  ", "a, b"]
        let risky = ["x #y", "@home", "`tick`", "[x]", "{y}", "é:", "*star", "&amp", "!bang", "?what", "- dash",
                     "-dash", "'q'", "\"q\"", "", "LS\u{2028}here", "nbsp\u{00A0}x", "tab\there", "a: b", "#c"]
        let plainKeys = ["title", "summary", "tags", "also_called", "a.b", "x-y", "_k", "9"]
        let riskyKeys = ["références", "two words", "-k", "\"q\""]
        func word() -> String { random.next(12) == 0 ? random.pick(risky) : random.pick(plain) }
        func key() -> String { random.next(15) == 0 ? random.pick(riskyKeys) : random.pick(plainKeys) }
        var taken = 0
        for _ in 0..<600 {
            var lines: [String] = []
            func value(_ depth: Int, indent: String) {
                switch random.next(depth > 1 ? 4 : 7) {
                case 0, 1:
                    lines[lines.count - 1] += " " + word()
                case 2:
                    lines[lines.count - 1] += " \"" + word() + "\""
                case 3:
                    let items = (0..<random.next(4)).map { _ in word() }
                    lines[lines.count - 1] += " [" + items.joined(separator: random.pick([", ", ",", " , "])) + "]"
                case 4:
                    let inner = indent + random.pick(["  ", "    ", ""])
                    for _ in 0...random.next(3) { lines.append(inner + "- " + word()) }
                case 5:
                    let inner = indent + random.pick(["  ", "  ", ""])
                    for _ in 0...random.next(2) {
                        lines.append(inner + "- " + key() + ":")
                        value(depth + 1, indent: inner + "  ")
                        if random.next(2) == 0 {
                            lines.append(inner + "  " + key() + ":")
                            value(depth + 1, indent: inner + "  ")
                        }
                    }
                default:
                    let inner = indent + "  "
                    for _ in 0...random.next(2) {
                        lines.append(inner + key() + ":")
                        value(depth + 1, indent: inner)
                    }
                }
            }
            for _ in 0...random.next(6) {
                lines.append(key() + ":")
                value(0, indent: "")
                if random.next(8) == 0 { lines.append(random.pick(["", "# note", "   ", "  # indented note"])) }
            }
            if agrees(lines.joined(separator: "\n") + random.pick(["\n", "", "\n\n"]), "generated") { taken += 1 }
        }
        // Both sides are exercised: many cases are read quickly, many are left to Yams.
        #expect(taken > 100 && taken < 550, "\(taken) of 600 taken")
    }

    @Test("sample front matter with one byte changed reads to Yams's tree wherever the quick reader takes it")
    func mutatedAgree() {
        var random = Seeded(state: 5)
        let sample = frontMatters(under: repository.appendingPathComponent("content")).map { Array($0.1.utf8) }
        let inserts = Array(" \n-:#'\"[],{}&*!|>%@`?\\\tx".utf8)
        for _ in 0..<1500 {
            var bytes = random.pick(sample)
            guard !bytes.isEmpty else { continue }
            let at = random.next(bytes.count)
            switch random.next(3) {
            case 0: bytes.insert(random.pick(inserts), at: at)
            case 1: bytes.remove(at: at)
            default: bytes[at] = random.pick(inserts)
            }
            guard let yaml = String(validating: bytes, as: UTF8.self) else { continue }
            agrees(yaml, "mutated")
        }
    }
}
