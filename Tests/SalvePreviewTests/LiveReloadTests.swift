// The live reload script tag: where it goes, and that a page always grows by exactly its length (the
// Content-Length is announced from that).
import Foundation
@testable import SalvePreview
import Testing

@Suite("live reload script")
struct LiveReloadTests {
    let tag = String(decoding: LiveReload.tag, as: UTF8.self)

    @Test("the tag goes before the last </body>, or at the end of a page without one")
    func placement() {
        let page = "<body><pre>&lt;/body></pre></body>\n</html>\n"
        #expect(String(decoding: LiveReload.inject(into: Array(page.utf8)), as: UTF8.self)
            == "<body><pre>&lt;/body></pre>\(tag)</body>\n</html>\n")
        #expect(String(decoding: LiveReload.inject(into: Array("<p>no body".utf8)), as: UTF8.self) == "<p>no body\(tag)")
        #expect(String(decoding: LiveReload.inject(into: []), as: UTF8.self) == tag)
    }

    @Test("every page grows by exactly the tag's length", arguments: ["", "</body>", "</body></body>", "</bod", "x</body>y"])
    func length(page: String) {
        #expect(LiveReload.inject(into: Array(page.utf8)).count == page.utf8.count + LiveReload.tag.count)
    }

    @Test("only HTML files get it")
    func onlyPages() {
        #expect(LiveReload.injects("/site/index.html"))
        #expect(!LiveReload.injects("/site/assets/style.css"))
        #expect(!LiveReload.injects("/site/search-index.json"))
    }

    @Test("the error overlay has a close button and covers at most a third of the screen")
    func overlayIsSmallAndClosable() {
        let script = LiveReload.script
        #expect(script.contains("max-height:33vh"))
        #expect(!script.contains("max-height:60vh"))
        #expect(script.contains(#"close.addEventListener("click", hide)"#))
        #expect(script.contains(#"box.append(close, title, list)"#))
    }
}
