// Fuzz target: Markdown through the whole render path (cmark-gfm, callouts, glossary links, heading ids,
// link rewriting, plain text and prose), in safe and raw-HTML mode, whole and split into sections.
import FuzzSupport
@testable import SalveCore

let links = LinkTable(
    basePath: "/health/", sitePaths: ["faqs/ldn.md": "faqs/ldn/", "articles/a.md": "articles/a/"],
    sources: ["faqs/ldn.md", "articles/a.md", "articles/draft.md"])
let glossary = GlossaryMatcher(
    Glossary.parse("- term: LDN\n  definition: A <b>drug</b>.\n- term: fibro fog\n  definition: Fog.\n  also_called: [fog]\n").0,
    basePath: "/health/")
let renderer = MarkdownRenderer()
let unsafeRenderer = MarkdownRenderer(allowRawHTML: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    for (split, r) in [(false, renderer), (true, unsafeRenderer)] {
        let (rendered, _) = r.render(
            text, firstLine: 7, path: "content/articles/a.md", contentPath: "articles/a.md", links: links,
            glossary: glossary, splitSections: split)
        for heading in rendered.headings {
            precondition(heading.id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 },
                         "heading id \(heading.id) would need escaping")
        }
    }
    _ = renderer.inlineHTML(text, links: links, from: "comparisons/c.md")
    return 0
}

@_cdecl("FuzzMarkdown_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
