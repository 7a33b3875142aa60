// Tabs reload only when what they show changed: the reload event names the files a rebuild changed, and each
// tab's own decision (the script's salveMustReload, run here by node) keeps a tab of another page as it is.
import Foundation
@testable import SalvePreview
import Testing

@Suite("salve serve: targeted reload")
struct TargetedReloadTests {
    @Test("a body edit names that page, not the others; the edited page's tab reloads and another page's tab does not",
          .enabled(if: nodePath != nil, "needs node"))
    func bodyEditReloadsItsPageOnly() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        let events = try await EventStream(port: preview.port)
        _ = try await events.next("connected")

        let original = try site.read("content/articles/sleep.md")
        try site.save("content/articles/sleep.md",
                      original.replacingOccurrences(of: "Sleep is often light and broken.", with: "Sleep is often short."))
        let event = try await events.next("reload")
        let paths = (try? JSONDecoder().decode([String: [String]].self, from: Data(event.data.utf8)))?["paths"] ?? []
        #expect(paths.contains("articles/sleep/index.html"), "\(paths)")
        #expect(!paths.contains("comparisons/options/index.html"), "\(paths)")

        let uses = ["/assets/style.css", "/media/bedroom.svg"]
        #expect(try decides(event.data, pathname: "/articles/sleep/", uses: uses) == true)
        #expect(try decides(event.data, pathname: "/comparisons/options/", uses: uses) == false)
        #expect(try decides(event.data, pathname: "/no/such/page/", uses: [], notFound: true) == false)
        await preview.stop()
    }

    @Test("a tab opened on a broken build reloads on every page when the fix comes", .enabled(if: nodePath != nil, "needs node"))
    func fixReloadsEveryTab() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        let events = try await EventStream(port: preview.port)
        _ = try await events.next("connected")
        let original = try site.read("content/articles/sleep.md")
        try site.save("content/articles/sleep.md", original.replacingOccurrences(of: "title: Why", with: "title: [Why"))
        _ = try await events.next("errors")
        try site.save("content/articles/sleep.md", original)
        let event = try await events.next("reload")
        #expect(event.data == #"{"all":true}"#)
        #expect(try decides(event.data, pathname: "/comparisons/options/", uses: []) == true)
        await preview.stop()
    }
}

/// node, when the machine has it (Debian's nodejs; make test installs it for the search tests).
let nodePath: String? = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// What `salveMustReload` says for a tab at `pathname` that loads `uses`, given a reload event's data.
func decides(_ data: String, pathname: String, uses: [String], notFound: Bool = false) throws -> Bool {
    let arguments = try JSONSerialization.data(withJSONObject: [pathname, uses, notFound])
    let program = LiveReload.decision + """
        const [pathname, uses, notFound] = \(String(decoding: arguments, as: UTF8.self));
        process.stdout.write(String(salveMustReload(JSON.parse(\(String(decoding: try JSONEncoder().encode(data), as: UTF8.self))), pathname, uses, notFound)));
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: nodePath ?? "node")
    process.arguments = ["-e", program]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, ["true", "false"].contains(text) else {
        throw LoopbackError(description: "node said \(text) (status \(process.terminationStatus))")
    }
    return text == "true"
}

@Suite("live reload script: the tab's decision")
struct ReloadDecisionTests {
    @Test("node --test Tests/Preview/live_reload.test.mjs passes", .enabled(if: nodePath != nil, "needs node"))
    func nodeTests() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nodePath ?? "node")
        process.arguments = ["--test", repositoryRoot.appendingPathComponent("Tests/Preview/live_reload.test.mjs").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("# fail 0"))
    }

    @Test("the served script is valid JavaScript and asks the decision before reloading", .enabled(if: nodePath != nil, "needs node"))
    func scriptParses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salve-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.js")
        try Data(LiveReload.script.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nodePath ?? "node")
        process.arguments = ["--check", file.path]
        let output = Pipe()
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(LiveReload.script.contains("if (!salveMustReload(change, location.pathname, usedFiles(), servedAsNotFound())) return;"))
    }
}
