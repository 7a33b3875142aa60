// Shared fragments (a page's card) rendered once per build and reused wherever the reuse is exact.
import Foundation
import Synchronization

/// Remembers the bytes of partials rendered with a view that has a `fragmentID`, so a card that appears on many
/// listings is rendered once. Make one per build and share it between the threads that render pages.
///
/// Reuse is exact: while a fragment renders, every name its partial looks up that the fragment view (and what the
/// partial pushed on top of it) does not answer falls through to the enclosing views, and is recorded with what
/// it found there. The bytes are reused only where each recorded name resolves to the same value (usually to
/// nothing). A fragment that found a view or a list in its surroundings is not memoized at all.
public final class FragmentMemo: @unchecked Sendable {
    // @unchecked: `entries` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var entries: [Key: [Entry]] = [:]
    private let rendered = Atomic<Int>(0)
    private let reused = Atomic<Int>(0)

    /// Entries kept per fragment and partial; a fragment used in more kinds of surroundings renders each time.
    static let entriesPerKey = 4

    struct Key: Hashable {
        var template: Int
        var id: Int
    }

    /// What a name that fell through to the enclosing views resolved to.
    enum Resolution: Equatable {
        case missing
        case text(String)
        case flag(Bool)
        case number(Int)
    }

    struct Entry {
        /// Each recorded name (a number of the template set's paths) with what it resolved to.
        var conditions: [(path: Int, Resolution)]
        var bytes: [UInt8]
    }

    public init() {}

    /// How many fragments were rendered and how many times rendered bytes were reused.
    public var counts: (rendered: Int, reused: Int) {
        (rendered.load(ordering: .relaxed), reused.load(ordering: .relaxed))
    }

    /// The bytes of the first entry for `key` whose conditions all hold, as judged by `holds`. The conditions are
    /// judged outside the lock: they ask the renderer's views, and judged under it they kept the other threads
    /// waiting.
    func lookup(_ key: Key, where holds: (Int, Resolution) -> Bool) -> [UInt8]? {
        guard let candidates = lock.withLock({ entries[key] }),
            let entry = candidates.first(where: { $0.conditions.allSatisfy { holds($0.0, $0.1) } })
        else { return nil }
        reused.add(1, ordering: .relaxed)
        return entry.bytes
    }

    func store(_ key: Key, _ entry: Entry?) {
        rendered.add(1, ordering: .relaxed)
        guard let entry else { return }
        lock.withLock {
            guard (entries[key]?.count ?? 0) < Self.entriesPerKey else { return }
            entries[key, default: []].append(entry)
        }
    }
}
