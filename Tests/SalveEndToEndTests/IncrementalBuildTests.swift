// The preview's incremental rebuild must leave exactly what a fresh full build makes, after any edit.
import Foundation
import SalveCore
import Testing

@Suite("incremental rebuild")
struct IncrementalBuildTests {
    static let baseURL = "http://127.0.0.1:8000/"

    @Test("after each edit (add, change, rename, delete, template, stylesheet, salve.yml, a broken edit and its fix) the preview folder equals a fresh full build")
    func equalsFullBuild() throws {
        let site = try TestSite(fixture: "minimal")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let preview = site.root.appendingPathComponent(".salve/preview")
        var options = site.options(baseURL: Self.baseURL)
        options.output = preview
        var build = try IncrementalBuild(options)

        @discardableResult
        func step(_ name: String, _ edit: () throws -> Void) throws -> RebuildReport {
            try edit()
            let report = try build.rebuild()
            try Self.expectFullBuild(of: site, equals: preview, name)
            return report
        }
        let sleep = "content/articles/sleep.md"

        let first = try step("first build") {}
        #expect(first.written.contains("articles/sleep/index.html"))
        let nothing = try step("no edit") {}
        #expect(nothing.written.isEmpty && nothing.deleted.isEmpty)

        let added = try step("add a page") { try site.write("content/articles/rest.md", TestSite.page("Rest well")) }
        #expect(added.written.contains("articles/rest/index.html"))
        let changed = try step("change a page") {
            try site.write(sleep, try read(site, sleep).replacingOccurrences(of: "light and broken", with: "short"))
        }
        #expect(changed.written.contains("articles/sleep/index.html"))
        #expect(!changed.written.contains("articles/rest/index.html"))
        try step("change a title shown on other pages") {
            try site.write(sleep, try read(site, sleep).replacingOccurrences(of: "title: Why is sleep hard", with: "title: Why is rest hard"))
        }
        let renamed = try step("rename a page") {
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/articles/rest.md"),
                                             to: site.root.appendingPathComponent("content/articles/resting.md"))
        }
        #expect(renamed.deleted.contains("articles/rest/index.html"))
        try step("delete a page") {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/resting.md"))
        }
        try step("change a template") {
            let template = "templates/article.mustache"
            try site.write(template, try read(site, template).replacingOccurrences(of: "</article>", with: "<p>Edited.</p></article>"))
        }
        let css = try step("change the stylesheet") {
            try site.write("templates/assets/style.css", try read(site, "templates/assets/style.css") + "\nbody { margin: 0; }\n")
        }
        #expect(css.onlyStylesheets)
        try step("change the glossary, which links words in unchanged pages") {
            try site.write("content/glossary.yml", try read(site, "content/glossary.yml") + "- term: Sleep\n  definition: Rest at night.\n")
        }
        try step("same text in another Unicode normalisation") {
            try site.write(sleep, try read(site, sleep).replacingOccurrences(of: "Keep the room dark.", with: "Keep the room dark, caf\u{E9} free."))
        }
        let decomposed = try step("decompose the accent: equal as Swift strings, other bytes") {
            try site.write(sleep, try read(site, sleep).replacingOccurrences(of: "caf\u{E9}", with: "cafe\u{301}"))
        }
        #expect(decomposed.written.contains("articles/sleep/index.html"))
        let moved = try step("give a page an old address and a change list") {
            try site.write(sleep, try read(site, sleep).replacingOccurrences(
                of: "last_reviewed:", with: "moved_from: [/articles/old-sleep/]\nupdated: 2026-05-20\nchanges:\n  - date: 2026-05-20\n    text: Shorter.\nlast_reviewed:"))
        }
        #expect(moved.written.contains("articles/old-sleep/index.html") && moved.written.contains("_redirects"))
        let unmoved = try step("take the old address away again") {
            try site.write(sleep, try read(site, sleep).replacingOccurrences(of: "moved_from: [/articles/old-sleep/]\n", with: ""))
        }
        #expect(unmoved.deleted.contains("articles/old-sleep/index.html"))
        try step("change salve.yml") {
            try site.write("salve.yml", try read(site, "salve.yml").replacingOccurrences(of: "Minimal Health", with: "Tiny Health"))
        }

        let good = try contents(of: preview)
        let broken = try read(site, sleep)
        try site.write(sleep, broken.replacingOccurrences(of: "title: Why", with: "title: [Why"))
        #expect(throws: BuildFailure.self) { try build.rebuild() }
        #expect(try contents(of: preview) == good, "a failed rebuild keeps the last good site")
        try step("fix the broken edit") { try site.write(sleep, broken) }
        try step("add a page in a new folder of media") {
            try site.write("content/media/extra/note.txt", "a note")
        }

        let everything = try contents(of: preview).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!everything.contains { $0.contains("_salve") }, "no trace of the live reload script in the output")
    }

    @Test("a rebuild that takes the watcher's word stats only the paths it names; the safety net finds what it missed")
    func trustsTheWatcherThenChecks() throws {
        let site = try TestSite(fixture: "minimal")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let preview = site.root.appendingPathComponent(".salve/preview")
        var options = site.options(baseURL: Self.baseURL)
        options.output = preview
        var build = try IncrementalBuild(options)
        _ = try build.rebuild()
        #expect(build.staleContent().isEmpty, "nothing changed since the build")

        let sleep = "content/articles/sleep.md"
        try site.write(sleep, try read(site, sleep).replacingOccurrences(of: "light and broken", with: "short"))
        try site.write("content/articles/rest.md", TestSite.page("Rest well"))
        let told = try build.rebuild(changed: [sleep], trustingChanged: true)
        #expect(told.written.contains("articles/sleep/index.html"))
        #expect(!told.written.contains("articles/rest/index.html"), "a path the watcher did not name is not looked at")
        #expect(build.staleContent() == ["content/articles/rest.md"])
        let caught = try build.rebuild(changed: build.staleContent(), trustingChanged: true)
        #expect(caught.written.contains("articles/rest/index.html"))
        #expect(build.staleContent().isEmpty)
        try Self.expectFullBuild(of: site, equals: preview, "after the safety net")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/rest.md"))
        try site.write("content/articles/new/deep.md", TestSite.page("Deep"))
        let gone = try build.rebuild(changed: ["content/articles/rest.md", "content/articles/new"], trustingChanged: true)
        #expect(gone.deleted.contains("articles/rest/index.html"))
        #expect(build.staleContent().isEmpty, "a new folder is listed, not trusted")
        try Self.expectFullBuild(of: site, equals: preview, "after a deletion and a new folder")
    }

    @Test("a page the watcher names is read again alone, and a problem in it is still found and then cleared")
    func rereadsOnlyTheNamedPage() throws {
        let site = try TestSite(fixture: "minimal")
        defer { try? FileManager.default.removeItem(at: site.root) }
        let preview = site.root.appendingPathComponent(".salve/preview")
        var options = site.options(baseURL: Self.baseURL)
        options.output = preview
        var build = try IncrementalBuild(options)
        _ = try build.rebuild()
        let sleep = "content/articles/sleep.md"
        let text = try read(site, sleep)

        try site.write(sleep, text.replacingOccurrences(of: "light and broken", with: "short"))
        let edited = try build.rebuild(changed: [sleep], trustingChanged: true)
        #expect(edited.counts("read the project")?.computed == 1)
        #expect(edited.counts("parse")?.computed == 1)

        // Not UTF-8: the build fails naming the file, and the fix is read again like any edit.
        try Data(Array(text.utf8) + [0xFF, 0x0A]).write(to: site.root.appendingPathComponent(sleep))
        do {
            _ = try build.rebuild(changed: [sleep], trustingChanged: true)
            Issue.record("a page that is not UTF-8 was built")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.contains { $0.path == sleep && $0.message.contains("UTF-8") })
        }
        try site.write(sleep, text)
        _ = try build.rebuild(changed: [sleep], trustingChanged: true)
        try Self.expectFullBuild(of: site, equals: preview, "after a broken page and its fix")
    }
}

extension IncrementalBuildTests {
    /// Records an issue for each file of `preview` that differs from a fresh full build of `site`.
    static func expectFullBuild(of site: TestSite, equals preview: URL, _ name: String) throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("salve-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        var full = site.options(baseURL: baseURL)
        full.output = fresh
        // The preview never keeps published-urls.txt, so the full build must not check it either: a
        // rename would fail against the list the first full build made.
        full.publishedURLs = .off
        _ = try Build.run(full)
        let (got, expected) = (try contents(of: preview), try contents(of: fresh))
        #expect(got.keys.sorted() == expected.keys.sorted(), "\(name): different files")
        for (path, bytes) in expected where got[path] != bytes {
            Issue.record("\(name): \(path) differs from a full build")
        }
    }
}

private func read(_ site: TestSite, _ path: String) throws -> String {
    try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
}

/// Every file under `folder` (hidden ones too) with its bytes.
/// The site's files; `salve build`'s marker (`.salve-output`, which says the folder is Salve's) is not part of it.
private func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path != ".salve-output" {
        var isFolder: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        files[path] = try Data(contentsOf: url)
    }
    return files
}
