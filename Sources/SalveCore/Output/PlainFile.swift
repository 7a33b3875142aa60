// Plain POSIX file writes, copies and comparisons, in chunks so memory does not grow with file size. Foundation's
// `Data.write` syncs every file to disk, which made writing thousands of pages wait on the disk; what keeps output
// whole is the swap of site/ or the rename of a preview file.
import Foundation

enum PlainFile {
    static let chunk = 1 << 20

    /// Writes `bytes` to `path`, replacing what it held (the preview's temporary files).
    static func write(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard writeAll(descriptor, bytes) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Creates `path`, which must not exist, holding `bytes`. Throws the errno.
    static func create(_ path: String, _ bytes: UnsafeRawBufferPointer) throws(Errno) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Errno.current }
        let written = writeAll(descriptor, bytes)
        let failure = Errno.current
        close(descriptor)
        guard written else { throw failure }
    }

    /// Creates `path`, which must not exist, with the bytes of `source`: through `copy_file_range` where the kernel
    /// has it, else in 1 MiB chunks. Throws which side failed.
    static func create(_ path: String, copying source: String) throws(CopyFailure) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .reading(Errno.current) }
        defer { close(input) }
        let output = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .writing(Errno.current) }
        defer { close(output) }
        if let copyFileRange = LinuxCalls.copyFileRange {
            var copiedAny = false
            while true {
                let count = copyFileRange(input, nil, output, nil, chunk * 64, 0)
                if count > 0 {
                    copiedAny = true
                    continue
                }
                if count == 0 { return }
                if errno == EINTR { continue }
                // Not supported between these two files: fall back to reading and writing, from the start.
                guard !copiedAny, [ENOSYS, EXDEV, EINVAL, EOPNOTSUPP, EBADF].contains(errno) else {
                    throw [ENOSPC, EDQUOT, EROFS].contains(errno) ? .writing(Errno.current) : .reading(Errno.current)
                }
                break
            }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer.baseAddress, chunk)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .reading(Errno.current) }
            if count == 0 { return }
            guard writeAll(output, UnsafeRawBufferPointer(rebasing: buffer[..<count])) else { throw .writing(Errno.current) }
        }
    }

    enum CopyFailure: Error {
        case reading(Errno)
        case writing(Errno)
    }

    /// Whether `path` is a regular file (not a link to one) holding exactly `bytes`.
    static func holds(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let descriptor = openRegular(path, size: bytes.count) else { return false }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(chunk, max(bytes.count, 1)), alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let count = readFully(descriptor, buffer, min(buffer.count, bytes.count - offset))
            guard count > 0, memcmp(buffer.baseAddress!, bytes.baseAddress! + offset, count) == 0 else { return false }
            offset += count
        }
        return true
    }

    /// Whether `path` is a regular file (not a link to one) with the same bytes as `source`, compared chunk by chunk.
    static func holds(_ path: String, sameAs source: String) -> Bool {
        var info = stat()
        guard stat(source, &info) == 0, let descriptor = openRegular(path, size: Int(info.st_size)) else { return false }
        defer { close(descriptor) }
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        let ours = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        let theirs = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer {
            ours.deallocate()
            theirs.deallocate()
        }
        var remaining = Int(info.st_size)
        while remaining > 0 {
            let want = min(chunk, remaining)
            guard readFully(descriptor, ours, want) == want, readFully(input, theirs, want) == want,
                memcmp(ours.baseAddress!, theirs.baseAddress!, want) == 0
            else { return false }
            remaining -= want
        }
        return true
    }

    /// Opens `path` for reading when it is a regular file of `size` bytes.
    private static func openRegular(_ path: String, size: Int) -> Int32? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == size else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Reads up to `count` bytes, retrying short reads; returns how many came (fewer only at the end of the file).
    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ count: Int) -> Int {
        var offset = 0
        while offset < count {
            let got = read(descriptor, buffer.baseAddress! + offset, count - offset)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            offset += got
        }
        return offset
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

/// An `errno` value, thrown by the typed-throws file calls above.
struct Errno: Error {
    var code: Int32
    static var current: Errno { Errno(code: errno) }
}
