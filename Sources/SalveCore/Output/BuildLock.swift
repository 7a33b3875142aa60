// One build at a time per output folder: an flock on a lock file beside it, holding the owner's pid.
import Foundation

/// An exclusive `flock` held until `release()` (or the process ends: the kernel drops it then, so a killed build
/// never leaves a stale lock). The lock file is deleted on release, so it does not linger beside the output; a
/// waiter that then wins the lock of the deleted file sees that the path no longer names it and starts again.
final class BuildLock: Sendable {
    private let descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock at `path`, retrying until `wait` has passed.
    /// - Throws: `Busy` with the holder's pid when it stays taken, or the failure to open the file.
    static func acquire(_ path: String, wait: Duration) throws -> BuildLock {
        let deadline = ContinuousClock.now + wait
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw FileSystemFailure.errno(.locking, path) }
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                    let holder = owner(descriptor)
                    close(descriptor)
                    throw Busy(pid: holder)
                }
                usleep(50_000)
            }
            var held = stat(), named = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev
            else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return BuildLock(descriptor: descriptor, path: path)
        }
    }

    struct Busy: Error {
        var pid: Int32?
    }

    private static func owner(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func release() {
        unlink(path)
        close(descriptor)
    }
}
