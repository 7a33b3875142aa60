// Inputs the fuzzers found problems with (Tests/Fixtures/fuzz/<target>/), replayed on every test run.
import Foundation
import Testing
@testable import SalveCore

let fuzzFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz")

func fuzzInputs(_ target: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: fuzzFixtures.appendingPathComponent(target).path)) ?? [])
        .sorted()
}

@Suite("Fuzz findings stay fixed")
struct FuzzRegressionTests {
    @Test("Markdown inputs render whole and in sections, with the heading text intact", arguments: fuzzInputs("markdown"))
    func markdown(_ name: String) throws {
        let data = try Data(contentsOf: fuzzFixtures.appendingPathComponent("markdown").appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        let links = LinkTable(basePath: "/", sitePaths: [:], sources: [])
        // The fuzz target's glossary: the leak needed a term to link.
        let glossary = GlossaryMatcher(
            Glossary.parse("- term: LDN\n  definition: A drug.\n- term: fibro fog\n  definition: Fog.\n").0, basePath: "/")
        for split in [false, true] {
            let (rendered, _) = MarkdownRenderer(allowRawHTML: true).render(
                text, firstLine: 1, path: "a.md", contentPath: "articles/a.md", links: links, glossary: glossary,
                splitSections: split)
            for heading in rendered.headings where split && heading.level == 2 {
                let section = try #require(rendered.sections.first { $0.heading.id == heading.id })
                // The use-after-free rendered freed memory here: the heading's own text must come out.
                let visible = heading.text.filter { $0.isLetter }.prefix(12)
                #expect(section.headingHTML.filter { $0.isLetter }.contains(visible))
            }
        }
    }
}

@Suite("Front matter fuzz findings stay fixed")
struct FrontMatterFuzzRegressionTests {
    @Test("front matter inputs end in diagnostics, never a trap", arguments: fuzzInputs("frontmatter"))
    func frontMatter(_ name: String) throws {
        let data = try Data(contentsOf: fuzzFixtures.appendingPathComponent("frontmatter").appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        let (_, diagnostics) = SiteConfig.parse(text, path: "salve.yml")
        #expect(diagnostics.contains { $0.message.contains("review_interval_months") })
        for kind in ContentKind.allCases {
            _ = Document.parse(text, kind: kind, contentPath: "\(kind.folder)/a.md", sourcePath: "content/a.md",
                               config: SiteConfig())
        }
    }

    @Test("a base-60 number too big for an Int is a type error, not a crash")
    func baseSixtyOverflow() {
        let (config, diagnostics) = SiteConfig.parse(
            "title: T\nbase_url: https://example.org/\nreview_interval_months: 99999999999999999:59:59\n",
            path: "salve.yml")
        #expect(diagnostics.contains {
            $0.line == 3 && $0.message.hasPrefix("`review_interval_months` must be a whole number")
        })
        #expect(config.reviewIntervalMonths == SiteConfig().reviewIntervalMonths)
    }
}
