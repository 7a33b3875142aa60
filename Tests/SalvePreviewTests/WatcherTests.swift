// The watcher turns editor saves into batches of changed project paths.
import Foundation
@testable import SalvePreview
import Testing

@Suite("watching the project")
struct WatcherTests {
    @Test("a save in a folder created after watching began is reported; the preview folder and hidden temp files are not (inotify, then polling)",
          arguments: [false, true])
    func newFolders(polling: Bool) async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let seen = PathLog()
        let changes = Watcher(root: site.root, forcePolling: polling).changes()
        let reader = Task { for await batch in changes { seen.add(batch) } }
        defer { reader.cancel() }
        // The watcher takes its first look on its own thread; changes made before that would not be news.
        try await Task.sleep(for: .milliseconds(500))

        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/articles/new"),
                                                withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(500))
        try site.save("content/articles/new/page.md", "text")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.output.appendingPathComponent("ignored.html"))

        let target = "content/articles/new/page.md"
        let deadline = Date().addingTimeInterval(20)
        while !seen.paths.contains(target), Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(seen.paths.contains(target))
        #expect(!seen.paths.contains { $0.hasPrefix(".salve") })
        #expect(!seen.paths.contains { $0.hasSuffix(".swp") }, "an editor's hidden temp file is not a change")
    }
}

/// Every path the watcher reported so far.
final class PathLog: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var seen: Set<String> = []
    func add(_ batch: [String]) { lock.withLock { seen.formUnion(batch) } }
    var paths: Set<String> { lock.withLock { seen } }
}
