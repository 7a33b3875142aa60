// Linux inotify straight from Glibc. Watches are not recursive, so every folder gets its own, new ones included.
import Foundation

final class InotifyWatch {
    private let root: URL
    private let descriptor: Int32
    /// Watch descriptor -> folder relative to the root ("" for the root itself).
    private var folders: [Int32: String] = [:]

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// nil where inotify is missing or out of watches: the caller polls instead.
    init?(root: URL) {
        self.root = root
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        guard watch("") else {
            close(descriptor)
            return nil
        }
        for folder in ["content", "templates"] { watchTree(folder) }
    }

    deinit { close(descriptor) }

    func run(quietPeriod: Duration, stopped: StopFlag, report: ([String]) -> Void) {
        let quiet = Int32(quietPeriod.components.seconds * 1000 + quietPeriod.components.attoseconds / 1_000_000_000_000_000)
        var pending: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopped.isStopped {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Short waits while a batch is open (it ends after a quiet period); longer ones otherwise, still short
            // enough to notice the stop flag.
            let ready = poll(&request, 1, pending.isEmpty ? 200 : quiet)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if count > 0 { pending.formUnion(paths(in: buffer[..<count])) }
            } else if ready == 0, !pending.isEmpty {
                report(pending.sorted())
                pending = []
            }
        }
    }

    /// Changed paths in a buffer of `inotify_event`s; new folders are watched on the way.
    private func paths(in events: ArraySlice<UInt8>) -> [String] {
        var found: [String] = []
        events.withUnsafeBytes { raw in
            var position = 0
            while position + 16 <= raw.count {
                let wd = raw.loadUnaligned(fromByteOffset: position, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self))
                let nameBytes = raw[(position + 16)..<min(raw.count, position + 16 + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                position += 16 + length
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                guard let folder = folders[wd], !name.isEmpty else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                guard Watcher.matters(path) else { continue }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                found.append(path)
            }
        }
        return found
    }

    /// Watches `folder` and every folder under it.
    private func watchTree(_ folder: String) {
        guard watch(folder) else { return }
        let url = root.appendingPathComponent(folder)
        for sub in (try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(sub).path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                _ = watch(folder + "/" + sub)
            }
        }
    }

    private func watch(_ folder: String) -> Bool {
        let path = folder.isEmpty ? root.path : root.appendingPathComponent(folder).path
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
    }
}
