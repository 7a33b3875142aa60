// `salve build --compress`: a deterministic .gz beside each HTML, CSS, JS, JSON, XML and SVG file, checked by
// Python's gzip module (not the zlib that wrote it), compressed again only when its file changed.
import Foundation
import SalveCore
import Testing

@Suite struct CompressTests {
    static let files = [
        "content/articles/a.md": TestSite.page("A", body: "Some text about sleep. ![A diagram](../media/d.svg)"),
        "content/articles/b.md": TestSite.page("B", body: "Other text."),
        "content/media/d.svg": #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>"#,
        "content/media/notes.txt": "plain text is not compressed",
    ]

    /// Runs Python over every .gz under `folder`: each must decompress to the file beside it, with MTIME 0 and no
    /// name in its header. Returns the paths of the files that have a .gz, sorted.
    func checkedWithPython(_ folder: URL) throws -> [String] {
        let script = """
            import gzip, os, sys
            root = sys.argv[1]
            found = []
            for folder, _, names in os.walk(root):
                for name in names:
                    if not name.endswith(".gz"):
                        continue
                    path = os.path.join(folder, name)
                    data = open(path, "rb").read()
                    assert data[:4] == bytes([0x1F, 0x8B, 8, 0]), path + ": flags or magic"
                    assert data[4:8] == bytes(4), path + ": mtime"
                    assert gzip.decompress(data) == open(path[:-3], "rb").read(), path + ": content"
                    found.append(os.path.relpath(path[:-3], root))
            print("\\n".join(sorted(found)))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.path]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        let failure = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: failure, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func build(_ site: TestSite, into output: URL? = nil, compress: Bool = true) throws -> BuildReport {
        var options = site.options()
        // The tests delete pages on purpose.
        options.acceptRemoved = true
        if let output { options.output = output }
        options.compress = compress
        return try Build.run(options)
    }

    @Test("--compress writes a .gz that Python decompresses to its file beside each text file of the site, and no other")
    func everyTextFile() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try _ = build(site)
        let compressed = try checkedWithPython(site.output)
        let all = try TestSite.snapshot(of: site.output).keys.filter { !$0.hasSuffix(".gz") && !$0.hasPrefix(".") }
        let expected = all.filter { ["html", "css", "js", "json", "xml", "svg"].contains(($0 as NSString).pathExtension) }
        #expect(compressed == expected.sorted())
        #expect(compressed.contains("articles/a/index.html"))
        #expect(compressed.contains("media/d.svg"))
        #expect(compressed.contains("search-index.json"))
        #expect(!compressed.contains("robots.txt") && !compressed.contains("media/notes.txt"))
    }

    @Test("two builds of one project into two folders are byte for byte the same, .gz files included")
    func deterministic() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let other = site.root.appendingPathComponent("other")
        try _ = build(site)
        try _ = build(site, into: other)
        let first = try TestSite.snapshot(of: site.output), second = try TestSite.snapshot(of: other)
        #expect(first.keys.contains("index.html.gz"))
        #expect(first == second)
    }

    @Test("a .gz is compressed again only when its file changed, and goes when its file goes or compression is off")
    func incremental() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let all = try build(site).compressed
        #expect(all > 5)
        // The second build writes into a new staging folder; the third reuses the first build's site.
        #expect(try build(site).compressed == all)
        #expect(try build(site).compressed == 0)
        try site.write("content/articles/b.md", TestSite.page("B", body: "Changed text."))
        let changed = try build(site).compressed
        #expect(changed > 0 && changed < all)
        let compressed = try checkedWithPython(site.output)
        #expect(compressed.contains("articles/b/index.html"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/b.md"))
        try _ = build(site)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/b/index.html.gz").path))
        try _ = build(site, compress: false)
        #expect(try TestSite.snapshot(of: site.output).keys.filter { $0.hasSuffix(".gz") }.isEmpty)
    }

    @Test("salve.yml's compress: true does what --compress does")
    func setting() throws {
        var files = Self.files
        files["salve.yml"] = TestSite.config + "\ncompress: true\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try _ = build(site, compress: false)
        #expect(try checkedWithPython(site.output).contains("index.html"))
    }
}
