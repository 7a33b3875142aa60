// Redirects from a page's old addresses (`moved_from`) to the page, checked against every file the build makes.

/// One old address of a page and the page it now leads to.
public struct Redirect: Sendable, Equatable {
    /// The old site path without the base path: a folder (`articles/old-name/`) or a file (`old/page.html`).
    public var from: String
    /// The page's site path (`articles/new-name/`).
    public var to: String
    /// The page's title, for the link on the redirect page.
    public var title: String
    /// The file that claims the old address, and where.
    public var sourcePath: String
    public var line: Int?
    public var column: Int?
    /// The language of the page it leads to, and the theme's words in it, for the redirect page.
    public var language: String? = nil
    public var strings: UIStrings = .english

    /// The same redirect in the part of the site under `prefix` (`es/`), as the whole site's paths.
    func under(_ prefix: String) -> Redirect {
        var moved = self
        moved.from = prefix + from
        moved.to = prefix + to
        return moved
    }

    /// The file written at the old address.
    public var file: String { from.hasSuffix("/") ? from + "index.html" : from }

    /// Every redirect of `pages`, and an error for each old address that another page claims too, that is a live
    /// page or file, or that needs a folder where the build writes a file (or the other way round). An old address
    /// in a kept entry (`keep:`, CNAME) is refused: the build never writes there.
    static func plan(pages: [Page], outputPaths: Set<String>, kept: Set<String>) -> ([Redirect], [Diagnostic]) {
        // Most sites have no moved pages; the checks below cost a pass over every output path.
        guard pages.contains(where: { !$0.metadata.movedFrom.isEmpty }) else { return ([], []) }
        let livePages = Dictionary(pages.map { ($0.sitePath + "index.html", $0.document.sourcePath) },
                                   uniquingKeysWith: { a, _ in a })
        let outputFolders = Set(outputPaths.flatMap(folders))
        var claimed: [String: Redirect] = [:]
        // The folders above every claimed file, so "is this file another redirect's folder" is one lookup.
        var claimedFolders: [String: Redirect] = [:]
        var redirects: [Redirect] = []
        var diagnostics: [Diagnostic] = []
        let candidates = pages.flatMap { page in
            page.metadata.movedFrom.map { old in
                Redirect(from: old.value, to: page.sitePath, title: page.metadata.title,
                         sourcePath: page.document.sourcePath, line: old.line, column: old.column)
            }
        }.sorted { ($0.sourcePath, $0.line ?? 0) < ($1.sourcePath, $1.line ?? 0) }
        for redirect in candidates {
            let shown = "/" + redirect.from
            func error(_ message: String, fix: String) {
                diagnostics.append(.error(redirect.sourcePath, line: redirect.line, column: redirect.column, message, fix: fix))
            }
            let top = String(redirect.from.prefix { $0 != "/" })
            if let other = claimed[redirect.file] {
                error("the old address \(shown) is also claimed by \(other.sourcePath)" + (other.line.map { " (line \($0))" } ?? ""),
                      fix: "keep it in the `moved_from` of the page that replaced the old one, and remove it from the other")
            } else if let live = livePages[redirect.file] {
                error(live == redirect.sourcePath
                      ? "the old address \(shown) is this page's own address"
                      : "the old address \(shown) is the live page of \(live)",
                      fix: "remove it from `moved_from`: a page that is published cannot redirect")
            } else if kept.contains(top) {
                error("the old address \(shown) is inside /\(top), which the build keeps as it is (CNAME or salve.yml's `keep:`)",
                      fix: "remove it from `moved_from`, or check the path")
            } else if outputPaths.contains(redirect.file) || outputFolders.contains(redirect.file) {
                error("the old address \(shown) is a page or file that the build makes",
                      fix: "remove it from `moved_from`, or check the path")
            } else if let file = folders(of: redirect.file).first(where: outputPaths.contains) {
                error("the old address \(shown) needs a folder where the build writes the file /\(file)",
                      fix: "remove it from `moved_from`, or check the path")
            } else if let other = folders(of: redirect.file).lazy.compactMap({ claimed[$0] }).first {
                error("the old address \(shown) needs a folder where the old address /\(other.from) of \(other.sourcePath) is a file",
                      fix: "check the paths in `moved_from`")
            } else if let other = claimedFolders[redirect.file] {
                error("the old address \(shown) is a folder of the old address /\(other.from) of \(other.sourcePath)",
                      fix: "check the paths in `moved_from`")
            } else {
                claimed[redirect.file] = redirect
                for folder in folders(of: redirect.file) where claimedFolders[folder] == nil { claimedFolders[folder] = redirect }
                redirects.append(redirect)
            }
        }
        return (redirects.sorted { $0.from < $1.from }, diagnostics)
    }

    /// The folders above a file path (`a/b/c.html` -> `a`, `a/b`), without the trailing `/`.
    private static func folders(of path: String) -> [String] {
        let parts = path.split(separator: "/")
        return parts.indices.dropLast().map { parts[...$0].joined(separator: "/") }
    }
}
