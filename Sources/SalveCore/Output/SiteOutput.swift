// Where the build hands each file as soon as it is made: the staging folder of site/, or the preview's memory.
import Foundation

/// Receives the site's files from many threads at once.
protocol SiteOutput: Sendable {
    func write(_ file: OutputFile) throws
}

/// Keeps the files in memory, in the order of their paths.
final class CollectedOutput: SiteOutput, @unchecked Sendable {
    // Safe to share: `received` is only touched while `lock` is held.
    private let lock = NSLock()
    private var received: [OutputFile] = []

    func write(_ file: OutputFile) throws {
        lock.lock()
        received.append(file)
        lock.unlock()
    }

    /// What was written, in the order it came. The preview's steps hand their files over one at a time in the
    /// site's order, so it is the same from one rebuild to the next (the preview's write step relies on that only
    /// for speed: sorting fourteen thousand paths per rebuild cost more than the writes).
    var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }
}

extension StagedSite: SiteOutput {}

/// Hands every file to another output under a folder: the part of a multilingual site in another language.
struct PrefixedOutput<Inner: SiteOutput>: SiteOutput {
    let inner: Inner
    /// `es/`.
    let prefix: String

    init(_ inner: Inner, prefix: String) {
        self.inner = inner
        self.prefix = prefix
    }

    func write(_ file: OutputFile) throws {
        var moved = file
        moved.path = prefix + file.path
        try inner.write(moved)
    }
}
