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

        /// The same entry as far as a build can tell: path, kind of link and, for a file, stamp (a folder's times
        /// change with its list of files, and those are entries of their own).
        func same(as other: Entry) -> Bool {
            guard path == other.path, isLink == other.isLink, let info, let otherInfo = other.info else {
                return path == other.path && isLink == other.isLink && (info == nil) == (other.info == nil)
            }
            let folder = { (info: stat) in info.st_mode & S_IFMT == S_IFDIR }
            return folder(info) ? folder(otherInfo) : FileStamp(info) == FileStamp(otherInfo)
        }
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

    /// `entries` brought up to date for the paths the watcher saw change, without listing the folder: each is
    /// stat'ed again, and removed with everything under it when gone. nil when a changed path is a folder, or
    /// lies in a folder the entries do not hold: then only a listing can tell what is inside.
    static func patch(_ entries: [Entry], in folder: String, changed: Set<String>) -> [Entry]? {
        var entries = entries
        for path in changed.sorted() where !path.isEmpty && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var own = stat()
            let exists = lstat(folder + "/" + path, &own) == 0
            if exists, own.st_mode & S_IFMT == S_IFDIR { return nil }
            let start = entries.partitionPoint { $0.path < path }
            var end = start
            while end < entries.count, entries[end].path == path || entries[end].path.hasPrefix(path + "/") { end += 1 }
            guard exists else {
                entries.removeSubrange(start..<end)
                continue
            }
            if let slash = path.lastIndex(of: "/") {
                let parent = String(path[..<slash])
                let at = entries.partitionPoint { $0.path < parent }
                guard at < entries.count, entries[at].path == parent else { return nil }
            }
            var info = stat()
            let isLink = own.st_mode & S_IFMT == S_IFLNK
            let entry = Entry(path: path, isLink: isLink, info: !isLink ? own : stat(folder + "/" + path, &info) == 0 ? info : nil)
            entries.replaceSubrange(start..<end, with: [entry])
        }
        return entries
    }

    /// Paths whose entry is not the same in the two sorted lists: changed, come or gone.
    static func differences(_ old: [Entry], _ new: [Entry]) -> [String] {
        var found: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if j == new.count || (i < old.count && old[i].path < new[j].path) {
                found.append(old[i].path)
                i += 1
            } else if i == old.count || new[j].path < old[i].path {
                found.append(new[j].path)
                j += 1
            } else {
                if !old[i].same(as: new[j]) { found.append(new[j].path) }
                i += 1
                j += 1
            }
        }
        return found
    }
}
