// Callouts: a blockquote starting with `[!NOTE]`, `[!WARNING]`, `[!NON-URGENT]`, `[!URGENT]` or `[!EMERGENCY]`
// becomes a marked note (a `div` with role note), with hidden text that tells screen reader users how urgent
// it is (NHS care cards).
import CCmarkGFM

enum Callout: String, CaseIterable {
    case note = "NOTE"
    case warning = "WARNING"
    case nonUrgent = "NON-URGENT"
    case urgent = "URGENT"
    case emergency = "EMERGENCY"

    var className: String { "callout callout-" + rawValue.lowercased() }

    /// The strings key of the callout's title, and of what screen readers hear before it.
    private var key: String { rawValue.lowercased().replacingOccurrences(of: "-", with: "_") }

    /// What screen readers hear before the title (none for a note or warning, whose title says it).
    func hiddenPrefix(_ strings: UIStrings) -> String {
        switch self {
        case .note, .warning: ""
        default: strings.text("callout_" + key + "_prefix")
        }
    }

    func title(_ strings: UIStrings) -> String { strings.text("callout_" + key) }

    func openingHTML(_ strings: UIStrings) -> String {
        let hiddenPrefix = escapeHTML(hiddenPrefix(strings)), title = escapeHTML(title(strings))
        let hidden = hiddenPrefix.isEmpty ? "" : "<span class=\"visually-hidden\">\(hiddenPrefix)</span>"
        // Not an <aside>: each aside is a landmark, and two of one kind on a page would be landmarks with one name.
        return "<div class=\"\(className)\" role=\"note\">\n<p class=\"callout-title\">\(hidden)\(title)</p>\n"
    }
}

extension DocumentWalk {
    /// Removes a leading `[!TYPE]` marker from a blockquote and returns its callout; nil for a plain quote.
    /// Runs while the walk enters the quote: its children are not visited yet, so the marker never
    /// reaches the page's text.
    static func stripCalloutMarker(_ quote: OpaquePointer) -> Callout? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        // cmark splits `[!NOTE]` into several text nodes ("[", "!NOTE", "]"), so read the run of them.
        var textNodes: [OpaquePointer] = []
        var leading = ""
        var node = cmark_node_first_child(paragraph)
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            textNodes.append(current)
            leading += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            node = cmark_node_next(current)
        }
        guard let callout = Callout.allCases.first(where: { leading.hasPrefix("[!\($0.rawValue)]") }) else {
            return nil
        }
        let rest = leading.dropFirst(callout.rawValue.count + 3).trimmingWhitespace()
        for extra in textNodes.dropFirst() { cmark_node_free(extra) }
        if rest.isEmpty {
            if let next = cmark_node_next(textNodes[0]),
                [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next))
            {
                cmark_node_free(next)
            }
            cmark_node_free(textNodes[0])
            if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        } else {
            cmark_node_set_literal(textNodes[0], rest)
        }
        return callout
    }

    /// Wraps each marked blockquote's content in a callout, replacing the blockquote.
    mutating func transformCallouts(_ strings: UIStrings) {
        for (quote, callout) in callouts {
            let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(box, callout.openingHTML(strings))
            cmark_node_set_on_exit(box, "</div>")
            while let child = cmark_node_first_child(quote) {
                cmark_node_append_child(box, child)
            }
            cmark_node_replace(quote, box)
            retired.append(quote)
        }
    }
}
