// Watches salve.yml, content/ and templates/ and reports changed paths in batches: a save that writes a temp file
// and renames it, deletes and recreates, or touches many files at once arrives as one batch once things are quiet.
import Foundation
import Synchronization

struct Watcher: Sendable {
    let root: URL
    var forcePolling = false
    /// How long the project must stay quiet before a batch is reported.
    var quietPeriod: Duration = .milliseconds(25)

    /// Project files that matter to the build: salve.yml and everything under content/ and templates/, except
    /// hidden files (editors' swap and temp files), which the build skips too; it does read a `.mustache` file
    /// whatever its name, so those always count.
    static func matters(_ path: String) -> Bool {
        guard path == "salve.yml" || path == "content" || path == "templates"
            || path.hasPrefix("content/") || path.hasPrefix("templates/")
        else { return false }
        return path.hasSuffix(".mustache") || !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Batches of changed paths, relative to the root. Watching stops when the stream is dropped or cancelled.
    func changes() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self)
        let stopped = StopFlag()
        continuation.onTermination = { _ in stopped.stop() }
        let watcher = self
        let thread = Thread {
            if !watcher.forcePolling, let inotify = InotifyWatch(root: watcher.root) {
                inotify.run(quietPeriod: watcher.quietPeriod, stopped: stopped) { continuation.yield($0) }
            } else {
                PollingWatch(root: watcher.root).run(stopped: stopped) { continuation.yield($0) }
            }
            continuation.finish()
        }
        thread.name = "salve-watcher"
        thread.start()
        return stream
    }
}

/// Set once from any thread, read by the watcher thread between waits.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func stop() { value.store(true, ordering: .relaxed) }
    var isStopped: Bool { value.load(ordering: .relaxed) }
}
