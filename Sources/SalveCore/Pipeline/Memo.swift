// One step's results from the last build, kept by item with the key they were computed from, so the preview's
// next build reuses every result whose key is unchanged (the way Salsa and Shake memoize).
import Foundation

/// `SALVE_VERIFY_MEMO` set (the tests set it): a memo checks the items its caller said are unchanged.
let verifiesSuspects = ProcessInfo.processInfo.environment["SALVE_VERIFY_MEMO"] != nil

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
    /// The items' ids, keys and results in the order the last build had them. An item is looked up at its own
    /// position first, since between two builds of a site almost every page keeps its place: comparing its id
    /// there costs no hashing (a kept page's id is the same string), where a dictionary of ten thousand ids cost
    /// a hash and a cache miss per page per step. Three arrays side by side, changed in place: a rebuild that
    /// computes one item writes one slot of each, and hands back `values` without copying it.
    private var ids: [String] = []
    private var keys: [Key] = []
    private var values: [Value] = []

    init() {}

    /// Every item's result: the kept one when its key is unchanged, else `compute` (on `threads` cores).
    /// Afterwards the memo holds exactly these items. With no memo (a cold build), everything is computed and
    /// nothing kept.
    static func run<Item: Sendable>(
        _ memo: inout Memo?, _ items: [Item], threads: Int?, counts: inout StepCounts, suspects: [Int]? = nil,
        id: (Item) -> String, key: @Sendable (Item) -> Key, compute: @Sendable (Item) -> Value
    ) -> [Value] {
        guard memo != nil else {
            counts.computed += items.count
            return items.parallelMap(threads: threads, compute)
        }
        return run(&memo, items, threads: threads, counts: &counts, suspects: suspects, id: id,
                   isCurrent: { index, kept in kept == key(items[index]) },
                   compute: { item in (compute(item), key(item)) })
    }

    /// `run` for a step whose key is only known once it has run (the links a page looked up): `isCurrent` tells
    /// whether a kept key still holds for the item at an index, and `compute` returns the result with its key.
    ///
    /// - Parameter suspects: when known, the only indices whose key may have changed: the caller saw every input
    ///   of every other item's key unchanged, by identity, at the same index. Then only these are looked at,
    ///   and a rebuild costs what changed, not what the site holds. Tests run with `SALVE_VERIFY_MEMO` set,
    ///   which checks every other item as well and stops on the first the caller was wrong about.
    static func run<Item: Sendable>(
        _ memo: inout Memo?, _ items: [Item], threads: Int?, counts: inout StepCounts, suspects: [Int]? = nil,
        id: (Item) -> String, isCurrent: (Int, Key) -> Bool, compute: @Sendable (Item) -> (Value, Key)
    ) -> [Value] {
        guard var kept = memo else {
            counts.computed += items.count
            return items.parallelMap(threads: threads) { compute($0).0 }
        }
        memo = nil  // so the arrays are changed in place below, not copied
        let missing: [Int]
        if let suspects, items.count == kept.ids.count, suspects.allSatisfy({ id(items[$0]) == kept.ids[$0] }) {
            if verifiesSuspects {
                for index in items.indices where !suspects.contains(index) {
                    precondition(id(items[index]) == kept.ids[index] && isCurrent(index, kept.keys[index]),
                                 "memo: item \(index) (\(id(items[index]))) changed but was not among the suspects")
                }
            }
            missing = suspects.filter { !isCurrent($0, kept.keys[$0]) }
        } else {
            // Only when items moved, came or went are the kept entries looked up by id; else they are changed in place.
            var inPlace = items.count == kept.ids.count
            if inPlace {
                for index in items.indices where id(items[index]) != kept.ids[index] {
                    inPlace = false
                    break
                }
            }
            if !inPlace { kept.rearrange(to: items.map(id)) }
            missing = items.indices.filter { index in kept.key(at: index).map { !isCurrent(index, $0) } ?? true }
        }
        let computed = missing.map { items[$0] }.parallelMap(threads: threads, compute)
        kept.fill(missing, with: computed)
        counts.computed += missing.count
        counts.reused += items.count - missing.count
        let values = kept.values
        memo = kept
        return values
    }

    /// `one` for a caller that can tell by identity that every input of the key is the one the kept result was
    /// made from (`unchanged`): then the key is not even made (checked under `SALVE_VERIFY_MEMO`, as `suspects`).
    static func one(_ memo: inout Memo?, counts: inout StepCounts, unchanged: Bool, key: () -> Key,
                    compute: () -> Value) -> Value
    {
        if unchanged, let kept = memo, kept.keys.count == 1 {
            precondition(!verifiesSuspects || kept.keys[0] == key(), "memo: a single result's input changed unnoticed")
            counts.reused += 1
            return kept.values[0]
        }
        return one(&memo, counts: &counts, key: key(), compute: compute)
    }

    /// A single result (the whole of a step that makes one thing, such as the sitemap), memoized the same way.
    static func one(_ memo: inout Memo?, counts: inout StepCounts, key: Key, compute: () -> Value) -> Value {
        if let kept = memo, kept.keys.count == 1, kept.keys[0] == key {
            counts.reused += 1
            return kept.values[0]
        }
        var value = compute()
        counts.computed += 1
        if memo != nil {
            if memo!.values.count == 1, memo!.values[0] == value { value = memo!.values[0] }
            memo = Memo(ids: [""], keys: [key], values: [value])
        }
        return value
    }

    private init(ids: [String], keys: [Key], values: [Value]) {
        self.ids = ids
        self.keys = keys
        self.values = values
    }

    /// While items are rearranged (they moved, came or went): the kept key and value of each item in the new
    /// order, nil for a new item, until `fill` gives every item its result.
    private var moved: (keys: [Key?], values: [Value?])?

    /// The kept key of the item at `index` in this run, if it has one.
    private func key(at index: Int) -> Key? { moved.map { $0.keys[index] } ?? keys[index] }

    /// Looks up each new id's kept entry by id.
    private mutating func rearrange(to newIDs: [String]) {
        let byID = Dictionary(zip(ids, ids.indices), uniquingKeysWith: { a, _ in a })
        let found = newIDs.map { byID[$0] }
        moved = (found.map { $0.map { keys[$0] } }, found.map { $0.map { values[$0] } })
        ids = newIDs
    }

    /// Stores the results computed for `indices`; a result equal to the kept one keeps the kept value (early
    /// cutoff), so the next step's keys compare it by identity.
    private mutating func fill(_ indices: [Int], with computed: [(Value, Key)]) {
        guard var (newKeys, newValues) = moved else {
            for (index, (value, key)) in zip(indices, computed) {
                if values[index] != value { values[index] = value }
                keys[index] = key
            }
            return
        }
        moved = nil
        for (index, (value, key)) in zip(indices, computed) {
            if newValues[index].map({ $0 != value }) ?? true { newValues[index] = value }
            newKeys[index] = key
        }
        keys = newKeys.map { $0! }
        values = newValues.map { $0! }
    }
}

/// The indices at which `new` holds another value than `old`, told by `same` (an identity test, which reads no
/// field of either); nil when there is no `old` or the lengths differ, so that every index is suspect.
func changedIndices<T>(from old: [T]?, to new: [T], same: (T, T) -> Bool) -> [Int]? {
    guard let old, old.count == new.count else { return nil }
    return new.indices.filter { !same(old[$0], new[$0]) }
}
