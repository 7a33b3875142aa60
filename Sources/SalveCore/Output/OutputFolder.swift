// An output folder changed one file at a time, each replaced by a rename, so a server reading it at the same
// moment sees the old file or the new one, never half of one.
import Foundation

struct OutputFolder: Sendable {
    let root: URL

    /// Empties the folder (creating it when missing).
    func reset() throws {
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to a temporary file in the same folder, then renames it over `path`.
    func replace(_ path: String, with bytes: Data) throws {
        let target = root.appendingPathComponent(path)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).salve-\(getpid()).tmp")
        do {
            try bytes.withUnsafeBytes { try PlainFile.write(temporary.path, $0) }
            guard rename(temporary.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Deletes `path`, then every folder above it that became empty.
    func remove(_ path: String) throws {
        var url = root.appendingPathComponent(path)
        if unlink(url.path) != 0, errno != ENOENT { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        url.deleteLastPathComponent()
        while url.standardizedFileURL.path != root.path, rmdir(url.path) == 0 { url.deleteLastPathComponent() }
    }
}
