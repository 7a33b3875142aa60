// A fixture site copied into a temporary folder, served by an in-process preview on a free port.
import Foundation
import SalvePreview
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

struct PreviewSite {
    let root: URL

    init(fixture: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("salve-preview-\(UUID().uuidString)")
        let source = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(fixture)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) where item != "expected" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    var output: URL { root.appendingPathComponent(".salve/preview") }

    /// Saves like an editor: a temporary file in the same folder renamed over the old one.
    func save(_ path: String, _ contents: String) throws {
        let target = root.appendingPathComponent(path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).swp")
        try Data(contents.utf8).write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else { throw LoopbackError(description: "rename failed") }
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A preview server running in a task; `stop()` cancels it, which shuts it down gracefully.
struct RunningPreview {
    let port: Int
    let task: Task<Void, Error>
    let notes: NoteLog

    static func start(_ site: PreviewSite, forcePolling: Bool = false) async throws -> RunningPreview {
        let notes = NoteLog()
        let (addresses, found) = AsyncStream.makeStream(of: URL.self)
        let server = PreviewServer(PreviewOptions(root: site.root, port: 0, handlesSignals: false, forcePolling: forcePolling)) {
            note in
            notes.append(note)
            if case .serving(let address) = note { found.yield(address) }
        }
        let task = Task { try await server.run() }
        let address = try await withTimeout(seconds: 60) { await addresses.first { _ in true } }
        guard let address, let port = address.port else {
            task.cancel()
            throw LoopbackError(description: "the preview did not start")
        }
        return RunningPreview(port: port, task: task, notes: notes)
    }

    func stop() async {
        task.cancel()
        _ = try? await withTimeout(seconds: 20) { _ = try? await task.value }
    }
}

/// What the server told the CLI, for assertions.
final class NoteLog: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var notes: [PreviewNote] = []
    func append(_ note: PreviewNote) { lock.withLock { notes.append(note) } }
    var all: [PreviewNote] { lock.withLock { notes } }
}

struct TimedOut: Error {}

/// `operation`'s result, or `TimedOut` after `seconds`: no test waits forever. Unlike a task group, this
/// returns at the deadline even when the operation ignores cancellation (a blocking read, `Task.value`).
func withTimeout<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let once = ResumeOnce(continuation)
        let work = Task {
            do { once.resume(.success(try await operation())) } catch { once.resume(.failure(error)) }
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            work.cancel()
            once.resume(.failure(TimedOut()))
        }
    }
}

/// Resumes a continuation the first time only.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    // @unchecked: `continuation` is only touched while holding `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Error>?
    init(_ continuation: CheckedContinuation<T, Error>) { self.continuation = continuation }
    func resume(_ result: Result<T, Error>) {
        let pending = lock.withLock { () -> CheckedContinuation<T, Error>? in
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(with: result)
    }
}
