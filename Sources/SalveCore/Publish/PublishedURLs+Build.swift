// The build's part in published-urls.txt: which URLs this build publishes, the check against the recorded list,
// and the file's update after the site is written.
import Foundation

extension PublishedURLs {
    /// What a build does with the file.
    public enum Mode: Sendable {
        /// Check it and write it when the URLs changed (`salve build`).
        case keep
        /// Check it, never write it (a test of the sample project, which must not change the repository).
        case check
        /// Leave it alone (a build compared with the preview, which never keeps the list).
        case off
    }

    /// What the build does with the file once the site is in place.
    struct Update: Sendable {
        /// The new text, when the file must be made or changed; nil leaves it as it is.
        var text: String?
        /// Recorded URLs that `--accept-removed` takes out of the list.
        var retired: [String]
        /// How many URLs this build publishes.
        var count = 0
    }

    /// Every URL path the build publishes, without the base path: the sitemap's pages (each page, listing, the
    /// home page, search and the glossary) and each redirect's old address.
    static func current(site: Site, listings: [Listing], redirects: [Redirect]) -> Set<String> {
        var paths = site.pages.map(\.sitePath) + listings.map(\.sitePath) + ["", "search/"] + redirects.map(\.from)
        if !site.glossary.terms.isEmpty { paths.append("glossary/") }
        return Set(paths.map { "/" + Site.percentEncoded($0) })
    }

    /// Compares the recorded list with `current`.
    /// - Parameters:
    ///   - writes: whether this build may change the file (not with drafts, which are not published).
    ///   - acceptRemoved: retire recorded URLs that the build no longer makes instead of failing.
    /// - Throws: `BuildFailure` naming each URL that would disappear, or a file the build may not touch.
    static func update(root: URL, current: Set<String>, writes: Bool, acceptRemoved: Bool) throws -> Update {
        let url = root.appendingPathComponent(fileName)
        // attributesOfItem does not follow a symbolic link, so a link (even a dangling one) is seen as a link.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            return Update(text: writes ? text(current) : nil, retired: [], count: current.count)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw BuildFailure([.error(fileName, "\(fileName) is not a plain file, so the build leaves it alone",
                                       fix: "replace it with a plain file, or move it away")])
        }
        let existing: String
        do {
            existing = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw BuildFailure([.error(fileName, "\(fileName) cannot be read as UTF-8 text",
                                       fix: "move it away; the next build makes a new one")])
        }
        let recorded: PublishedURLs
        switch parse(existing) {
        case .success(let parsed): recorded = parsed
        case .failure(let diagnostic): throw BuildFailure([diagnostic])
        }
        let removed = recorded.removed(from: current)
        if !removed.isEmpty, !acceptRemoved { throw BuildFailure(removed) }
        let retired = Set(recorded.paths.map(\.value)).subtracting(current).sorted()
        let updated = text(current)
        return Update(text: writes && updated != existing ? updated : nil, retired: retired, count: current.count)
    }

    /// Writes the new list (a temporary file renamed over the old one, so a crash leaves one or the other).
    static func write(_ update: Update, root: URL) throws {
        guard let text = update.text else { return }
        let url = root.appendingPathComponent(fileName)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

extension Model {
    /// What this build does with published-urls.txt (nothing when the options say so).
    /// Every page address of the site, in all its languages (the redirects are the whole site's already).
    var currentURLs: Set<String> {
        var urls = PublishedURLs.current(site: site, listings: listings, redirects: redirects)
        for part in translations {
            let prefix = "/" + part.site.config.language
            urls.formUnion(PublishedURLs.current(site: part.site, listings: part.listings, redirects: []).map { prefix + $0 })
        }
        return urls
    }

    func publishedURLs(_ options: BuildOptions) throws -> PublishedURLs.Update {
        guard options.publishedURLs != .off else { return PublishedURLs.Update(text: nil, retired: []) }
        return try PublishedURLs.update(
            root: options.root, current: currentURLs,
            writes: options.publishedURLs == .keep && !options.includeDrafts, acceptRemoved: options.acceptRemoved)
    }
}
