// The preview folder as Hummingbird's FileMiddleware sees it. Each lookup reads the file once through one
// descriptor, so the size, ETag and body of a response all describe the same version of a page that a rebuild
// replaces at that moment; paths that resolve outside the folder (symlinks) are treated as missing.
import Foundation
import Hummingbird

struct PreviewFiles: FileProvider {
    struct FileAttributes: FileMiddlewareFileAttributes, Sendable {
        let isFolder: Bool
        let size: Int
        let modificationDate: Date
    }

    /// One file or folder as read at lookup time; pages already carry the live reload script.
    struct Snapshot: Sendable {
        let attributes: FileAttributes
        let bytes: [UInt8]
    }

    /// The output folder with symlinks resolved.
    let root: String

    init(root: URL) {
        self.root = Self.resolve(root.path) ?? root.path
    }

    func getFileIdentifier(_ path: String) -> Snapshot? {
        guard !path.contains("\0") else { return nil }
        return read(path)
    }

    func getAttributes(id: Snapshot) async throws -> FileAttributes? { id.attributes }

    func loadFile(id: Snapshot, context: some RequestContext) async throws -> ResponseBody {
        ResponseBody(byteBuffer: ByteBuffer(bytes: id.bytes))
    }

    func loadFile(id: Snapshot, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        let upper = min(range.upperBound, id.bytes.count - 1)
        guard range.lowerBound <= upper else { return ResponseBody() }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: id.bytes[range.lowerBound...upper]))
    }

    /// `path` (from the URL, already decoded) read from inside the folder, or nil.
    func read(_ path: String) -> Snapshot? {
        let full = root + (path.hasPrefix("/") ? path : "/" + path)
        guard let real = Self.resolve(full), real == root || real.hasPrefix(root + "/") else { return nil }
        let descriptor = open(real, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return Snapshot(attributes: .init(isFolder: true, size: 0, modificationDate: modified), bytes: [])
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        bytes.removeSubrange(offset...)
        if LiveReload.injects(real) { bytes = LiveReload.inject(into: bytes) }
        return Snapshot(attributes: .init(isFolder: false, size: bytes.count, modificationDate: modified), bytes: bytes)
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
