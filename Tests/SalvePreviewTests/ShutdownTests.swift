// The built `salve serve` binary stops on SIGTERM while a tab is listening for live reload: an event stream that
// ignored the shutdown would keep the process alive until the next rebuild.
import Foundation
import Testing

/// The `salve` executable built beside the test bundle.
private let salve = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("salve")

@Suite("stopping salve serve")
struct ShutdownTests {
    @Test("SIGTERM ends `salve serve` gracefully, with an event stream open", .enabled(if: FileManager.default.isExecutableFile(atPath: salve.path)))
    func sigterm() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let process = Process()
        process.executableURL = salve
        process.arguments = ["serve", "--root", site.root.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let reader = UncheckedBox(output.fileHandleForReading)
        let collected = PathLog()
        let port = try await withTimeout(seconds: 60) {
            try await offload { () throws -> Int in
                var text = ""
                while true {
                    let data = reader.value.availableData
                    guard !data.isEmpty else { throw LoopbackError(description: "salve serve ended: \(text)") }
                    text += String(decoding: data, as: UTF8.self)
                    if let match = text.firstMatch(of: /Serving http:\/\/127\.0\.0\.1:(\d+)\/ — press Ctrl-C to stop\n/) {
                        return Int(match.1)!
                    }
                }
            }
        }
        let events = try await EventStream(port: port)
        _ = try await events.next("connected")

        kill(process.processIdentifier, SIGTERM)
        let status = try await withTimeout(seconds: 20) {
            try await offload {
                let rest = String(decoding: reader.value.readDataToEndOfFile(), as: UTF8.self)
                collected.add([rest])
                process.waitUntilExit()
                return process.terminationStatus
            }
        }
        #expect(status == 0)
        #expect(collected.paths.contains { $0.contains("Stopped.") })
    }
}
