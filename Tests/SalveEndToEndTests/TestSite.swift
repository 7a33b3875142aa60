// A site in a temporary folder, written from an inline dictionary or copied from Tests/Fixtures (Hugo-style).
import Foundation
import SalveCore
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

struct TestSite {
    let root: URL
    var output: URL { root.appendingPathComponent("site") }

    /// A fresh folder with `files` (path -> contents) and, unless given, the default theme and a salve.yml.
    init(_ files: [String: String] = [:], fixture: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("salve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let fixture {
            for item in try FileManager.default.contentsOfDirectory(atPath: fixturesFolder.appendingPathComponent(fixture).path)
            where item != "expected" {
                try FileManager.default.copyItem(
                    at: fixturesFolder.appendingPathComponent(fixture).appendingPathComponent(item),
                    to: root.appendingPathComponent(item))
            }
        }
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path) {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        }
        if files["salve.yml"] == nil, fixture == nil {
            try write("salve.yml", TestSite.config)
        }
        for (path, contents) in files { try write(path, contents) }
    }

    static let config = """
        title: Test Health
        base_url: https://example.org/
        review_interval_months: 12
        """

    /// A valid page's front matter with `extra` lines added, followed by `body`.
    static func page(_ title: String = "A page", extra: String = "", body: String = "Some text.") -> String {
        """
        ---
        title: \(title)
        summary: A short summary.
        last_reviewed: 2026-01-15
        reviewed_by: Dr. Test, MD
        \(extra)
        ---
        \(body)
        """
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    @discardableResult
    func build(baseURL: String? = nil, drafts: Bool = false, threads: Int? = nil) throws -> BuildReport {
        try Build.run(options(baseURL: baseURL, drafts: drafts, threads: threads))
    }

    func options(baseURL: String? = nil, drafts: Bool = false, threads: Int? = nil) -> BuildOptions {
        BuildOptions(root: root, includeDrafts: drafts, baseURL: baseURL,
                     today: Day(year: 2026, month: 6, day: 1)!, threads: threads)
    }

    /// The diagnostics of a build that must fail.
    func failures() throws -> [Diagnostic] {
        do {
            try build()
        } catch let failure as BuildFailure {
            return failure.diagnostics
        }
        Issue.record("the build succeeded but was expected to fail")
        return []
    }

    func errors() throws -> [Diagnostic] { try failures().filter { $0.severity == .error } }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under `folder`, by relative path.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

let fixturesFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures")
