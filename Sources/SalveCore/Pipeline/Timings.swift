// How long each step of a build took and how much it made: `salve build --timings` prints it.
import Foundation

/// One step of the pipeline as it ran.
public struct StepTiming: Sendable, Equatable {
    public var name: String
    public var seconds: Double
    /// The CPU time (user and system, every thread) the process spent during the step: above `seconds` when the
    /// step ran on several cores.
    public var cpuSeconds: Double = 0
    /// What the step made: files read, pages parsed, views, files written, …
    public var items: Int
    public var unit: String
    /// The process's peak memory (maximum resident set) when the step ended, in bytes.
    public var peakMemory: Int = 0
    /// For a build that kept the last one's results (the preview): how many items were made again and reused.
    public var counts: StepCounts? = nil
}

/// A step starting or finished, as a build reports it while it runs.
public enum StepEvent: Sendable {
    case started(String)
    case finished(StepTiming)
}

/// The steps of one build, in the order they ran.
struct Timings: Sendable {
    private(set) var steps: [StepTiming] = []
    /// Told as each step starts and ends, for a progress line on a terminal or `--verbose`.
    var onStep: (@Sendable (StepEvent) -> Void)?
    /// Added to every step's name: the language of a part of a multilingual site (` (es)`).
    var nameSuffix = ""

    /// Timings for the steps of the part of the site in `language`, told to the same listener.
    func part(_ language: String) -> Timings {
        Timings(onStep: onStep, nameSuffix: " (\(language))")
    }

    /// Adds the steps timed by `part`'s timings after this one's.
    mutating func append(_ part: Timings) { steps += part.steps }

    /// `step`, for a step that reuses kept results: `body` adds up what it computed and reused.
    mutating func memoStep<T>(_ name: String, unit: String, count: (T) -> Int, memory: Bool,
                              _ body: (inout StepCounts) throws -> T) rethrows -> T
    {
        var tally = StepCounts()
        let result = try step(name, unit: unit, count: count) { try body(&tally) }
        if memory { steps[steps.count - 1].counts = tally }
        return result
    }

    /// A step that runs in parts between other steps' parts: its parts' times and items add up (`close`).
    struct OpenStep {
        fileprivate(set) var timing: StepTiming
    }

    /// Starts a step run in parts, as `part` and `close` then time it.
    func open(_ name: String, unit: String) -> OpenStep {
        OpenStep(timing: StepTiming(name: name + nameSuffix, seconds: 0, items: 0, unit: unit))
    }

    /// Runs `body` as a part of `step`, adding its wall time and `count(result)` items.
    func part<T>(of step: inout OpenStep, count: (T) -> Int, _ body: () throws -> T) rethrows -> T {
        onStep?(.started(step.timing.name))
        let (started, cpu) = (DispatchTime.now().uptimeNanoseconds, Self.cpuSeconds)
        let result = try body()
        step.timing.seconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        step.timing.cpuSeconds += Self.cpuSeconds - cpu
        step.timing.items += count(result)
        return result
    }

    /// Records a step run in parts, after the steps recorded so far.
    mutating func close(_ step: OpenStep) {
        var timing = step.timing
        timing.peakMemory = Self.peakMemory
        steps.append(timing)
        onStep?(.finished(timing))
    }

    private static var usage: rusage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage
    }

    /// The process's maximum resident set so far, in bytes.
    private static var peakMemory: Int { Int(Self.usage.ru_maxrss) * 1024 }

    /// The CPU time the process has used so far, on every thread, in seconds.
    private static var cpuSeconds: Double {
        let usage = Self.usage
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Runs `body` as the step `name`, recording its wall time and `count(result)` items: a step in one part.
    mutating func step<T>(_ name: String, unit: String, count: (T) -> Int, _ body: () throws -> T) rethrows -> T {
        var step = open(name, unit: unit)
        let result = try part(of: &step, count: count, body)
        close(step)
        return result
    }
}
