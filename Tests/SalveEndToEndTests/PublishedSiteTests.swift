// The published site is never lost: not to kill -9 in the middle of a build, not to a failing write.
import Foundation
import SalveCore
import Testing

@Suite("The published site is never lost")
struct PublishedSiteTests {
    static func pages(version: String) -> [String: String] {
        var files: [String: String] = [:]
        for n in 0..<250 {
            files["content/articles/page-\(n).md"] = TestSite.page(
                "Page \(n) \(version)", extra: "conditions: [C\(n % 5)]",
                body: String(repeating: "Version \(version) of page \(n) has ~~some~~ text and a table.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: 20))
        }
        return files
    }

    @Test("kill -9 at thirty moments of a build: site/ is always the whole old site or the whole new one")
    func killDuringBuild() throws {
        let site = try TestSite(PublishedSiteTests.pages(version: "A"))
        defer { site.remove() }
        try site.build()
        for (path, text) in PublishedSiteTests.pages(version: "B") { try site.write(path, text) }
        let newOutput = site.root.appendingPathComponent("expected-new")
        _ = try Build.run(BuildOptions(root: site.root, output: newOutput, today: site.options().today))
        let new = try TestSite.snapshot(of: newOutput)
        try FileManager.default.removeItem(at: newOutput)

        let started = Date()
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
        let duration = Date().timeIntervalSince(started)
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("minimal/expected"), to: site.output)
        let previous = try TestSite.snapshot(of: site.output)

        var generator = SplitMix(seed: 42)
        var outcomes: [String: Int] = [:]
        for attempt in 0..<30 {
            let process = Process()
            process.executableURL = salveBinary
            process.arguments = ["build", "--root", site.root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double(generator.next() % 1000) / 1000 * duration * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try TestSite.snapshot(of: site.output)
            let outcome = now == previous ? "old" : now == new ? "new" : "broken"
            #expect(outcome != "broken", "attempt \(attempt): site/ is neither the old nor the new site")
            outcomes[outcome, default: 0] += 1
            if outcome == "new" {
                try FileManager.default.removeItem(at: site.output)
                try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("minimal/expected"), to: site.output)
            }
        }
        #expect(outcomes["old", default: 0] > 0, "\(outcomes)")
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
        #expect(try TestSite.snapshot(of: site.output) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site.tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("a write that fails leaves the previous site intact and says why")
    func writeFailure() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        let before = try TestSite.snapshot(of: site.output)
        let files = [
            OutputFile("index.html", .text("new")),
            OutputFile("assets/missing.css", .copy(site.root.appendingPathComponent("no-such-file.css"))),
        ]
        #expect {
            try SiteWriter(output: site.output).write(files)
        } throws: { error in
            "\(error)".hasPrefix("could not write the site (") && "\(error)".contains("site/ was left as it was")
        }
        #expect(try TestSite.snapshot(of: site.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site.tmp") }.isEmpty)
    }
}

/// A tiny deterministic random number generator, so the kill moments are the same in every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
