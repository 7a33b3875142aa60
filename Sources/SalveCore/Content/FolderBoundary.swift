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
}
