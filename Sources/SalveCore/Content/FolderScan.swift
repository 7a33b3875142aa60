// Lists a folder tree with readdir: the preview scans content/ on every rebuild, and Foundation's
// subpathsOfDirectory plus a stat per path component cost a quarter of a one-page rebuild at 10,000 pages.
import Foundation

enum FolderScan {
    /// One entry under the folder: its path relative to it, and whether the entry itself is a symlink (only those
    /// can lead out of the folder, since symlinked folders are not descended into).
    struct Entry: Sendable {
        var path: String
        var isLink: Bool
    }

    /// Every entry below `folder` whose path has no hidden component, sorted by path; folders are listed too.
    static func entries(of folder: String) -> [Entry] {
        var found: [Entry] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let handle = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { continue }
            defer { closedir(handle) }
            while let item = readdir(handle) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(item.pointee.d_type)
                if type == DT_UNKNOWN {
                    var info = stat()
                    guard lstat(folder + "/" + path, &info) == 0 else { continue }
                    type = info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
                }
                found.append(Entry(path: path, isLink: type == DT_LNK))
                if type == DT_DIR { pending.append(path) }
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
