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
    /// The items' ids and entries in the order the last build had them. An item is looked up at its own position
    /// first, since between two builds of a site almost every page keeps its place: comparing its id there costs
    /// no hashing (a kept page's id is the same string), where a dictionary of ten thousand ids cost a hash and a
    /// cache miss per page per step.
    private var ids: [String] = []
    private var list: [Entry] = []

    /// A class, so the arrays below move one reference per entry, not every field of a key.
    private final class Entry: Sendable {
        let key: Key
        let value: Value

        init(key: Key, value: Value) {
            self.key = key
            self.value = value
        }
    }

    init() {}

    /// Every item's result: the kept one when its key is unchanged, else `compute` (on `threads` cores).
    /// Afterwards the memo holds exactly these items. With no memo (a cold build), everything is computed and
    /// nothing kept.
    static func run<Item: Sendable>(
        _ memo: inout Memo?, _ items: [Item], threads: Int?, counts: inout StepCounts,
        id: (Item) -> String, key: @Sendable (Item) -> Key, compute: @Sendable (Item) -> Value
    ) -> [Value] {
        guard memo != nil else {
            counts.computed += items.count
            return items.parallelMap(threads: threads, compute)
        }
        // Keys are made once, here; the few items computed again make theirs again in `compute`.
        let keys = items.map(key)
        return run(&memo, items, threads: threads, counts: &counts, id: id,
                   isCurrent: { index, kept in kept == keys[index] },
                   compute: { item in (compute(item), key(item)) })
    }

    /// `run` for a step whose key is only known once it has run (the links a page looked up): `isCurrent` tells
    /// whether a kept key still holds for the item at an index, and `compute` returns the result with its key.
    static func run<Item: Sendable>(
        _ memo: inout Memo?, _ items: [Item], threads: Int?, counts: inout StepCounts,
        id: (Item) -> String, isCurrent: (Int, Key) -> Bool, compute: @Sendable (Item) -> (Value, Key)
    ) -> [Value] {
        guard var kept = memo else {
            counts.computed += items.count
            return items.parallelMap(threads: threads) { compute($0).0 }
        }
        memo = nil  // so the entries are updated in place below, not copied
        let ids = items.map(id)
        // Only when items moved, came or went are the kept entries looked up by id; else they are changed in place.
        let inPlace = ids.count == kept.ids.count && zip(ids, kept.ids).allSatisfy { $0 == $1 }
        var found: [Entry?] = []
        if !inPlace {
            let byID = Dictionary(zip(kept.ids, kept.list), uniquingKeysWith: { a, _ in a })
            found = ids.map { byID[$0] }
        }
        let previous = { (index: Int) -> Entry? in inPlace ? kept.list[index] : found[index] }
        let missing = items.indices.filter { index in previous(index).map { !isCurrent(index, $0.key) } ?? true }
        let computed = missing.map { items[$0] }.parallelMap(threads: threads, compute)
        for (index, (value, key)) in zip(missing, computed) {
            let old = previous(index)
            let entry = Entry(key: key, value: old.map { $0.value == value } ?? false ? old!.value : value)
            if inPlace { kept.list[index] = entry } else { found[index] = entry }
        }
        if !inPlace { kept.list = found.map { $0! } }
        kept.ids = ids
        counts.computed += missing.count
        counts.reused += items.count - missing.count
        memo = kept
        return kept.list.map(\.value)
    }

    /// A single result (the whole of a step that makes one thing, such as the sitemap), memoized the same way.
    static func one(_ memo: inout Memo?, counts: inout StepCounts, key: Key, compute: () -> Value) -> Value {
        if let entry = memo?.list.first, entry.key == key {
            counts.reused += 1
            return entry.value
        }
        var value = compute()
        counts.computed += 1
        if memo != nil {
            if let entry = memo?.list.first, entry.value == value { value = entry.value }
            memo!.ids = [""]
            memo!.list = [Entry(key: key, value: value)]
        }
        return value
    }
}
