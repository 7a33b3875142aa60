// `salve build --timings`: each step of the pipeline with its wall time and what it made.
import SalveCore

enum TimingsTable {
    static func text(_ steps: [StepTiming]) -> String {
        let nameWidth = max(4, steps.map(\.name.count).max() ?? 0)
        var lines = ["step".padding(nameWidth) + "        ms    CPU ms  peak MiB  items"]
        for step in steps {
            let milliseconds = String(format: "%10.1f", step.seconds * 1000)
            let cpu = String(format: "%10.1f", step.cpuSeconds * 1000)
            let memory = String(format: "%10d", step.peakMemory / 1_048_576)
            let reuse = step.counts.map { ", \($0.computed) made, \($0.reused) reused" } ?? ""
            lines.append(step.name.padding(nameWidth) + milliseconds + cpu + memory + "  \(step.items) \(step.unit)\(reuse)")
        }
        let (total, cpu) = steps.reduce((0.0, 0.0)) { ($0.0 + $1.seconds, $0.1 + $1.cpuSeconds) }
        lines.append("total".padding(nameWidth) + String(format: "%10.1f%10.1f", total * 1000, cpu * 1000))
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
