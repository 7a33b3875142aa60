// One pass over a parsed cmark-gfm tree: collects headings, links and text, then applies Salve's changes.
import CCmarkGFM
import Foundation

/// The facts found in one document tree, and the edits made to it before rendering.
struct DocumentWalk {
    struct FoundHeading {
        var node: OpaquePointer
        var heading: Heading
        var isSection: Bool
    }

    let document: OpaquePointer
    let firstLine: Int
    let path: String
    private(set) var headings: [FoundHeading] = []
    private(set) var links: [FoundLink] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var linkNodes: [(node: OpaquePointer, url: String, line: Int, column: Int?, hasText: Bool)] = []
    /// The Markdown, and the byte offset where each of its lines starts, to turn cmark's byte columns into
    /// character columns (found with a byte scan: splitting every page into Substrings cost more than cmark).
    private let source: String
    private let lineStarts: [Int]
    /// Text nodes outside links and headings: where glossary terms may be marked.
    private(set) var glossaryCandidates: [OpaquePointer] = []
    /// Body prose for readability: paragraphs only, no headings, tables or code; one sentence end per block.
    private(set) var prose = ""
    private(set) var callouts: [(quote: OpaquePointer, callout: Callout)] = []
    /// Nodes taken out of the tree. They are freed only after rendering, because the text nodes moved out of
    /// them can still point into their buffers (a use-after-free the fuzzer found).
    var retired: [OpaquePointer] = []
    /// The body's plain text. Each section's text is a range of it (UTF-8 offsets, from after its heading to
    /// where the next section's heading starts), rather than a copy: every text node was appended twice, and
    /// found its section's copy by hashing the section's id.
    private var allText = ""
    private var sectionRanges: [String: Range<Int>] = [:]
    /// The open section's id and where its text starts.
    private var openSection: (id: String, start: Int)?

    private let collectsProse: Bool

    init(document: OpaquePointer, firstLine: Int, path: String, source: String = "", collectsProse: Bool = true) {
        self.collectsProse = collectsProse
        self.source = source
        var starts = [0]
        var text = source
        text.withUTF8 { $0.forEachOffset(of: 10) { starts.append($0 + 1) } }
        self.lineStarts = starts
        self.document = document
        self.firstLine = firstLine
        self.path = path
    }

    var sectionHeadings: [FoundHeading] { headings.filter(\.isSection) }

    mutating func collect() {
        var ids = HeadingIDs()
        var headingText: String? = nil
        var linkText: String? = nil
        var openLink: Int? = nil
        var imageDepth = 0
        var tableDepth = 0
        var paragraph = ""
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            let isTopLevel = cmark_node_parent(node) == document
            switch type {
            case CMARK_NODE_HEADING where entering:
                headingText = ""
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                let text = (headingText ?? "").trimmingWhitespace()
                let heading = Heading(level: level, text: text, id: ids.next(for: text), line: line(of: node))
                let isSection = level == 2 && isTopLevel
                headings.append(FoundHeading(node: node, heading: heading, isSection: isSection))
                if isSection {
                    closeSection()
                    allText += text + "\n"
                    openSection = (heading.id, allText.utf8.count)
                } else {
                    append(text + "\n")
                }
                headingText = nil
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if headingText != nil { headingText! += literal } else { append(literal) }
                if linkText != nil { linkText! += literal }
                // An image's alt text is not running prose: readability formulas would count it as sentences.
                if type == CMARK_NODE_TEXT, headingText == nil, imageDepth == 0 {
                    if linkText == nil { glossaryCandidates.append(node) }
                    if collectsProse { paragraph += literal }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if headingText != nil { headingText! += " " } else { append(" ") }
                if collectsProse { paragraph += " " }
            case CMARK_NODE_LINK where entering, CMARK_NODE_IMAGE where entering:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                linkNodes.append((node, url, line(of: node), column(of: node), true))
                if type == CMARK_NODE_LINK {
                    linkText = ""
                    openLink = linkNodes.count - 1
                } else {
                    imageDepth += 1
                }
                if type == CMARK_NODE_IMAGE, linkText != nil { linkText! += "image" }
                if type == CMARK_NODE_IMAGE, cmark_node_first_child(node) == nil {
                    diagnostics.append(
                        .warning(path, line: line(of: node), column: column(of: node), "an image has no alt text",
                                 fix: "describe the image in the brackets: ![what it shows](…)"))
                }
            case CMARK_NODE_IMAGE:
                imageDepth -= 1
            case CMARK_NODE_LINK:
                // Links do not nest, so the link closing now is the one opened last.
                if let index = openLink { linkNodes[index].hasText = !(linkText ?? "").trimmingWhitespace().isEmpty }
                linkText = nil
                openLink = nil
            case CMARK_NODE_BLOCK_QUOTE where entering:
                if let callout = DocumentWalk.stripCalloutMarker(node) { callouts.append((node, callout)) }
            case CMARK_NODE_ITEM where !entering:
                endListItem(isLast: cmark_node_next(node) == nil)
            case CMARK_NODE_PARAGRAPH where entering:
                paragraph = ""
            case CMARK_NODE_PARAGRAPH:
                if tableDepth == 0, collectsProse { addProse(paragraph) }
                append("\n")
            default:
                if type.rawValue & 0xc000 == 0x8000, type != CMARK_NODE_DOCUMENT {
                    if isTable(type, node) { tableDepth += entering ? 1 : -1 }
                    if !entering { append("\n") }
                }
            }
        }
        closeSection()
    }

    private func isTable(_ type: cmark_node_type, _ node: OpaquePointer) -> Bool {
        guard ![CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_BLOCK_QUOTE,
                 CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_DEFINITION].contains(type)
        else { return false }
        return cmark_node_get_type_string(node).map { String(cString: $0) } == "table"
    }

    /// Adds one paragraph to the prose, ending it like a sentence so list items do not run together.
    private mutating func addProse(_ paragraph: String) {
        let text = paragraph.collapsingWhitespace()
        guard !text.isEmpty else { return }
        let ends = text.reversed().first { !"\"'”’)".contains($0) }.map { ".!?:;".contains($0) } ?? false
        prose += (prose.isEmpty ? "" : "\n") + text + (ends ? "" : ".")
    }

    /// Ends a list item like a clause ("a; b; c."), so search snippets of the text keep the items apart.
    private mutating func endListItem(isLast: Bool) {
        // Only the open section's text counts (all of it before the first section).
        let start = allText.utf8.index(allText.startIndex, offsetBy: openSection?.start ?? 0)
        let end = allText[start...].last(where: { !$0.isWhitespace })
        if let end, !".!?:;,".contains(end) {
            // The mark goes right after the item's last word, before the line break its paragraph ended with.
            while allText.last?.isWhitespace == true { allText.removeLast() }
            append(isLast ? "." : ";")
        }
        append("\n")
    }

    private mutating func append(_ text: String) {
        // One line break is as good as many: the text's whitespace is collapsed when it is read.
        if !text.isEmpty, !(text == "\n" && allText.hasSuffix("\n")) { allText += text }
    }

    private mutating func closeSection() {
        guard let open = openSection else { return }
        sectionRanges[open.id] = open.start..<allText.utf8.count
        openSection = nil
    }

    /// Plain text of a section (nil: the whole body), with runs of whitespace collapsed.
    func text(of section: String?) -> String {
        guard let section else { return allText.collapsingWhitespace() }
        guard let range = sectionRanges[section] else { return "" }
        let utf8 = allText.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return allText[index(range.lowerBound)..<index(range.upperBound)].collapsingWhitespace()
    }

    /// The document's top-level nodes as they are now, split where each section's heading starts: first those
    /// before the first section, then each section's, its heading first. Read from the tree once all edits are
    /// made, so nodes replaced on the way need no bookkeeping.
    func topLevelSections() -> [[OpaquePointer]] {
        let starts = Set(sectionHeadings.map(\.node))
        var sections: [[OpaquePointer]] = [[]]
        var child = cmark_node_first_child(document)
        while let node = child {
            if starts.contains(node) { sections.append([]) }
            sections[sections.count - 1].append(node)
            child = cmark_node_next(node)
        }
        return sections
    }

    func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return firstLine + line - 1 }
            current = cmark_node_parent(candidate)
        }
        return firstLine
    }

    /// cmark-gfm's start column is a byte offset in its line; editors count characters.
    func column(of node: OpaquePointer) -> Int? {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        guard line > 0, byteColumn > 0 else { return nil }
        guard line <= lineStarts.count else { return byteColumn }
        let lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : source.utf8.count
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, lineEnd)
        var text = source
        return text.withUTF8 { bytes in
            let prefix = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // In ASCII each byte is a character; only other text is decoded to count them.
            guard prefix.contains(where: { $0 >= 0x80 }) else { return prefix.count + 1 }
            return String(decoding: prefix, as: UTF8.self).count + 1
        }
    }
}

extension DocumentWalk {
    /// Rewrites links to `.md` files into page URLs and site paths under the base path.
    mutating func rewriteLinks(_ table: LinkTable, from contentPath: String) {
        for (node, url, line, column, hasText) in linkNodes {
            switch LinkDestination.classify(url, from: contentPath) {
            case .failure(.empty):
                if cmark_node_get_type(node) == CMARK_NODE_LINK {
                    diagnostics.append(.error(path, line: line, column: column, "a link has no address",
                                              fix: "write the address in the brackets: [text](../faqs/ldn.md)"))
                }
            case .failure(.leavesContent(let original)):
                diagnostics.append(.error(path, line: line, column: column,
                                          "the link \"\(original)\" points outside content/",
                                          fix: "link to a file inside content/"))
            case .success(let destination):
                links.append(FoundLink(destination: destination, line: line, column: column, hasText: hasText, written: url))
                // The build stops on the linked file's own error; it is the one to report.
                switch table.checkedHref(for: destination, original: url) {
                case nil:
                    continue
                case .success(let href):
                    if href != url { cmark_node_set_url(node, href) }
                case .failure(var diagnostic):
                    diagnostic.path = path
                    diagnostic.line = line
                    diagnostic.column = column
                    diagnostics.append(diagnostic)
                }
            }
        }
    }

    /// Gives each heading its id and a visible anchor link. Custom nodes are the one way to add
    /// attributes that cmark's safe mode does not strip (shared/NOTES.md); ids are `[a-z0-9_-]`.
    mutating func replaceHeadings(_ label: HeadingLabel) {
        // The tags are put together in one byte buffer, ended by a NUL for cmark (which copies them): string
        // interpolation grew a new string for each, a third of this step.
        var tag: [UInt8] = []
        tag.reserveCapacity(256)
        func set(_ setter: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32, _ node: OpaquePointer?, _ parts: [String]) {
            tag.removeAll(keepingCapacity: true)
            for part in parts { tag += part.utf8 }
            tag.append(0)
            _ = tag.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { setter(node, $0.baseAddress) }
            }
        }
        for index in headings.indices {
            let old = headings[index].node
            let heading = headings[index].heading
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            let level = String(heading.level)
            set(cmark_node_set_on_enter, inline, ["<h", level, " id=\"", heading.id, "\">"])
            set(cmark_node_set_on_exit, inline, [" <a class=\"heading-anchor\" href=\"#", heading.id, "\" aria-label=\"",
                                                 escapeHTML(label(heading.text)), "\">#</a></h", level, ">"])
            while let child = cmark_node_first_child(old) {
                cmark_node_append_child(inline, child)
            }
            cmark_node_append_child(block, inline)
            cmark_node_replace(old, block)
            headings[index].node = block!
            retired.append(old)
        }
    }

    func freeRetired() {
        for node in retired { cmark_node_free(node) }
    }
}
