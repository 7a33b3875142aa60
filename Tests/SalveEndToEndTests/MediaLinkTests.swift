// Links and images to files in content/media: rewritten to their site URL with the base path, sized, lazily
// loaded, captioned when titled, and an error with file, line and column when the file is missing.
import Foundation
import SalveCore
import Testing

@Suite struct MediaLinkTests {
    /// A 40 x 30 PNG header: all the build reads of it.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 0, 40, 0, 0, 0, 30, 8, 2, 0, 0, 0, 0, 0, 0, 0]

    static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><rect width="120" height="60"/></svg>"#

    func site(body: String) throws -> TestSite {
        let site = try TestSite(["content/articles/ldn.md": TestSite.page("LDN", body: body),
                                 "content/media/steps.svg": Self.svg, "content/media/leaflet.pdf": "%PDF-1.4"])
        try site.writeBytes("content/media/p.png", Self.png)
        return site
    }

    @Test("relative and root-relative images and files get their site URL with the base path")
    func rewritten() throws {
        let site = try site(body: """
            ![A relative image](../media/p.png) and ![a rooted one](/media/steps.svg).

            Print [the leaflet](../media/leaflet.pdf) or [this copy](/media/leaflet.pdf#page=2).
            """)
        defer { site.remove() }
        try site.build(baseURL: "https://example.org/health/")
        let html = try site.read("articles/ldn/index.html")
        #expect(html.contains(#"<img src="/health/media/p.png" alt="A relative image" width="40" height="30" loading="lazy" decoding="async">"#))
        #expect(html.contains(#"<img src="/health/media/steps.svg" alt="a rooted one" width="120" height="60" loading="lazy" decoding="async">"#))
        #expect(html.contains(#"<a href="/health/media/leaflet.pdf">the leaflet</a>"#))
        #expect(html.contains(#"<a href="/health/media/leaflet.pdf#page=2">this copy</a>"#))
        #expect(!html.contains("../media"))
    }

    @Test("an image with a title alone in its paragraph becomes a figure, everything in it escaped")
    func figure() throws {
        let site = try site(body: """
            ![Dose \\<steps\\> & "more"](../media/steps.svg "Start low, go <slow> & 'steady'")

            Inline ![icon](../media/p.png "a title") stays an image with a title.
            """)
        defer { site.remove() }
        try site.build()
        let html = try site.read("articles/ldn/index.html")
        #expect(html.contains("""
            <figure>
            <img src="/media/steps.svg" alt="Dose &lt;steps&gt; &amp; &quot;more&quot;" width="120" height="60" loading="lazy" decoding="async">
            <figcaption>Start low, go &lt;slow&gt; &amp; &#39;steady&#39;</figcaption>
            </figure>
            """))
        #expect(html.contains(#"Inline <img src="/media/p.png" alt="icon" title="a title" width="40" height="30" loading="lazy" decoding="async"> stays"#))
        #expect(!html.contains("<p><figure>"))
    }

    @Test("an image whose header gives no size is still lazy, without width and height; external ones are left alone")
    func unsized() throws {
        let site = try site(body: "![Broken](../media/notes.png) ![Far](https://example.com/x.png)")
        try site.write("content/media/notes.png", "not an image")
        defer { site.remove() }
        try site.build()
        let html = try site.read("articles/ldn/index.html")
        #expect(html.contains(#"<img src="/media/notes.png" alt="Broken" loading="lazy" decoding="async">"#))
        #expect(html.contains(#"<img src="https://example.com/x.png" alt="Far" />"#))
    }

    @Test("a missing image or file is an error naming the file, line and column")
    func missing() throws {
        let site = try site(body: """
            Intro.

            See ![x](../media/nope.png) and [the form](/media/form.pdf).
            """)
        defer { site.remove() }
        let fix = "check the file name and put the file in content/media/; a relative link starts from this file's folder, for example ../media/diagram.svg"
        #expect(try site.errors() == [
            .error("content/articles/ldn.md", line: 10, column: 5,
                   "the link \"../media/nope.png\" points to content/media/nope.png, which does not exist", fix: fix),
            .error("content/articles/ldn.md", line: 10, column: 33,
                   "the link \"/media/form.pdf\" points to content/media/form.pdf, which does not exist", fix: fix),
        ])
    }

    @Test("a changed image size reaches the page in the preview's incremental rebuild")
    func incremental() throws {
        let site = try site(body: "![A relative image](../media/p.png)")
        defer { site.remove() }
        var options = site.options()
        options.output = site.root.appendingPathComponent(".salve/preview")
        var build = try IncrementalBuild(options)
        let page = options.output.appendingPathComponent("articles/ldn/index.html")
        _ = try build.rebuild()
        #expect(try String(contentsOf: page, encoding: .utf8).contains(#"width="40" height="30""#))
        var bigger = Self.png
        bigger[19] = 80
        try site.writeBytes("content/media/p.png", bigger)
        let report = try build.rebuild()
        #expect(report.written.contains("articles/ldn/index.html"))
        #expect(try String(contentsOf: page, encoding: .utf8).contains(#"width="80" height="30""#))
    }
}
