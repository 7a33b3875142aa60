// A failed system call while writing the site, with the path it was about and a fix that fits its cause.
import Foundation

/// What went wrong with one file: the `errno`, what Salve was doing, and the path as the user knows it.
public struct FileSystemFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Action: String, Sendable {
        case reading = "reading"
        case writing = "writing"
        case removing = "removing"
        case creating = "creating the folder"
        case swapping = "swapping in"
        case locking = "locking"
    }

    public var code: Int32
    public var action: Action
    /// The path the user would look at (`site/articles/x/index.html`, `content/media/big.pdf`).
    public var path: String

    public init(code: Int32, action: Action, path: String) {
        self.code = code
        self.action = action
        self.path = path
    }

    /// The current `errno` for `path`.
    static func errno(_ action: Action, _ path: String) -> FileSystemFailure {
        FileSystemFailure(code: Glibc.errno, action: action, path: path)
    }

    /// The system's own words for the error, then what was being done to which path.
    public var description: String {
        "\(String(cString: strerror(code))), \(action.rawValue) \(path)"
    }

    /// What the user can do about it; each cause gets its own advice rather than one catch-all.
    public var fix: String {
        switch code {
        case ENOSPC, EDQUOT: "free some disk space and build again"
        case EACCES, EPERM: "check the permissions of \(path) and the folders above it"
        case EROFS: "\(path) is on a read-only file system; choose another --output"
        case ENAMETOOLONG: "a name in \(path) is longer than the file system allows (255 bytes); shorten the slug or file name"
        case EMFILE, ENFILE: "too many files are open; raise the limit (ulimit -n) or build with fewer --threads"
        case ENOENT where action == .reading: "\(path) is missing; was it deleted during the build?"
        case ENOENT: "a folder vanished during the build; is another program changing the output folder?"
        case EIO: "the disk reported an input/output error; check the disk"
        case ELOOP: "\(path) has a symbolic link loop; remove the link"
        case ENOTDIR, EISDIR, EEXIST: "something else is in the way at \(path); remove it and build again"
        case EXDEV: "the output folder and its parent folder are on different file systems; build into a folder beside it"
        default: "check the output folder and build again"
        }
    }
}
