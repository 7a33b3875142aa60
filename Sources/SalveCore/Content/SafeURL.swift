// The one rule for URLs that come from content or settings: http, https, mailto or relative, nothing else.

/// Decides whether a URL written by an editor may be published as a link.
///
/// The scheme is read the way a browser reads it (the WHATWG URL parser): leading and trailing C0 controls and
/// spaces are trimmed, tabs and line breaks anywhere are removed, and the scheme is case-insensitive. So
/// `" JaVa\tScRiPt:alert(1)"` is a `javascript:` URL, and it is refused.
public enum SafeURL {
    /// The schemes a patient-education link may use.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Why a URL is refused.
    public enum Problem: Error, Sendable, Equatable {
        /// A scheme other than http, https and mailto (lowercased as the browser would read it).
        case scheme(String)
        /// Something before the first `:` that is neither a scheme nor a path (`java&#115;cript:`, `%6a:`),
        /// which a browser or a later decoding step might still turn into one.
        case ambiguousScheme(String)
        /// A control character (C0, DEL or C1), shown as U+XXXX.
        case controlCharacter(String)

        /// A sentence for a diagnostic, naming the URL.
        public func message(for url: String) -> String {
            switch self {
            case .scheme(let scheme): "the address \"\(url)\" uses `\(scheme):`, which is not allowed in a link"
            case .ambiguousScheme:
                "the address \"\(url)\" has a `:` or `&` in its first part that does not start a known scheme"
            case .controlCharacter(let code): "the address \"\(url)\" contains the control character \(code)"
            }
        }

        public static let fix = "use an https://, http:// or mailto: address, or a relative path"
    }

    /// Nil when `url` is safe to publish, else why not.
    public static func problem(in url: String) -> Problem? {
        if let control = url.unicodeScalars.first(where: isControl) {
            return .controlCharacter(codePoint(control))
        }
        guard let scheme = scheme(of: url) else {
            // `java&#115;cript&colon;…` is a harmless path while the template escapes it, and a `javascript:`
            // link wherever something decodes entities first: refuse an entity before the first `/`, `?` or `#`.
            let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return head.contains("&") ? .ambiguousScheme(String(head)) : nil
        }
        if allowedSchemes.contains(scheme) { return nil }
        return isSchemeSyntax(scheme) ? .scheme(scheme) : .ambiguousScheme(scheme)
    }

    /// True when `url` may be published.
    public static func isSafe(_ url: String) -> Bool { problem(in: url) == nil }

    /// The lowercased text before the first `:` when that colon comes before any `/`, `?` or `#` (where a
    /// browser would look for a scheme), after the browser's trimming; nil for a relative URL.
    public static func scheme(of url: String) -> String? {
        // Indices, not removeFirst(): mutating a scalar view copies the string each time.
        let scalars = url.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].value <= 0x20 { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].value <= 0x20 { end = scalars.index(before: end) }
        var head = String.UnicodeScalarView()
        for scalar in scalars[start..<end] where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            if scalar == ":" { return String(head).lowercased() }
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            head.append(scalar)
        }
        return nil
    }

    /// An absolute `http://` or `https://` address with a host, as salve.yml's `base_url` must be.
    public static func isAbsoluteWebAddress(_ url: String) -> Bool {
        guard problem(in: url) == nil, url == url.trimmingWhitespace(),
            !url.unicodeScalars.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" })
        else { return false }
        let lowered = url.lowercased()
        for prefix in ["https://", "http://"] where lowered.hasPrefix(prefix) {
            let host = lowered.dropFirst(prefix.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return !host.isEmpty && !host.hasPrefix(":") && !host.hasPrefix("@")
        }
        return false
    }

    /// C0 controls (tab and line breaks included: a URL holds none), DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `[A-Za-z][A-Za-z0-9+.-]*`, RFC 3986's scheme.
    private static func isSchemeSyntax(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "."
        }
    }

    /// `U+001B`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
