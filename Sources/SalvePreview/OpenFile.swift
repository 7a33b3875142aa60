// A file descriptor that one response reads from, closed when the last reference to it goes.
import Dispatch
import Foundation
import Hummingbird

/// An open, read-only file. Reads use `pread`, which keeps no shared offset, so concurrent reads are safe;
/// they run on a Dispatch queue so a slow disk does not hold one of Swift's few cooperative threads.
final class OpenFile: Sendable {
    /// Large enough to keep the socket busy, small enough that eight parallel downloads stay in a few megabytes.
    static let chunkSize = 256 * 1024

    private let descriptor: Int32

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Up to `count` bytes at `offset`; empty at the end of the file.
    func read(at offset: Int, count: Int) async throws -> ByteBuffer {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var buffer = ByteBufferAllocator().buffer(capacity: count)
                var failure: Int32 = 0
                buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { space in
                    while true {
                        let got = pread(self.descriptor, space.baseAddress!, count, off_t(offset))
                        if got < 0, errno == EINTR { continue }
                        if got < 0 { failure = errno }
                        return max(got, 0)
                    }
                }
                if failure != 0 {
                    continuation.resume(throwing: POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO))
                } else {
                    continuation.resume(returning: buffer)
                }
            }
        }
    }

    /// The whole file (for pages, which are small), as much of `size` bytes as there are.
    func readAll(size: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.pread(descriptor, $0.baseAddress! + offset, $0.count - offset, off_t(offset)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        bytes.removeSubrange(offset...)
        return bytes
    }
}
