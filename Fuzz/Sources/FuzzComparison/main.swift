// Fuzz target: the comparison table builder, from front matter to rendered cells and structured data.
import FuzzSupport
@testable import SalveCore

let links = LinkTable(basePath: "/", sitePaths: ["articles/ldn.md": "articles/ldn/"], sources: ["articles/ldn.md"])
let header = "---\ntitle: C\nsummary: S\nlast_reviewed: 2026-01-01\nreviewed_by: R\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let yaml = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let (document, _) = Document.parse(
        header + yaml + "\n---\nIntro.\n\n## Notes\n\nText.\n", kind: .comparison,
        contentPath: "comparisons/c.md", sourcePath: "content/comparisons/c.md", config: SiteConfig())
    guard let document else { return 0 }
    let (page, _) = Build.render(document, renderer: MarkdownRenderer(), links: links, glossary: nil)
    let site = Site.assemble(config: SiteConfig(), pages: [page])
    _ = site.structuredData(for: 0).scriptSafeJSON()
    return 0
}

@_cdecl("FuzzComparison_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
