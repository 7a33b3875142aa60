// The cmark-gfm wrapper: parses Markdown with the GFM extensions and renders HTML, safely on many threads.
import CCmarkGFM
import Foundation

/// Renders Markdown bodies with the site's options. A value: share it across threads freely.
public struct MarkdownRenderer: Sendable {
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    let options: Int32
    /// Whether `RenderedMarkdown.prose` is filled in: only readability needs it (`salve check`).
    let collectsProse: Bool
    /// The callouts' titles, in the page's language.
    let strings: UIStrings
    /// The heading anchors' label around `{heading}`, split once rather than for every page.
    let headingLabel: HeadingLabel

    public init(allowRawHTML: Bool = false, collectsProse: Bool = true, strings: UIStrings = .english) {
        _ = extensionsRegistered
        options = CMARK_OPT_FOOTNOTES | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        self.collectsProse = collectsProse
        self.strings = strings
        headingLabel = HeadingLabel(strings)
    }

    /// cmark-gfm's own HTML for `markdown`, with nothing rewritten (`salve render`).
    public func html(_ markdown: String) -> String {
        withDocument(markdown) { document, extensions in render(document, extensions) }
    }

    /// Inline Markdown (a table cell) as HTML without the paragraph around it.
    func inlineHTML(_ markdown: String, links: LinkTable, from contentPath: String) -> String {
        if Self.isPlainText(markdown) { return markdown }
        var html = render(markdown, firstLine: 1, path: "", contentPath: contentPath, links: links).0.html
        if html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            html = String(html.dropFirst(3).dropLast(5))
        }
        return html
    }

    /// Renders a page body: heading ids, callouts, links rewritten through `links`, problems as diagnostics.
    /// - Parameters:
    ///   - firstLine: the file line the body starts on, so diagnostics point into the file.
    ///   - glossary: terms to link at their first use in the page.
    ///   - splitSections: render each `##` section on its own (FAQ pages) instead of one body.
    func render(
        _ markdown: String, firstLine: Int, path: String, contentPath: String, links: LinkTable,
        glossary: GlossaryMatcher? = nil, splitSections: Bool = false
    ) -> (RenderedMarkdown, [Diagnostic]) {
        if let table = TableSize.oversized(markdown) {
            let empty = RenderedMarkdown(html: "", headings: [], text: "", sections: [], links: [], prose: "")
            return (empty, [.error(
                path, line: firstLine + table.line,
                "this table has more than \(TableSize.maxCells) cells, more than a page can show",
                fix: "split it into smaller tables, or move the data to a file in media/ and link to it")])
        }
        return withDocument(markdown) { document, extensions in
            var walk = DocumentWalk(document: document, firstLine: firstLine, path: path, source: markdown,
                                    collectsProse: collectsProse)
            walk.collect()
            walk.rewriteLinks(links, from: contentPath)
            walk.rewriteImages(links, from: contentPath)
            walk.transformCallouts(strings)
            let glossaryTips = walk.linkGlossaryTerms(glossary)
            walk.replaceHeadings(headingLabel)
            var rendered = RenderedMarkdown(
                html: "", headings: walk.headings.map(\.heading), text: walk.text(of: nil),
                sections: [], links: walk.links, prose: walk.prose)
            if splitSections {
                let parts = walk.topLevelSections()
                rendered.html = parts[0].map { render($0, extensions) }.joined()
                rendered.sections = zip(walk.sectionHeadings, parts.dropFirst()).map { heading, nodes in
                    Section(
                        heading: heading.heading,
                        headingHTML: nodes.first.map { render($0, extensions) } ?? "",
                        html: nodes.dropFirst().map { render($0, extensions) }.joined(),
                        text: walk.text(of: heading.heading.id))
                }
            } else {
                rendered.html = render(document, extensions)
            }
            rendered.html += glossaryTips
            walk.freeRetired()
            return (rendered, walk.diagnostics)
        }
    }

    /// Whether cmark-gfm would give `text` back as it is, in one paragraph: words, digits, single spaces and
    /// `, . ; ( ) ? '`, starting with a letter and ending without a space (no list marker, heading, escape, entity,
    /// emphasis, link, autolink or HTML can start in it). Most comparison cells are such text, and a parse of
    /// each cell was the larger part of rendering a comparison.
    static func isPlainText(_ text: String) -> Bool {
        let space = UInt8(ascii: " ")
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let utf8 = text.utf8
        guard let first = utf8.first, isLetter(first), utf8.last != space else { return false }
        var previous = first
        var ws = 0  // how many `w`s in a row just went by: `www.` starts an autolink
        for byte in utf8 {
            switch byte {
            case _ where isLetter(byte), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ","), UInt8(ascii: ";"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "?"), UInt8(ascii: "'"):
                break
            case UInt8(ascii: "."):
                if ws >= 3 { return false }
            case space:
                if previous == space { return false }
            default:
                return false
            }
            ws = byte | 0x20 == UInt8(ascii: "w") ? ws + 1 : 0
            previous = byte
        }
        return true
    }

    private func withDocument<T>(
        _ markdown: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T
    ) -> T {
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        // Fed from the string's own bytes (cmark takes a length, not a NUL), not from a copy of every body.
        var text = markdown
        return text.withUTF8 { buffer in
            // Only a page with a `~` needs strikethrough, and only its parse touches the shared table.
            let strikes = buffer.contains(byte: UInt8(ascii: "~"))
            for name in MarkdownRenderer.extensionNames where strikes || name != "strikethrough" {
                cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
            }
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            if strikes { strikethroughLock.lock() }
            let document = cmark_parser_finish(parser)!
            if strikes { strikethroughLock.unlock() }
            defer { cmark_node_free(document) }
            return body(document, cmark_parser_get_syntax_extensions(parser))
        }
    }

    private func render(_ node: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        // Passing the parser's extensions matters: with nil, tagfilter is silently skipped.
        guard let html = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(html) }
        return inPageLanguage(String(cString: html))
    }

    /// cmark-gfm labels each footnote's back link in English itself; the page's own words replace it.
    private func inPageLanguage(_ html: String) -> String {
        let label = strings.text("footnote_back_label")
        guard label != MarkdownRenderer.footnoteBackLabel, html.contains(MarkdownRenderer.footnoteBackAttribute) else {
            return html
        }
        return html.replacingOccurrences(of: MarkdownRenderer.footnoteBackAttribute,
                                         with: "aria-label=\"\(escapeHTML(label))\"")
    }

    static let footnoteBackLabel = "Back to content"
    static let footnoteBackAttribute = "aria-label=\"\(footnoteBackLabel)\""
}

/// cmark-gfm's process-global state, set up once, lazily, before any parse, so that parses can run on many
/// threads (shared/NOTES.md). Registering the core extensions is not thread-safe. And `cmark_parser_finish`
/// adds its inline extensions' special characters to a process-global table and removes them when it ends,
/// so a parse on another thread can lose them halfway and give wrong HTML. Autolink's `:` and `w` are added
/// here once for good and its list emptied, so no finish removes them. Strikethrough's `~` must stay in its
/// list (the emphasis pass finds the extension by it), so a page with a `~` is finished under a lock, and a
/// page without one is parsed without strikethrough, which leaves the same HTML and the table alone.
private let extensionsRegistered: Void = {
    cmark_gfm_core_extensions_ensure_registered()
    let autolink = cmark_find_syntax_extension("autolink")
    let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
    cmark_parser_attach_syntax_extension(parser, autolink)
    cmark_manage_extensions_special_characters(parser, 1)
    cmark_parser_free(parser)
    cmark_syntax_extension_set_special_inline_chars(autolink, nil)
}()

private let strikethroughLock = NSLock()
