// What a link in content points at, worked out from the text an editor wrote.

public enum LinkDestination: Sendable, Equatable, Hashable {
    /// Has a scheme (`https:`, `mailto:`) or starts with `//`: left alone.
    case external(String)
    /// `#id` on the same page.
    case anchor(String)
    /// Another content file (`articles/ldn.md`, under content/), with an optional anchor.
    case content(path: String, anchor: String?)
    /// A root-relative site path without the base path (`media/x.png`, `articles/ldn/`), with an optional anchor;
    /// also a relative link to a file in content/media (`../media/x.png`).
    case site(path: String, anchor: String?)
    /// A relative link that is neither a content file nor a file in content/media; left alone.
    case relative(String)

    /// Classifies `url` as written in the file at `contentPath`, or says why it cannot be followed.
    static func classify(_ url: String, from contentPath: String) -> Result<LinkDestination, LinkProblem> {
        if url.isEmpty { return .failure(.empty) }
        if url.hasPrefix("#") { return .success(.anchor(String(url.dropFirst()))) }
        if url.hasPrefix("//") || hasScheme(url) { return .success(.external(url)) }
        let (pathPart, anchor) = splitAnchor(url)
        let decoded = pathPart.removingPercentEncodingLite ?? pathPart
        if decoded.hasSuffix(".md") {
            let base = decoded.hasPrefix("/") ? "" : folder(of: contentPath)
            guard let path = normalise(joining: base, decoded) else { return .failure(.leavesContent(url)) }
            return .success(.content(path: path, anchor: anchor))
        }
        if decoded.hasPrefix("/") {
            guard let path = normalise(joining: "", decoded) else { return .failure(.leavesContent(url)) }
            let keepsSlash = decoded.hasSuffix("/") && !path.isEmpty
            return .success(.site(path: keepsSlash ? path + "/" : path, anchor: anchor))
        }
        // A relative path to a file in content/media is written from the Markdown file's folder, not the page's
        // URL (`../media/p.png` from articles/ldn.md), so it becomes a site path like a root-relative one.
        if let path = normalise(joining: folder(of: contentPath), decoded), path.hasPrefix(ContentSource.mediaFolder + "/") {
            return .success(.site(path: path, anchor: anchor))
        }
        return .success(.relative(url))
    }

    // The helpers below read UTF-8 bytes: every separator they look for is ASCII, and a link is classified for
    // every link of every page.

    private static func hasScheme(_ url: String) -> Bool {
        for (offset, byte) in url.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                continue
            default: return false
            }
        }
        return false
    }

    private static func splitAnchor(_ url: String) -> (String, String?) {
        guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (url, nil) }
        let anchor = String(url[url.utf8.index(after: hash)...])
        return (String(url[..<hash]), anchor.isEmpty ? nil : anchor)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Joins and resolves `.` and `..`; nil when the result would climb above the root.
    static func normalise(joining base: String, _ relative: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // Most links have nothing to resolve but leading `../` parts, each taking the base's last folder.
        if isPlain(base) {
            var (base, relative) = (Substring(base), Substring(relative))
            while relative.utf8.starts(with: "../".utf8), !base.isEmpty {
                base = base.utf8.lastIndex(of: slash).map { base[..<$0] } ?? ""
                relative = relative.dropFirst(3)
            }
            if isPlain(relative) { return base.isEmpty ? String(relative) : String(base) + "/" + String(relative) }
        }
        var parts = relative.utf8.first == slash ? [] : base.utf8.split(separator: slash)
        for part in relative.utf8.split(separator: slash) {
            if part.count == 1, part.first == dot { continue }
            if part.count == 2, part.first == dot, part.last == dot {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(base.utf8.count + relative.utf8.count)
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(slash) }
            bytes.append(contentsOf: part)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `path` is relative and already normal: no empty, `.` or `..` part, nor a `/` at either end.
    private static func isPlain(_ path: some StringProtocol) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "/") || path.isEmpty
    }
}

enum LinkProblem: Error, Equatable {
    case empty
    case leavesContent(String)
}

extension String {
    /// Decodes `%XX` escapes (UTF-8); nil when an escape is malformed.
    var removingPercentEncodingLite: String? {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 48...57: byte - 48
    case 65...70: byte - 55
    case 97...102: byte - 87
    default: nil
    }
}
