// A page's history as its front matter tells it: the addresses it was published at before, when it last changed
// and what changed.

/// One line of a page's `changes:` list.
public struct Change: Sendable, Equatable {
    public var date: Day
    /// One plain sentence saying what changed.
    public var text: String
}

/// An address a page was published at before (`moved_from`), as a site path without the base path.
public enum MovedPath {
    /// The site path that `text` (`/articles/old-name/`) names, without the leading `/` (`articles/old-name/`), or
    /// why it cannot be used. A path without a trailing `/` and without a file extension is a folder, as browsers
    /// and hosts treat it; a last part with a `.` (`/old/page.html`) is a file.
    public static func normalise(_ text: String) -> Result<String, Problem> {
        if text.contains("://") || (text.first != "/" && text.contains(":")) { return .failure(.fullAddress) }
        guard text.first == "/" else { return .failure(.notRooted) }
        if text.contains("?") || text.contains("#") { return .failure(.queryOrAnchor) }
        var parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let folder = parts.last == ""
        if folder { parts.removeLast() }
        guard !parts.isEmpty else { return .failure(.homePage) }
        for part in parts {
            guard !part.isEmpty else { return .failure(.emptyPart) }
            // `.` and `..` would leave the folder; any other `.name` is hidden, where the output keeps .git.
            guard !part.hasPrefix(".") else { return .failure(.dotPart) }
            guard part.utf8.count <= 255 else { return .failure(.longPart) }
            guard part.utf8.allSatisfy(isPathByte) else { return .failure(.character) }
        }
        let path = parts.joined(separator: "/")
        return .success(folder || !parts.last!.contains(".") ? path + "/" : path)
    }

    /// Letters, digits and `-._~`: the characters a URL path holds without escaping, the same in every host's rules.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
            || byte == 45 || byte == 46 || byte == 95 || byte == 126
    }

    /// Why an old address cannot be redirected.
    public enum Problem: Error, Sendable, Equatable {
        case fullAddress, notRooted, queryOrAnchor, homePage, emptyPart, dotPart, longPart, character

        public var message: String {
            switch self {
            case .fullAddress: "is a full address; `moved_from` takes a path on this site"
            case .notRooted: "does not start with `/`"
            case .queryOrAnchor: "has a `?` or `#` part, which a redirect cannot match"
            case .homePage: "is the home page, which is always a live page"
            case .emptyPart: "has an empty part (`//`)"
            case .dotPart: "has a `.`, `..` or hidden (`.name`) part"
            case .longPart: "has a part longer than a file name can be (255 bytes)"
            case .character: "has a character other than letters, digits and - . _ ~"
            }
        }
    }
}
