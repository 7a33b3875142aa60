// `salve new` makes pages the build accepts, or says why it cannot, for any title an editor types.
import Foundation
import SalveCore
import Testing

@Suite("salve new")
struct NewPageTests {
    let today = Day(year: 2026, month: 1, day: 15)!

    @Test("titles that once made bad files give slugs the build accepts and a front matter that reads back")
    func awkwardTitles() throws {
        let site = try TestSite()
        defer { site.remove() }
        let long = String(repeating: "pain relief ", count: 850)
        let made = try [("a_b", nil), ("Café crème: \"what\" to know \\ now", nil), ("-", "dash"), (long, nil),
                        ("Don’t panic", nil)].map { title, slug in
            try NewPage.create(.article, title: title, slug: slug, root: site.root, today: today)
        }
        #expect(made == [
            "content/articles/a-b.md", "content/articles/cafe-creme-what-to-know-now.md", "content/articles/dash.md",
            "content/articles/" + Array(repeating: "pain-relief", count: 6).joined(separator: "-") + "-pain.md",
            "content/articles/dont-panic.md",
        ])
        // New pages are drafts full of TODOs until filled in; --drafts previews them.
        try site.build(drafts: true)
        #expect(try site.read("articles/a-b/index.html").contains("<h1>a_b</h1>"))
        #expect(try site.read("articles/cafe-creme-what-to-know-now/index.html")
            .contains("<h1>Café crème: &quot;what&quot; to know \\ now</h1>"))
        #expect(try site.read("articles/dash/index.html").contains("<h1>-</h1>"))
    }

    @Test("an empty, emoji-only, non-Latin or control-character title, or a bad --slug, is refused with a message")
    func refusedTitles() throws {
        let site = try TestSite()
        defer { site.remove() }
        func error(_ title: String, slug: String? = nil) -> NewPage.NewPageError? {
            do {
                _ = try NewPage.create(.faq, title: title, slug: slug, root: site.root, today: today)
                return nil
            } catch let error as NewPage.NewPageError {
                return error
            } catch {
                Issue.record("unexpected \(error)")
                return nil
            }
        }
        #expect(error("") == .emptyTitle)
        #expect(error("   ") == .emptyTitle)
        #expect(error("🙂🙂") == .noLatinLetters("🙂🙂"))
        #expect(error("Фибромиалгия 2026") == .noLatinLetters("Фибромиалгия 2026"))
        #expect(error("Two\nlines") == .controlCharacter("U+000A"))
        #expect(error("\u{1b}]52;c;SGk=\u{07}Hi") == .controlCharacter("U+001B"))
        #expect(error("Fine", slug: "A_B") == .invalidSlug("A_B"))
        #expect(error("Fine", slug: String(repeating: "a", count: 256)) == .invalidSlug(String(repeating: "a", count: 256)))
        #expect(NewPage.NewPageError.noLatinLetters("x").description
            == "the title has no Latin letters to make a file name from; choose one with --slug, for example --slug fibromyalgia")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/faqs").path))
        #expect(try NewPage.create(.faq, title: "Фибромиалгия", slug: "fibromyalgia-ru", root: site.root, today: today)
            == "content/faqs/fibromyalgia-ru.md")
        #expect(error("Other", slug: "fibromyalgia-ru") == .exists("content/faqs/fibromyalgia-ru.md"))
    }
}
