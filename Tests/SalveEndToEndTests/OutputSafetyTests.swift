// The published site is only ever replaced by a complete one, and the same input gives the same bytes.
import Foundation
import SalveCore
import Testing

@Suite("Output is safe and reproducible")
struct OutputSafetyTests {
    @Test("a failed build leaves the previous site exactly as it was")
    func failedBuildKeepsSite() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        let before = try TestSite.snapshot(of: site.output)
        try site.write("content/articles/broken.md", "---\ntitle: [oops\n---\n")
        _ = try site.failures()
        #expect(try TestSite.snapshot(of: site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site.tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("building twice gives byte-identical output")
    func buildIsDeterministic() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        let first = try TestSite.snapshot(of: site.output)
        try site.build()
        #expect(try TestSite.snapshot(of: site.output) == first)
    }

    @Test("a rebuild over the kept previous site equals a fresh build and leaves unchanged files alone")
    func rebuildReusesPreviousSite() throws {
        let site = try TestSite(fixture: "minimal")
        defer { site.remove() }
        try site.build()
        try site.build()
        let previous = site.root.appendingPathComponent(".site.previous")
        #expect(FileManager.default.fileExists(atPath: previous.path))
        // Things the next build must clear out of the reused folder: a stray file, a symbolic link,
        // a file where a folder belongs and a folder where a file belongs.
        try "stray".write(to: previous.appendingPathComponent("stray.html"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: previous.appendingPathComponent("link").path,
                                                   withDestinationPath: "/etc")
        try FileManager.default.removeItem(at: previous.appendingPathComponent("assets"))
        try "not a folder".write(to: previous.appendingPathComponent("assets"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: previous.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(at: previous.appendingPathComponent("index.html/inner"),
                                                withIntermediateDirectories: true)
        let old = Date(timeIntervalSince1970: 1_000_000)
        for name in ["robots.txt", "sitemap.xml"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: previous.appendingPathComponent(name).path)
        }

        try site.write("content/articles/added.md", TestSite.page("Added"))
        try site.build()
        let fresh = site.root.appendingPathComponent("fresh")
        var options = site.options()
        options.output = fresh
        _ = try Build.run(options)
        #expect(try TestSite.snapshot(of: site.output) == TestSite.snapshot(of: fresh))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.appendingPathComponent("link").path)) == nil)
        func modified(_ name: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        #expect(try modified("robots.txt") == old, "robots.txt did not change, so it was not written again")
        #expect(try modified("sitemap.xml") != old, "the sitemap lists the new page, so it was written")
    }

    @Test("a hard-linked snapshot of site/ (cp -al) is not changed by rebuilds that change its pages")
    func hardLinkedSnapshotStaysUnchanged() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("Version 0")])
        defer { site.remove() }
        try site.build()
        try site.build()
        let snapshot = site.root.appendingPathComponent("snapshot")
        #expect(try run("/bin/cp", ["-al", site.output.path, snapshot.path]).status == 0)
        let before = try TestSite.snapshot(of: snapshot)
        #expect(try String(decoding: #require(before["articles/a/index.html"]), as: UTF8.self).contains("Version 0"))
        for round in 1...3 {
            try site.write("content/articles/a.md", TestSite.page("Version \(round)"))
            try site.build()
            #expect(try site.read("articles/a/index.html").contains("Version \(round)"))
            #expect(try TestSite.snapshot(of: snapshot) == before, "after rebuild \(round)")
        }
    }

    /// A folder made by the benchmark's own generator: articles, FAQ pages and comparisons shaped like the real
    /// content model, the project in its `salve/`.
    private func generatedKnowledgeBase(pages: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salve-generated-\(UUID().uuidString)")
        let generated = try run("/usr/bin/env", [
            "python3", repositoryRoot.appendingPathComponent("Benchmarks/generate.py").path,
            "--pages", String(pages), "--out", folder.path, "--no-hugo",
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        return folder
    }

    @Test("a generated knowledge base gives the same bytes on one thread and on many, build after build")
    func threadCountDoesNotMatter() throws {
        let folder = try generatedKnowledgeBase(pages: 150)
        defer { try? FileManager.default.removeItem(at: folder) }
        func build(threads: Int, into name: String) throws -> [String: Data] {
            let output = folder.appendingPathComponent(name)
            _ = try Build.run(BuildOptions(root: folder.appendingPathComponent("salve"), output: output,
                                       today: Day(year: 2026, month: 6, day: 1)!, threads: threads))
            return try TestSite.snapshot(of: output)
        }
        let single = try build(threads: 1, into: "one")
        #expect(single.keys.contains { $0.hasPrefix("faqs/") } && single.keys.contains { $0.hasPrefix("comparisons/") })
        for attempt in 0..<3 {
            #expect(try build(threads: 8, into: "many") == single, "attempt \(attempt)")
        }
    }

    @Test("a cold build in batches of a few pages writes the same bytes and counts the same items as one batch")
    func batchSizeDoesNotMatter() throws {
        let folder = try generatedKnowledgeBase(pages: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        func build(batch: Int, into name: String) throws -> (files: [String: Data], steps: [String]) {
            let output = folder.appendingPathComponent(name)
            var options = BuildOptions(root: folder.appendingPathComponent("salve"), output: output,
                                       today: Day(year: 2026, month: 6, day: 1)!, threads: 2)
            options.pagesPerBatch = batch
            let report = try Build.run(options)
            return (try TestSite.snapshot(of: output), report.steps.map { "\($0.name): \($0.items) \($0.unit)" })
        }
        let whole = try build(batch: 1000, into: "whole")
        // 7 does not divide the page count, so the last batch is a short one.
        let batched = try build(batch: 7, into: "batched")
        #expect(batched.files == whole.files)
        #expect(batched.steps == whole.steps)
        #expect(whole.steps.contains { $0.hasPrefix("apply the templates: ") })
    }

    @Test("drafts are left out unless asked for")
    func drafts() throws {
        let site = try TestSite([
            "content/articles/a.md": TestSite.page("A"),
            "content/articles/b.md": TestSite.page("B", extra: "draft: true"),
        ])
        defer { site.remove() }
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/b/index.html").path))
        try site.build(drafts: true)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/b/index.html").path))
    }
}
