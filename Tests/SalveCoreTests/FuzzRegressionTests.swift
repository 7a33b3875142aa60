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
        for split in [false, true] {
            let (rendered, _) = MarkdownRenderer(allowRawHTML: true).render(
                text, firstLine: 1, path: "a.md", contentPath: "articles/a.md", links: links, splitSections: split)
            for heading in rendered.headings where split && heading.level == 2 {
                let section = try #require(rendered.sections.first { $0.heading.id == heading.id })
                // The use-after-free rendered freed memory here: the heading's own text must come out.
                let visible = heading.text.filter { $0.isLetter }.prefix(12)
                #expect(section.headingHTML.filter { $0.isLetter }.contains(visible))
            }
        }
    }
}
