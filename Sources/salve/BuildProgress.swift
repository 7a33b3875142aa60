// What `salve build` shows while it runs: one progress line on a terminal, each step's time with --verbose,
// nothing extra when standard error is a file or a pipe.
import Foundation
import SalveCore

enum BuildProgress {
    /// The handler for `BuildOptions.onStep`, or nil when there is nothing to show.
    static func handler(verbose: Bool) -> (@Sendable (StepEvent) -> Void)? {
        let terminal = isatty(STDERR_FILENO) == 1
        guard verbose || terminal else { return nil }
        return { event in
            switch event {
            case .started(let name) where terminal:
                // \r and "erase line" keep it to one line that each step overwrites.
                write("\r\u{1B}[2K\(name)…")
            case .finished(let step) where verbose:
                let line = String(format: "%@ %.1f ms (%d %@)", step.name, step.seconds * 1000, step.items, step.unit)
                write((terminal ? "\r\u{1B}[2K" : "") + line + "\n")
            default:
                break
            }
        }
    }

    /// Removes the progress line before the build's own output.
    static func clear() {
        if isatty(STDERR_FILENO) == 1 { write("\r\u{1B}[2K") }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
