// content/synonyms.yml: groups of words and phrases that mean the same thing, expanded when someone searches.
import Foundation
import Yams

/// Groups of names for one thing (`[LDN, low-dose naltrexone, low dose naltrexone]`). A search for any
/// member also looks for the others; the browser does the expanding, so the index stays one entry per word.
public struct Synonyms: Sendable, Equatable {
    /// Each group as its phrases, each phrase as the terms search stores for it (`[["ldn"], ["low", "dose", "naltrexon"]]`).
    public var groups: [[[String]]]

    public static let empty = Synonyms(groups: [])
    public static let path = "content/synonyms.yml"

    /// Reads the file. It is optional: no file means no groups besides the glossary's.
    /// `path` names the file in diagnostics (a language's own file, `content/synonyms.es.yml`, is read the same way).
    static func load(_ file: URL, path: String = Synonyms.path, language: SearchLanguage = .english,
                     into diagnostics: inout [Diagnostic]) -> Synonyms
    {
        guard let data = FileManager.default.contents(atPath: file.path) else { return .empty }
        switch ContentSource.decodeUTF8(data) {
        case .success(let text):
            let (synonyms, found) = parse(text, path: path, language: language)
            diagnostics += found
            return synonyms
        case .failure(let line):
            diagnostics.append(.error(path, line: line.value, "the synonyms file is not valid UTF-8 text",
                                      fix: "save it as UTF-8"))
            return .empty
        }
    }

    /// Parses the file: a YAML list whose items are lists of two or more names, made into terms in `language`.
    public static func parse(_ text: String, path: String = Synonyms.path, language: SearchLanguage = .english)
        -> (Synonyms, [Diagnostic])
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            var diagnostic = Document.yamlDiagnostic(error, path: path, lineOffset: 0)
            diagnostic.message = diagnostic.message.replacingOccurrences(of: "the front matter", with: "the synonyms file")
            return (.empty, [diagnostic])
        }
        guard let root else { return (.empty, []) }
        let example = "write one group a line, such as `- [LDN, low-dose naltrexone, low dose naltrexone]`"
        guard case .sequence(let items) = root else {
            return (.empty, [.error(path, line: root.mark?.line, "the synonyms file must be a list of groups", fix: example)])
        }
        var names: [[String]] = []
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard case .sequence(let members) = item else {
                diagnostics.append(.error(path, line: item.mark?.line, column: item.mark?.column,
                                          "a synonym group must be a list of names", fix: example))
                continue
            }
            var group: [String] = []
            for member in members {
                guard case .scalar(let scalar) = member, !SearchText.terms(scalar.string, language: language).isEmpty else {
                    diagnostics.append(.error(path, line: member.mark?.line, column: member.mark?.column,
                                              "a synonym must be a word or a phrase with at least one searchable word",
                                              fix: "write the name as plain text; words such as `the` or `with` alone are not searched"))
                    continue
                }
                group.append(scalar.string)
            }
            // A group left short by a bad name was reported with that name; only a group written short is reported here.
            guard group.count >= 2 || group.count < members.count else {
                diagnostics.append(.error(path, line: item.mark?.line, column: item.mark?.column,
                                          "a synonym group needs at least two names", fix: example))
                continue
            }
            names.append(group)
        }
        return (Synonyms(names: names, language: language), diagnostics)
    }

    /// Groups from names as written, as terms in `language`; phrases that give the same terms are kept once.
    public init(names: [[String]], language: SearchLanguage = .english) {
        groups = names.compactMap { group in
            var seen: Set<[String]> = []
            let phrases = group.map { SearchText.terms($0, language: language) }.filter { !$0.isEmpty && seen.insert($0).inserted }
            return phrases.count >= 2 ? phrases : nil
        }
    }

    public init(groups: [[[String]]]) { self.groups = groups }

    /// These groups and the glossary's (each term with its `also_called` names, as terms in `language`), without repeats.
    public func adding(_ glossary: Glossary, language: SearchLanguage = .english) -> Synonyms {
        var all = groups + Synonyms(names: glossary.terms.map { [$0.term] + $0.alsoCalled }, language: language).groups
        var seen: Set<[[String]]> = []
        all = all.filter { seen.insert($0).inserted }
        return Synonyms(groups: all)
    }
}
