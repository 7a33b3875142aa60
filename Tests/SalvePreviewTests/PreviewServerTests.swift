// The preview server end to end: a fixture site served in-process on a free port, edited while tabs listen.
import Foundation
import SalvePreview
import Testing

@Suite("salve serve")
struct PreviewServerTests {
    @Test("pages and assets come with their type, an ETag that answers 304, HEAD, and the site's 404 page")
    func servesFiles() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws

        let home = try await fetch(preview.port, "/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(home.text.contains("<script src=\"/_salve/live.js\"></script>\n</body>"))
        #expect(home.body.count == Int(home.headers["content-length"] ?? ""))

        let page = try await fetch(preview.port, "/articles/sleep/")
        #expect(page.status == 200)
        #expect(page.text.contains("Sleep is often light and broken."))
        #expect(page.headers["cache-control"] == "no-cache", "tabs revalidate pages after a rebuild")
        let redirect = try await fetch(preview.port, "/articles/sleep")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/articles/sleep/")

        let css = try await fetch(preview.port, "/assets/style.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(!css.text.contains("live.js"))
        let etag = try #require(css.headers["etag"])
        let unchanged = try await fetch(preview.port, "/assets/style.css", headers: ["If-None-Match": etag])
        #expect(unchanged.status == 304)
        #expect(unchanged.body.isEmpty)

        let head = try await fetch(preview.port, "/articles/sleep/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(page.body.count))

        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path),
                "the preview never writes site/")

        let missing = try await fetch(preview.port, "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.text == (try site.read(".salve/preview/404.html")).replacingOccurrences(
            of: "</body>", with: "<script src=\"/_salve/live.js\"></script>\n</body>"))
        await preview.stop()
    }

    @Test("traversal is refused: dot segments, encoded dots and slashes, and symlinks out of the preview folder")
    func refusesTraversal() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("leak.txt"), withDestinationURL: site.root.appendingPathComponent("salve.yml"))
        try FileManager.default.createSymbolicLink(
            at: site.output.appendingPathComponent("outside"), withDestinationURL: site.root.appendingPathComponent("content"))

        for target in ["/../salve.yml", "/articles/../../salve.yml", "/%2e%2e/salve.yml", "/%2E%2E/%2e%2e/etc/passwd",
                       "/articles%2f..%2f..%2fsalve.yml", "/..%2fsalve.yml", "/articles%5c..%5csalve.yml",
                       "/leak.txt", "/outside/articles/sleep.md"]
        {
            let reply = try await fetch(preview.port, target)
            #expect([400, 403, 404].contains(reply.status), "\(target) answered \(reply.status)")
            #expect(!reply.text.contains("base_url"), "\(target) leaked salve.yml")
            #expect(!reply.text.contains("reviewed_by"), "\(target) leaked a source file")
        }
        await preview.stop()
    }

    @Test("an edit reloads open tabs; broken front matter shows file:line errors over the last good page; the fix reloads")
    func liveReloadAndErrors() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        let events = try await EventStream(port: preview.port)
        _ = try await events.next("connected")

        let original = try site.read("content/articles/sleep.md")
        let edited = original.replacingOccurrences(of: "Sleep is often light and broken.", with: "Sleep is often short.")
        try site.save("content/articles/sleep.md", edited)
        _ = try await events.next("reload")
        #expect(try await fetch(preview.port, "/articles/sleep/").text.contains("Sleep is often short."))

        try site.save("content/articles/sleep.md", edited.replacingOccurrences(of: "title: Why", with: "title: [Why"))
        let errors = try await events.next("errors")
        let lines = try JSONDecoder().decode([String].self, from: Data(errors.data.utf8))
        #expect(lines.contains { $0.range(of: #"^content/articles/sleep\.md:\d+"#, options: .regularExpression) != nil },
                "\(lines)")
        let lastGood = try await fetch(preview.port, "/articles/sleep/")
        #expect(lastGood.status == 200)
        #expect(lastGood.text.contains("Sleep is often short."))

        // A tab opened while the build is broken hears the errors at once.
        let late = try await EventStream(port: preview.port)
        #expect(try await late.next("errors").data == errors.data)

        try site.save("content/articles/sleep.md", original)
        #expect(try await events.next("reload").data == #"{"all":true}"#, "the fix reloads every tab, whatever it changed")
        #expect(try await fetch(preview.port, "/articles/sleep/").text.contains("Sleep is often light and broken."))
        await preview.stop()
    }

    @Test("a stylesheet-only change swaps stylesheets instead of reloading")
    func stylesheetSwap() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site, forcePolling: true)
        defer { Task { await preview.stop() } }  // when a check throws
        let events = try await EventStream(port: preview.port)
        _ = try await events.next("connected")
        try site.save("templates/assets/style.css", try site.read("templates/assets/style.css") + "\nbody { margin: 0; }\n")
        let event = try await events.next("stylesheets")
        #expect(event.name == "stylesheets")
        #expect(try await fetch(preview.port, "/assets/style.css").text.hasSuffix("body { margin: 0; }\n"))
        await preview.stop()
    }

    @Test("with a sub-path base_url the preview still serves at / with its own address")
    func subPathSite() async throws {
        let site = try PreviewSite(fixture: "subpath")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        let home = try await fetch(preview.port, "/")
        #expect(home.status == 200)
        #expect(!home.text.contains("/health/"))
        #expect(home.text.contains("href=\"/articles/sleep/\""))
        #expect(try await fetch(preview.port, "/articles/sleep/").status == 200)
        let missing = try await fetch(preview.port, "/deep/missing/page")
        #expect(missing.status == 404)
        #expect(!missing.text.contains("/health/"))
        await preview.stop()
    }

    @Test("a busy port is a clear error that suggests --port")
    func busyPort() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let holder = try await RunningPreview.start(site)
        defer { Task { await holder.stop() } }  // when a check throws
        let server = PreviewServer(PreviewOptions(root: site.root, port: holder.port, handlesSignals: false)) { _ in }
        let error = await #expect(throws: PreviewError.self) { try await server.run() }
        #expect(error?.description.contains("--port") == true)
        await holder.stop()
    }
}
