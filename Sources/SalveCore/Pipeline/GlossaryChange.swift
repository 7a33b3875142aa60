// Which glossary words changed between two glossaries, so the preview re-renders only the pages whose Markdown
// holds one of them (adding a term must not re-render ten thousand pages that never use it).
import Foundation

struct GlossaryChange: Sendable {
    /// Lowercased forms (a term's name or another name) whose terms differ between the two glossaries.
    private let forms: [String]
    /// A changed form with letters beyond ASCII: case mapping and canonical equivalence make a byte search unsound
    /// for those, so every page counts as affected.
    private let affectsAll: Bool

    init(from old: Glossary, to new: Glossary) {
        let before = Self.termsByForm(old), after = Self.termsByForm(new)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        forms = changed.sorted()
        affectsAll = changed.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// False only when the glossary matcher cannot find any changed form in `markdown`: it matches a form where
    /// each character, lowercased, equals the form's; for an ASCII form that means the form's bytes occur in the
    /// lowercased text (so this test may say true where the matcher finds nothing, never the reverse).
    func mayAffect(_ markdown: String) -> Bool {
        guard !forms.isEmpty else { return false }
        guard !affectsAll else { return true }
        let text = markdown.lowercased()
        return forms.contains { text.containsBytes(of: $0) }
    }

    private static func termsByForm(_ glossary: Glossary) -> [String: [GlossaryTerm]] {
        var terms: [String: [GlossaryTerm]] = [:]
        for term in glossary.terms {
            for name in [term.term] + term.alsoCalled where !name.isEmpty {
                terms[name.lowercased(), default: []].append(term)
            }
        }
        return terms
    }
}
