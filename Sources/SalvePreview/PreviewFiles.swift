// The preview folder as Hummingbird's FileMiddleware sees it. Each lookup opens the file once and keeps that
// descriptor until the response is sent, so the size, ETag and body of a response all describe the same version
// of a file that a rebuild replaces (by rename) at that moment. Pages are read whole to inject the live reload
// script; everything else is streamed in chunks, so memory does not grow with a file's size or a Range request's
// file. Paths that resolve outside the folder (symlinks) are treated as missing.
import Foundation
import Hummingbird

struct PreviewFiles: FileProvider {
    struct FileAttributes: FileMiddlewareFileAttributes, Sendable {
        let isFolder: Bool
        let size: Int
        let modificationDate: Date
    }

    /// One file or folder as found at lookup time.
    struct Snapshot: Sendable {
        enum Body: Sendable {
            case folder
            /// A page, already carrying the live reload script.
            case page([UInt8])
            case file(OpenFile)
        }

        let attributes: FileAttributes
        let body: Body

        /// The page's bytes; nil for anything that is not a page.
        var pageBytes: [UInt8]? {
            if case .page(let bytes) = body { bytes } else { nil }
        }
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
        guard id.attributes.size > 0 else { return ResponseBody() }
        return try await loadFile(id: id, range: 0...(id.attributes.size - 1), context: context)
    }

    func loadFile(id: Snapshot, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        let upper = min(range.upperBound, id.attributes.size - 1)
        guard range.lowerBound >= 0, range.lowerBound <= upper else { return ResponseBody() }
        switch id.body {
        case .folder:
            return ResponseBody()
        case .page(let bytes):
            return ResponseBody(byteBuffer: ByteBuffer(bytes: bytes[range.lowerBound...upper]))
        case .file(let file):
            return ResponseBody(contentLength: upper - range.lowerBound + 1) { writer in
                var offset = range.lowerBound
                while offset <= upper {
                    let chunk = try await file.read(at: offset, count: min(OpenFile.chunkSize, upper - offset + 1))
                    // Only a file cut short under the server (not a rebuild, which renames) ends early.
                    guard chunk.readableBytes > 0 else { break }
                    offset += chunk.readableBytes
                    try await writer.write(chunk)
                }
                try await writer.finish(nil)
            }
        }
    }

    /// `path` (from the URL, already decoded) opened from inside the folder, or nil.
    func read(_ path: String) -> Snapshot? {
        let full = root + (path.hasPrefix("/") ? path : "/" + path)
        guard let real = Self.resolve(full), real == root || real.hasPrefix(root + "/") else { return nil }
        let descriptor = open(real, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let file = OpenFile(descriptor)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return Snapshot(attributes: .init(isFolder: true, size: 0, modificationDate: modified), body: .folder)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard LiveReload.injects(real) else {
            return Snapshot(attributes: .init(isFolder: false, size: Int(info.st_size), modificationDate: modified), body: .file(file))
        }
        let bytes = LiveReload.inject(into: file.readAll(size: Int(info.st_size)))
        return Snapshot(attributes: .init(isFolder: false, size: bytes.count, modificationDate: modified), body: .page(bytes))
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
