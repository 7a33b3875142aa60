// The README's template variable reference must say exactly what the view types hold, so theme editors can trust it.
import Foundation
import Testing

@testable import SalveCore

@Suite("Template variable reference")
struct TemplateReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One documented name: its type as the README writes it (`text?`, `list of Card`, `TableOfContents?`).
    struct Documented: Equatable {
        var type: String
    }

    /// `#### Type` headings followed by `| `name` | type | example |` rows; "Everything in Chrome" marks inheritance.
    static func reference() throws -> (names: [String: [String: Documented]], inherits: Set<String>) {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "### Template variables"))
        var names: [String: [String: Documented]] = [:]
        var inherits: Set<String> = []
        var current: String?
        for line in readme[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") || (line.hasPrefix("### ") && current != nil) { break }
            if line.hasPrefix("#### ") {
                current = String(line.dropFirst(5))
                names[current!] = [:]
            } else if let type = current, line.hasPrefix("Everything in Chrome") {
                inherits.insert(type)
            } else if let type = current, line.hasPrefix("| `") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                names[type]![cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = Documented(type: cells[1])
            }
        }
        return (names, inherits)
    }

    /// `lastReviewedISO` -> `last_reviewed_iso`.
    static func templateName(_ property: String) -> String {
        var name = ""
        var previous: Character?
        for character in property {
            if character.isUppercase, let previous, previous.isLowercase { name.append("_") }
            name.append(character)
            previous = character
        }
        return name.lowercased()
    }

    static func typeName(_ value: Any) -> String {
        String(reflecting: type(of: value)).replacingOccurrences(of: "SalveCore.", with: "")
    }

    /// What the documented type says the value is, as a `TemplateValue` case name.
    static func kind(of documented: String) -> String {
        let bare = documented.hasSuffix("?") ? String(documented.dropLast()) : documented
        switch bare {
        case "text": return "text"
        case "flag": return "flag"
        case "number": return "number"
        default: return bare.hasPrefix("list of ") ? "list" : "view"
        }
    }

    static func kind(of value: TemplateValue) -> String {
        switch value {
        case .text: "text"
        case .flag: "flag"
        case .number: "number"
        case .list: "list"
        case .view: "view"
        }
    }

    @Test("every name of every view in the sample site is in the README with its type, and nothing else is")
    func referenceMatchesViews() throws {
        let (documented, inherits) = try Self.reference()
        let model = try Build.model(BuildOptions(root: Self.root))
        let views = ([model] + model.translations).flatMap { $0.site.views(listings: $0.listings, assets: $0.themeAssets) }
        var seen: [String: Set<String>] = [:]
        var problems: Set<String> = []

        func walk(_ value: Any) {
            guard let view = value as? any TemplateContext else {
                for child in Mirror(reflecting: value).children { walk(child.value) }
                return
            }
            let type = Self.typeName(view)
            guard let names = documented[type] else {
                problems.insert("\(type) is not in the README")
                return
            }
            // The strings are the keys of templates/strings/en.yml, which the README points to instead of listing.
            if let strings = view as? UIStrings {
                for key in strings.texts.keys where strings.templateValue(key) == nil {
                    problems.insert("UIStrings.\(key) is in en.yml but the template cannot read it")
                }
                return
            }
            for child in Mirror(reflecting: view).children {
                guard let property = child.label else { continue }
                if property == "chrome" {
                    if !inherits.contains(type) { problems.insert("\(type): the README does not say it has Chrome's names") }
                    walk(child.value)
                    continue
                }
                let name = Self.templateName(property)
                guard let entry = names[name] else {
                    problems.insert("\(type).\(name) is not in the README")
                    continue
                }
                let mirror = Mirror(reflecting: child.value)
                let isOptional = mirror.displayStyle == .optional
                if isOptional != entry.type.hasSuffix("?") {
                    problems.insert("\(type).\(name): the README says \(entry.type), the view's optionality differs")
                }
                if isOptional, mirror.children.isEmpty { continue }
                seen[type, default: []].insert(name)
                guard let answer = view.templateValue(name) else {
                    problems.insert("\(type).\(name) holds a value but the template cannot read it")
                    continue
                }
                if Self.kind(of: answer) != Self.kind(of: entry.type) {
                    problems.insert("\(type).\(name) is \(Self.kind(of: answer)), the README says \(entry.type)")
                }
                walk(child.value)
            }
        }
        for file in views { walk(file.view.context) }

        for (type, names) in documented {
            for name in names.keys where seen[type]?.contains(name) != true {
                problems.insert("\(type).\(name) is in the README but no view in the sample site shows it")
            }
        }
        #expect(problems.sorted() == [])
    }
}
