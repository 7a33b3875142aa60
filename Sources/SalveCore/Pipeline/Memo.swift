// One step's results from the last build, kept by item with the key they were computed from, so the preview's
// next build reuses every result whose key is unchanged (the way Salsa and Shake memoize).
import Foundation

/// How many items a step computed and how many it took from the last build.
public struct StepCounts: Sendable, Equatable {
    public var computed = 0
    public var reused = 0

    public init(computed: Int = 0, reused: Int = 0) {
        self.computed = computed
        self.reused = reused
    }
}

/// The results of one step by item id. A key holds every value the step read for that item, so an equal key
/// means an equal result: nothing is declared by hand that could miss an edge.
///
/// Early cutoff: a recomputed result that equals the kept one is replaced by the kept value itself, so the next
/// step's keys compare equal (and fast: strings and arrays with the same storage compare without reading it).
struct Memo<Key: Equatable & Sendable, Value: Equatable & Sendable>: Sendable {
    private var entries: [String: Entry] = [:]

    private struct Entry: Sendable {
        var key: Key
        var value: Value
    }

    init() {}

    /// Every item's result: the kept one when its key is unchanged, else `compute` (on `threads` cores).
    /// Afterwards the memo holds exactly these items. With no memo (a cold build), everything is computed and
    /// nothing kept.
    static func run<Item: Sendable>(
        _ memo: inout Memo?, _ items: [Item], threads: Int?, counts: inout StepCounts,
        id: (Item) -> String, key: (Item) -> Key, compute: @Sendable (Item) -> Value
    ) -> [Value] {
        guard memo != nil else {
            counts.computed += items.count
            return items.parallelMap(threads: threads, compute)
        }
        return run(&memo, items.map { ($0, key($0)) }, threads: threads, counts: &counts, id: { id($0.0) },
                   isCurrent: { $1 == $0.1 }, compute: { (compute($0.0), $0.1) })
    }

    /// `run` for a step whose key is only known once it has run (the links a page looked up): `isCurrent` tells
    /// whether a kept key still holds, and `compute` returns the result with its key.
    static func run<Item: Sendable>(
        _ memo: inout Memo?, _ items: [Item], threads: Int?, counts: inout StepCounts,
        id: (Item) -> String, isCurrent: (Item, Key) -> Bool, compute: @Sendable (Item) -> (Value, Key)
    ) -> [Value] {
        guard var kept = memo else {
            counts.computed += items.count
            return items.parallelMap(threads: threads) { compute($0).0 }
        }
        memo = nil  // so the entries are not copied on write below
        let ids = items.map(id)
        var entries: [Entry?] = items.indices.map { index in
            guard let entry = kept.entries[ids[index]], isCurrent(items[index], entry.key) else { return nil }
            return entry
        }
        let missing = entries.indices.filter { entries[$0] == nil }
        let computed = missing.map { items[$0] }.parallelMap(threads: threads, compute)
        for (index, (value, key)) in zip(missing, computed) {
            let old = kept.entries[ids[index]]
            entries[index] = Entry(key: key, value: old.map { $0.value == value } == true ? old!.value : value)
        }
        counts.computed += missing.count
        counts.reused += items.count - missing.count
        var next: [String: Entry] = [:]
        next.reserveCapacity(items.count)
        for index in items.indices { next[ids[index]] = entries[index]! }
        kept.entries = next
        memo = kept
        return entries.map { $0!.value }
    }

    /// A single result (the whole of a step that makes one thing, such as the sitemap), memoized the same way.
    static func one(_ memo: inout Memo?, counts: inout StepCounts, key: Key, compute: () -> Value) -> Value {
        if let entry = memo?.entries[""], entry.key == key {
            counts.reused += 1
            return entry.value
        }
        var value = compute()
        counts.computed += 1
        if memo != nil {
            if let entry = memo?.entries[""], entry.value == value { value = entry.value }
            memo!.entries = ["": Entry(key: key, value: value)]
        }
        return value
    }
}
