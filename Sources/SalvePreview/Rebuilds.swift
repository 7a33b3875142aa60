// One rebuild at a time: the build off the cooperative threads, then the tabs and the terminal are told.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SalveCore
import Synchronization

actor Rebuilds {
    private var build: IncrementalBuild?
    private let hub: EventHub
    private let note: @Sendable (PreviewNote) -> Void

    init(build: IncrementalBuild, hub: EventHub, note: @escaping @Sendable (PreviewNote) -> Void) {
        self.build = build
        self.hub = hub
        self.note = note
    }

    /// Rebuilds and reports; returns whether the build succeeded.
    @discardableResult
    func run(changes: [String]) async -> Bool {
        guard build != nil else { return false }
        let started = ContinuousClock.now
        let result = await withBuild { build in
            Result { try build.rebuild(changed: changes.isEmpty ? nil : changes, trustingChanged: true) }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let wasBroken = await hub.isBroken
        switch result {
        case .success(let report):
            note(.rebuilt(report, milliseconds: milliseconds, changes: changes))
            if report.onlyStylesheets, !wasBroken {
                await hub.publish(.stylesheets)
            } else if let scope = ReloadScope(written: report.written, deleted: report.deleted, wasBroken: wasBroken) {
                await hub.publish(.reload(scope))
            }
            await rebuildWhatTheWatcherMissed(after: changes)
            Self.returnFreedMemory()
            return true
        case .failure(let failure as BuildFailure):
            note(.failed(failure.diagnostics, changes: changes))
            await hub.publish(.errors(failure.diagnostics.filter { $0.severity == .error }.map(\.summary)))
            return false
        case .failure(let error):
            let diagnostic = Diagnostic.error(".salve/preview", "could not write the preview: \(error)")
            note(.failed([diagnostic], changes: changes))
            await hub.publish(.errors([diagnostic.summary]))
            return false
        }
    }
}

extension Rebuilds {
    /// The rebuild took the watcher's word for what changed, so the change is served without a stat of every
    /// file; that stat runs now, and anything it finds (an event the kernel dropped, a change on a network
    /// disk) is rebuilt at once.
    private func rebuildWhatTheWatcherMissed(after changes: [String]) async {
        guard !changes.isEmpty, build != nil else { return }
        let stale = await withBuild { $0.staleContent() }
        if !stale.isEmpty { await run(changes: stale) }
    }

    /// Hands the pages malloc holds free back to the system, off this actor. A template edit makes every page's
    /// HTML anew while the old is still held; without this the server's size stays at that high-water mark for
    /// the rest of the session (a quarter more than after the first build, at 10,000 pages).
    /// glibc's `malloc_trim` is looked up, not linked: Swift's Glibc module does not declare it, and another C
    /// library may not have it.
    private static func returnFreedMemory() {
        DispatchQueue.global(qos: .utility).async { LinuxCalls.returnFreedMemory() }
    }

    /// Runs `work` on the build on a thread of its own: a build blocks its thread for as long as it takes, so it
    /// stays off Swift's small cooperative pool. The build is handed over, not copied: while a second copy holds
    /// its memory, the rebuild's first change to each kept table copies the whole table.
    private func withBuild<T: Sendable>(_ work: @escaping @Sendable (inout IncrementalBuild) -> T) async -> T {
        let handoff = Handoff(build.take()!)
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var next = handoff.take()
                let result = work(&next)
                handoff.put(next)
                continuation.resume(returning: result)
            }
        }
        build = handoff.take()
        return result
    }
}

/// Carries the build to the worker thread and back as the only reference to it. Only one thread uses it at a
/// time (this actor, then the worker, then this actor after the continuation resumes), and the lock makes each
/// hand-over safe.
private final class Handoff: Sendable {
    private let value: Mutex<IncrementalBuild?>

    init(_ build: IncrementalBuild) { value = Mutex(build) }

    func take() -> IncrementalBuild { value.withLock { $0.take()! } }

    func put(_ build: IncrementalBuild) { value.withLock { $0 = build } }
}
