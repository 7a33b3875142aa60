// Local images written with their size and lazy loading, and an image with a title alone in its paragraph as a
// figure with a caption. cmark's safe mode drops raw HTML, so each becomes a custom node, written verbatim: every
// value in it is escaped here.
import CCmarkGFM

extension DocumentWalk {
    /// Rewrites each image of this site (a site path, after `rewriteLinks`): `width` and `height` when its file
    /// gives them, `loading="lazy"` and `decoding="async"`. External and relative images are left as they are.
    mutating func rewriteImages(_ table: LinkTable, from contentPath: String) {
        for (node, url, _, _, _) in linkNodes where cmark_node_get_type(node) == CMARK_NODE_IMAGE {
            guard case .success(.site(let path, _)) = LinkDestination.classify(url, from: contentPath) else { continue }
            let src = cmark_node_get_url(node).map { String(cString: $0) } ?? url
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            let alt = DocumentWalk.plainText(of: node)
            // Through `resolution`, so the preview notes that this page depends on the image's size.
            let size = table.resolution(path).imageSize
            let parent = cmark_node_parent(node)
            let alone = parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } == true
                && cmark_node_first_child(parent) == node && cmark_node_last_child(parent) == node
            if !title.isEmpty, alone, let paragraph = parent {
                let image = DocumentWalk.imageTag(src: src, alt: alt, title: nil, size: size)
                let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(
                    figure, "<figure>\n\(image)\n<figcaption>\(escapeHTML(title))</figcaption>\n</figure>")
                cmark_node_replace(paragraph, figure)
                retired.append(paragraph)
            } else {
                let image = DocumentWalk.imageTag(src: src, alt: alt, title: title.isEmpty ? nil : title,
                                                  size: size)
                let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(inline, image)
                cmark_node_replace(node, inline)
                retired.append(node)
            }
        }
    }

    /// An `<img>` element with every attribute escaped.
    static func imageTag(src: String, alt: String, title: String?, size: ImageSize?) -> String {
        var tag = "<img src=\"\(escapeHTML(escapeURL(src)))\" alt=\"\(escapeHTML(alt))\""
        if let title { tag += " title=\"\(escapeHTML(title))\"" }
        if let size { tag += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        return tag + " loading=\"lazy\" decoding=\"async\">"
    }

    /// Percent-encodes what may not stand in a URL as written (spaces, quotes, non-ASCII), as cmark does for the
    /// addresses it writes; `%` is kept, so an address already encoded stays as it is.
    static func escapeURL(_ url: String) -> String {
        var escaped = ""
        for byte in url.utf8 {
            let keep = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/!$()*+,;=:@%#?&".utf8.contains(byte)
            escaped += keep ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
        return escaped
    }

    /// The text of a node's children as a screen reader hears an image's alt text: no markup.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
