// Marks the first use of each glossary term in a page as a link to its definition. The definition stays out of
// the sentence: a hidden element after the body describes the link, and a data attribute feeds the CSS tooltip.
// Never inside links, headings, code, images or other terms.
import CCmarkGFM

/// The glossary's words, ready for matching: each lowercased form with the term it stands for.
struct GlossaryMatcher: Sendable {
    struct Form: Sendable {
        var characters: [Character]
        var term: GlossaryTerm
    }

    /// Forms by their first character, longest first, so "low-dose naltrexone" wins over "naltrexone".
    let forms: [Character: [Form]]
    let basePath: String

    init(_ glossary: Glossary, basePath: String) {
        var forms: [Character: [Form]] = [:]
        for term in glossary.terms {
            for name in [term.term] + term.alsoCalled where !name.isEmpty {
                let characters = Array(name.lowercased())
                forms[characters[0], default: []].append(Form(characters: characters, term: term))
            }
        }
        self.forms = forms.mapValues { $0.sorted { $0.characters.count > $1.characters.count } }
        self.basePath = basePath
    }

    /// The first match at or after `start` whose term is not in `used`: (offset, length, term).
    func firstMatch(in characters: [Character], from start: Int, skipping used: Set<String>) -> (Int, Int, GlossaryTerm)? {
        var index = start
        while index < characters.count {
            let isWordStart = index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
            if isWordStart, let candidates = forms[Character(characters[index].lowercased())] {
                for form in candidates where !used.contains(form.term.slug) && matches(form, characters, at: index) {
                    return (index, form.characters.count, form.term)
                }
            }
            index += 1
        }
        return nil
    }

    private func matches(_ form: Form, _ characters: [Character], at index: Int) -> Bool {
        let end = index + form.characters.count
        guard end <= characters.count else { return false }
        if end < characters.count, characters[end].isLetter || characters[end].isNumber { return false }
        for offset in 0..<form.characters.count where Character(characters[index + offset].lowercased()) != form.characters[offset] {
            return false
        }
        return true
    }
}

extension DocumentWalk {
    /// Splits text nodes around the first use of each term and wraps the term in a custom inline link.
    /// Returns the hidden definitions the links point to, to put after the body (empty when no term was found):
    /// outside the paragraph, copying it gives the sentence as written, and screen readers hear each definition
    /// once, as its link's description.
    mutating func linkGlossaryTerms(_ matcher: GlossaryMatcher?) -> String {
        guard let matcher, !matcher.forms.isEmpty else { return "" }
        var used: Set<String> = []
        var tips: [String] = []
        for textNode in glossaryCandidates {
            var node = textNode
            var characters = Array(cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
            while let (offset, length, term) = matcher.firstMatch(in: characters, from: 0, skipping: used) {
                let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                // A table cell cannot hold a custom inline, so cmark refuses the link there. The text then stays
                // whole, the term waits for its next use, and the new node is ours to free (fuzzing found the
                // leak; before, the rest of the cell's text was lost too).
                guard cmark_node_insert_after(node, link) == 1 else {
                    cmark_node_free(link)
                    break
                }
                used.insert(term.slug)
                let after = Array(characters[(offset + length)...])
                cmark_node_set_literal(node, String(characters[..<offset]))
                let tipID = "glossary-tip-\(term.slug)"
                let definition = escapeHTML(term.definition)
                cmark_node_set_on_enter(
                    link,
                    "<a class=\"glossary-term\" href=\"\(escapeHTML(matcher.basePath))glossary/#\(term.slug)\" "
                        + "aria-describedby=\"\(tipID)\" data-definition=\"\(definition)\">")
                cmark_node_set_on_exit(link, "</a>")
                tips.append("<span id=\"\(tipID)\">\(definition)</span>")
                let matchText = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(matchText, String(characters[offset..<(offset + length)]))
                cmark_node_append_child(link, matchText)
                let rest = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(rest, String(after))
                cmark_node_insert_after(link, rest)
                node = rest
                characters = after
            }
        }
        return tips.isEmpty ? "" : "<div class=\"glossary-tips\" hidden>\n" + tips.joined(separator: "\n") + "\n</div>\n"
    }
}
