// The symlink rule for the project's folders: a link may point within its folder, never out of it.
import Foundation

/// A folder (content/, templates/) whose files must all lie inside it once symlinks are resolved, so a link
/// cannot publish a file from elsewhere on the machine (`templates/partials/x.mustache -> /etc/passwd`).
struct FolderBoundary: Sendable {
    /// The folder's real path, with a trailing `/`.
    let realFolder: String

    init(_ folder: URL) {
        realFolder = folder.resolvingSymlinksInPath().path + "/"
    }

    /// True when `url`, after every symlink on the way is followed, is inside the folder.
    func contains(_ url: URL) -> Bool {
        url.resolvingSymlinksInPath().path.hasPrefix(realFolder)
    }

    /// `contains(url)` for `url` = the folder + `relativePath`, without resolving anything when no part of the path
    /// is a symlink (the common case, and most of the cost of reading thousands of pages).
    func contains(_ url: URL, relativePath: String) -> Bool {
        var partial = String(realFolder.dropLast())
        var info = stat()
        for component in relativePath.split(separator: "/") {
            partial += "/" + component
            guard lstat(partial, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return contains(url) }
        }
        return true
    }
}
