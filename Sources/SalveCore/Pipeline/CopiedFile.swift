// Copies and comparisons of media for the preview's rebuild, in fixed-size chunks: a 700 MB video costs a
// megabyte of memory, not 700. Holes in sparse files stay holes.
import Foundation

/// What a source file looked like when it was copied: equal stamps mean it was not touched since.
struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: timespec
    var changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

enum CopiedFile {
    static let chunkSize = 1 << 20

    /// The source's stamp now.
    static func stamp(_ path: String) throws -> FileStamp {
        var info = stat()
        guard stat(path, &info) == 0 else { throw posixError() }
        return FileStamp(info)
    }

    /// Whether the files at `a` and `b` hold the same bytes, read a chunk at a time.
    static func same(_ a: String, _ b: String) -> Bool {
        let first = open(a, O_RDONLY | O_CLOEXEC)
        guard first >= 0 else { return false }
        defer { close(first) }
        let second = open(b, O_RDONLY | O_CLOEXEC)
        guard second >= 0 else { return false }
        defer { close(second) }
        var (infoA, infoB) = (stat(), stat())
        guard fstat(first, &infoA) == 0, fstat(second, &infoB) == 0, infoA.st_size == infoB.st_size else { return false }
        let left = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        let right = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { left.deallocate(); right.deallocate() }
        var offset = 0
        while true {
            let count = readFully(first, into: left, at: offset)
            guard count == readFully(second, into: right, at: offset), count >= 0 else { return false }
            if count == 0 { return offset == Int(infoA.st_size) }
            guard memcmp(left.baseAddress!, right.baseAddress!, count) == 0 else { return false }
            offset += count
        }
    }

    /// Copies `source` to a temporary file beside `target`, then renames it over `target`, so a reader sees the
    /// old file or the new one. Returns the stamp of the source as it was read.
    @discardableResult
    static func copy(_ source: String, to target: String) throws -> FileStamp {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw posixError() }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw posixError() }
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.\((target as NSString).lastPathComponent).salve-\(getpid()).tmp"
        let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw posixError() }
        do {
            defer { close(output) }
            try copyData(from: input, to: output, size: Int(info.st_size))
            guard ftruncate(output, info.st_size) == 0 else { throw posixError() }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let error = posixError()
            unlink(temporary)
            throw error
        }
        return FileStamp(info)
    }

    /// Copies the data of `input` to `output` at the same offsets, skipping holes where the file system says
    /// where they are (the final `ftruncate` makes the skipped tail zeros).
    private static func copyData(from input: Int32, to output: Int32, size: Int) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            // SEEK_DATA: the next byte that is not in a hole; ENXIO means only holes remain.
            let data = lseek(input, off_t(offset), seekData)
            if data < 0 {
                if errno == ENXIO { return }
                // A file system without hole reporting: copy everything.
            } else {
                offset = Int(data)
            }
            let hole = lseek(input, off_t(offset), seekHole)
            let end = hole < 0 ? size : min(Int(hole), size)
            while offset < end {
                let count = readFully(input, into: buffer, at: offset, limit: end - offset)
                guard count >= 0 else { throw posixError() }
                guard count > 0 else { return }
                var done = 0
                while done < count {
                    let written = pwrite(output, buffer.baseAddress! + done, count - done, off_t(offset + done))
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { throw posixError() }
                    done += written
                }
                offset += count
            }
        }
    }

    /// Reads up to one chunk (or `limit` bytes) at `offset`, retrying short reads; -1 on error, 0 at the end.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int,
                                  limit: Int = .max) -> Int
    {
        let wanted = min(buffer.count, limit)
        var count = 0
        while count < wanted {
            let got = pread(descriptor, buffer.baseAddress! + count, wanted - count, off_t(offset + count))
            if got < 0, errno == EINTR { continue }
            if got < 0 { return -1 }
            if got == 0 { break }
            count += got
        }
        return count
    }

    // Linux's values; Glibc hides the names behind _GNU_SOURCE. Where unsupported, lseek fails and all is copied.
    private static let seekData: Int32 = 3
    private static let seekHole: Int32 = 4

    private static func posixError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
