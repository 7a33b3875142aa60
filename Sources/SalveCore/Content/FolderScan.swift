// Lists a folder tree with readdir and stats every entry: the preview scans content/ on every rebuild, and
// Foundation's subpathsOfDirectory plus a stat per path component cost a quarter of a one-page rebuild at 10,000
// pages. Each entry is stat'ed by its name in its open folder, so the kernel walks one path component, not six.
import Foundation

enum FolderScan {
    /// One entry under the folder: its path relative to it, whether the entry itself is a symlink (only those
    /// can lead out of the folder, since symlinked folders are not descended into), and what it leads to (nil
    /// when that is nothing, a link to a missing file).
    struct Entry: Sendable {
        var path: String
        var isLink: Bool
        var info: stat?
    }

    /// Every entry below `folder` whose path has no hidden component, sorted by path; folders are listed too.
    static func entries(of folder: String) -> [Entry] {
        var found: [(path: String, name: String, isLink: Bool, folder: Int)] = []
        var handles: [OpaquePointer] = []
        defer { handles.forEach { closedir($0) } }
        var pending = [""]
        while let relative = pending.popLast() {
            guard let handle = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { continue }
            handles.append(handle)
            while let item = readdir(handle) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(item.pointee.d_type)
                if type == DT_UNKNOWN {
                    var info = stat()
                    guard fstatat(dirfd(handle), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    type = info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
                }
                found.append((path, name, type == DT_LNK, handles.count - 1))
                if type == DT_DIR { pending.append(path) }
            }
        }
        found.sort { $0.path < $1.path }
        let folders = handles.map { dirfd($0) }
        // On all cores: this is the preview's check of every file on every rebuild.
        let infos = found.parallelMap { entry -> stat? in
            var info = stat()
            return fstatat(folders[entry.folder], entry.name, &info, 0) == 0 ? info : nil
        }
        return zip(found, infos).map { Entry(path: $0.path, isLink: $0.isLink, info: $1) }
    }
}
