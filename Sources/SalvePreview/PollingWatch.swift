// The fallback where inotify is missing: compare every file's size and modification time a few times a second.
import Foundation

struct PollingWatch {
    let root: URL
    var interval: Duration = .milliseconds(250)

    /// A batch is reported after the first scan that finds nothing new.
    func run(stopped: StopFlag, report: ([String]) -> Void) {
        var known = scan()
        var pending: Set<String> = []
        while !stopped.isStopped {
            Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
            let now = scan()
            let changed = Set(now.keys).union(known.keys).filter { now[$0] != known[$0] }
            known = now
            if changed.isEmpty, !pending.isEmpty {
                report(pending.sorted())
                pending = []
            }
            pending.formUnion(changed)
        }
    }

    private struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var paths = ["salve.yml"]
        for folder in ["content", "templates"] {
            let url = root.appendingPathComponent(folder)
            paths += ((try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []).map { folder + "/" + $0 }
        }
        for path in paths where Watcher.matters(path) {
            var info = stat()
            guard stat(root.appendingPathComponent(path).path, &info) == 0 else { continue }
            stamps[path] = Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
        }
        return stamps
    }
}
