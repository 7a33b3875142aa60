// published-urls.txt: every URL path the site has published, kept by the build like a lockfile, so a URL
// printed on a leaflet never disappears without someone deciding it should.
import Foundation

/// The list of published URL paths, as read from the project's published-urls.txt.
public struct PublishedURLs: Sendable, Equatable {
    /// The file's name at the project root.
    public static let fileName = "published-urls.txt"
    /// The first line of the file; the build changes only a file that starts with it (one it made).
    static let marker = "# Salve published URLs"
    /// The first line of the file as the build writes it.
    public static let header = marker
        + ": every URL path this site has published, without the base path. Commit this file; salve build adds new"
        + " URLs, and a URL leaves it only when you remove its line or build with --accept-removed."

    /// Each URL path with the file line it is on (`/articles/ldn-fibromyalgia/`).
    public var paths: [Located<String>]

    /// Reads the file's text; an error when it was not made by Salve or a line is not a URL path.
    static func parse(_ text: String) -> Result<PublishedURLs, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.hasPrefix(marker) == true else {
            return .failure(.error(fileName, line: 1, "\(fileName) was not made by Salve, so the build leaves it alone",
                                   fix: "rename the file, or start it with the line `\(marker)` to let the build keep it"))
        }
        var paths: [Located<String>] = []
        for (index, line) in lines.enumerated().dropFirst() {
            let path = line.trimmingWhitespace()
            if path.isEmpty || path.hasPrefix("#") { continue }
            // Bytes first: a path of visible ASCII has no space, and the Character walk was most of this step.
            let visibleASCII = path.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            guard path.hasPrefix("/"), visibleASCII || !path.contains(where: \.isWhitespace) else {
                return .failure(.error(fileName, line: index + 1, column: 1, "this line is not a URL path: \"\(path)\"",
                                       fix: "write one path per line starting with /, such as /articles/ldn-fibromyalgia/"))
            }
            paths.append(Located(path, line: index + 1, column: 1))
        }
        return .success(PublishedURLs(paths: paths))
    }

    /// The file's text for `paths`: the header, then the paths sorted, one a line.
    static func text(_ paths: Set<String>) -> String {
        ([header] + paths.sorted()).joined(separator: "\n") + "\n"
    }

    /// An error for each recorded path that `current` does not hold: a page was renamed, moved or deleted
    /// without a redirect.
    func removed(from current: Set<String>) -> [Diagnostic] {
        paths.filter { !current.contains($0.value) }.map { path in
            .error(PublishedURLs.fileName, line: path.line, column: path.column,
                   "the URL \(path.value) was published, and this build no longer makes it",
                   fix: "add moved_from: [\(path.value)] to the page that replaced it, or remove the line to retire it")
        }
    }
}
