// Maps over an array on all cores, keeping the input order so output stays deterministic.
import Foundation
import Synchronization

extension Array where Element: Sendable {
    func parallelMap<T: Sendable>(threads: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        parallelMap(threads: threads, state: {}) { _, element in transform(element) }
    }

    /// `parallelMap` where each worker makes one `State` (an analyzer, a tally) and keeps it for all the elements
    /// it takes. `transform` must give the same result whichever worker's state it is handed.
    func parallelMap<State, T: Sendable>(threads: Int? = nil, state makeState: @Sendable () -> State,
                                         _ transform: @Sendable (inout State, Element) -> T) -> [T]
    {
        let results = ResultSlots<T>(count: count)
        let workers = Swift.max(1, Swift.min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        // Each worker takes the next run of indices when it is done with one, instead of a fixed share: the cores
        // here run at speeds that differ from moment to moment, and with fixed halves one core sat idle at the end
        // of every step while the other finished. Each result still goes to its own index.
        let run = Swift.max(1, count / (workers * 32))
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = makeState()
            while true {
                let start = next.value.wrappingAdd(run, ordering: .relaxed).oldValue
                guard start < count else { return }
                for index in start..<Swift.min(start + run, count) {
                    results.store(transform(&state, self[index]), at: index)
                }
            }
        }
        return results.values()
    }

    /// `parallelMap` that empties the array: each element is let go on the worker that read it, so freeing large
    /// elements (a batch's page views) runs on every core, not one by one on the caller's thread afterwards.
    mutating func parallelMapEmptying<T: Sendable>(threads: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        let inputs = ResultSlots<Element>(count: count)
        for index in 0..<count { inputs.store(self[index], at: index) }
        self = []
        return Array<Int>(0..<count).parallelMap(threads: threads) { transform(inputs.take($0)) }
    }

    /// `parallelMapEmptying` for work that can fail (writing files): every element is tried, then the first
    /// failure in input order is thrown.
    mutating func parallelForEachEmptying(threads: Int? = nil, _ body: @Sendable (Element) throws -> Void) throws {
        let failures = parallelMapEmptying(threads: threads) { element -> Error? in
            do {
                try body(element)
                return nil
            } catch { return error }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }
}

/// The next index no worker has taken yet.
private final class NextIndex: Sendable {
    let value = Atomic<Int>(0)
}

/// One slot per input: each index is written by exactly one worker and read only after all have finished,
/// so there is no concurrent access to the same element; hence `@unchecked Sendable`.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int
    private var movedOut = false

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        if !movedOut { slots.deinitialize(count: count) }
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    /// Empties one slot, so its value goes with the caller's last use of it.
    func take(_ index: Int) -> T { slots[index].take()! }

    /// Moves the values out (no copy to retain and no slot to release afterwards); call it once, last.
    func values() -> [T] {
        movedOut = true
        return (0..<count).map { (slots + $0).move()! }
    }
}
