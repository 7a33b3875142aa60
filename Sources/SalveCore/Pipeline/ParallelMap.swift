// Maps over an array on all cores, keeping the input order so output stays deterministic.
import Foundation

extension Array where Element: Sendable {
    func parallelMap<T: Sendable>(threads: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        let workers = Swift.max(1, Swift.min(threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                results.store(transform(self[index]), at: index)
                index += workers
            }
        }
        return results.values()
    }
}

/// One slot per input: each index is written by exactly one worker and read only after all have finished,
/// so there is no concurrent access to the same element; hence `@unchecked Sendable`.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func values() -> [T] { (0..<count).map { slots[$0]! } }
}
