// The helpers that let large values go off the main thread: they must keep order and free every value once.
import Foundation
import Synchronization
import Testing

@testable import SalveCore

/// Counts its instances' deinits, so a test sees each value freed exactly once.
private final class Tracked: Sendable {
    static let freed = Atomic<Int>(0)
    let number: Int
    init(_ number: Int) { self.number = number }
    deinit { Tracked.freed.add(1, ordering: .relaxed) }
}

@Suite("Parallel map and letting go", .serialized)
struct ParallelMapTests {
    @Test("parallelMapEmptying keeps the input order, empties the array and frees each element once")
    func emptyingMap() {
        let before = Tracked.freed.load(ordering: .relaxed)
        var items = (0..<1000).map(Tracked.init)
        let numbers = items.parallelMapEmptying(threads: 4) { $0.number * 2 }
        #expect(items.isEmpty)
        #expect(numbers == (0..<1000).map { $0 * 2 })
        #expect(Tracked.freed.load(ordering: .relaxed) - before == 1000)
    }

    @Test("parallelMap with a state makes one state per worker, takes every index once and keeps the order",
          arguments: [1, 2, 3, 8])
    func statefulMap(threads: Int) {
        final class Counts: Sendable {
            let states = Atomic<Int>(0)
            let calls = Atomic<Int>(0)
        }
        let counts = Counts()
        let results = Array(0..<2000).parallelMap(threads: threads, state: { () -> [Int] in
            counts.states.add(1, ordering: .relaxed)
            return []
        }) { taken, index -> (Int, Bool) in
            counts.calls.add(1, ordering: .relaxed)
            taken.append(index)
            // Each worker's state holds only what it took: the runs it got, in increasing order.
            return (index * 3, taken.count == 1 || taken[taken.count - 2] < index)
        }
        #expect(results.map { $0.0 } == (0..<2000).map { $0 * 3 })
        #expect(results.allSatisfy { $0.1 })
        #expect(counts.calls.load(ordering: .relaxed) == 2000)
        #expect((1...threads).contains(counts.states.load(ordering: .relaxed)))
    }

    @Test("parallelMap's results are moved out whole, and freed once with the array")
    func movedResults() {
        let before = Tracked.freed.load(ordering: .relaxed)
        let made = Array(0..<500).parallelMap(threads: 3) { Tracked($0) }
        withExtendedLifetime(made) {
            #expect(made.map(\.number) == Array(0..<500))
            #expect(Tracked.freed.load(ordering: .relaxed) == before)
        }
        _ = consume made
        #expect(Tracked.freed.load(ordering: .relaxed) - before == 500)
    }

    @Test("letGo frees the value on another thread, soon")
    func lettingGo() async throws {
        let before = Tracked.freed.load(ordering: .relaxed)
        letGo((0..<100).map(Tracked.init))
        // Bounded wait: the thread frees a hundred objects in well under a millisecond.
        for _ in 0..<500 where Tracked.freed.load(ordering: .relaxed) - before < 100 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(Tracked.freed.load(ordering: .relaxed) - before == 100)
    }
}
