// Sites in more than one language: translations beside their sources, published under /CODE/, linked both ways.
import Foundation
import Testing

@testable import SalveCore

@Suite("Sites in more than one language")
struct MultilingualTests {
    static let config = TestSite.config + """

        languages:
          - code: en
            name: English
          - code: es
            name: Español
            title: Salud de prueba
            description: Respuestas sencillas.
        """

    static func spanishPage(_ title: String, extra: String = "", body: String = "Un texto.") -> String {
        """
        ---
        title: \(title)
        summary: Un resumen corto.
        last_reviewed: 2026-02-01
        reviewed_by: Dra. Prueba, MD
        \(extra)
        ---
        \(body)
        """
    }

    /// Two English pages, one of them translated, and a glossary in each language.
    static func site() throws -> TestSite {
        try TestSite([
            "salve.yml": config,
            "content/articles/sleep.md": TestSite.page("Sleep", body: "## Good habits\nSee [pain](pain.md)."),
            "content/articles/pain.md": TestSite.page("Pain", body: "## What helps\nSee [sleep](sleep.md#good-habits)."),
            "content/articles/sleep.es.md": spanishPage(
                "El sueño", body: "## Buenos hábitos\nLea sobre [el dolor](pain.md#what-helps) y [el sueño](sleep.md#buenos-habitos)."),
        ])
    }

    /// Every `<link rel="alternate" hreflang>` of an HTML file, as (language, URL).
    static func alternates(_ html: String) -> [(String, String)] {
        let pattern = try! NSRegularExpression(pattern: #"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (String(html[Range(match.range(at: 1), in: html)!]), String(html[Range(match.range(at: 2), in: html)!]))
        }
    }

    @Test("a translation is published under /es/ with its own listings, search, feed, glossary and 404 page")
    func publishedUnderLanguage() throws {
        let site = try Self.site()
        try site.write("content/glossary.es.yml", "- term: insomnio\n  definition: Cuando cuesta dormir.\n")
        try site.write("content/articles/sleep.es.md", Self.spanishPage("El sueño", body: "El insomnio es común."))
        try site.build()
        for path in ["es/index.html", "es/articles/index.html", "es/articles/sleep/index.html", "es/search/index.html",
                     "es/search-index.json", "es/feed.xml", "es/404.html", "es/glossary/index.html"]
        {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), "\(path)")
        }
        let page = try site.read("es/articles/sleep/index.html")
        #expect(page.contains("<html lang=\"es\">"))
        #expect(page.contains("Salud de prueba"))
        #expect(page.contains("href=\"/es/glossary/#insomnio\""))
        // Dates and the theme's words are Spanish.
        #expect(page.contains("1 de febrero de 2026"))
        #expect(page.contains("Revisado por: Dra. Prueba, MD"))
        // The theme's assets are the whole site's, not copied under /es/.
        #expect(page.contains("href=\"/assets/style."))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/assets").path))
        // One sitemap and robots.txt, at the root.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/sitemap.xml").path))
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/es/articles/sleep/</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/articles/sleep/\"/>"))
    }

    @Test("every hreflang pair is reciprocal and every language switch lands on a page that exists")
    func reciprocalPairs() throws {
        let site = try Self.site()
        try site.build()
        #expect(try Self.checkPairs(in: site.output, base: "https://example.org/") > 0)
        // The untranslated page's switch goes to the Spanish home page.
        #expect(try site.read("articles/pain/index.html").contains(#"<a href="https://example.org/es/" hreflang="es" lang="es">Español</a>"#))
        #expect(try site.read("articles/sleep/index.html").contains(#"<a href="https://example.org/es/articles/sleep/" hreflang="es" lang="es">Español</a>"#))
    }

    @Test("in the sample site too, every hreflang pair is reciprocal and every language switch lands on a page")
    func samplePairs() throws {
        let (output, _) = try SampleSiteTests.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try Self.checkPairs(in: output, base: "https://example.org/") >= 6)
    }

    /// Checks every page's alternates and language switch in the built site at `output`; returns how many
    /// alternates it followed.
    static func checkPairs(in output: URL, base: String) throws -> Int {
        func read(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        var checked = 0
        for file in files {
            let html = try read(file)
            let own = base + (file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file)
            let pairs = alternates(html)
            if !pairs.isEmpty {
                #expect(pairs.contains { $0.1 == own }, "\(file) lists itself among its alternates")
                for (language, url) in pairs where url != own {
                    let path = String(url.dropFirst(base.count)) + "index.html"
                    let other = alternates(try read(path))
                    #expect(other.contains { $0.0 == language || $0.0 == "x-default" }, "\(path)")
                    #expect(other.contains { $0.1 == own }, "\(path) links back to \(file)")
                    checked += 1
                }
            }
            for link in html.matches(of: /<a href="([^"]*)" hreflang="[a-z]+" lang="[a-z]+">/) {
                let target = String(link.1.dropFirst(base.count))
                let path = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
                #expect(link.1.hasPrefix(base) && FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path),
                        "\(file) switches to \(link.1)")
            }
        }
        return checked
    }

    @Test("a link from a translation goes to the page in its language when there is one, else to the default language's")
    func linksPreferTheirLanguage() throws {
        let site = try Self.site()
        try site.build()
        let page = try site.read("es/articles/sleep/index.html")
        #expect(page.contains("href=\"/articles/pain/#what-helps\""))
        #expect(page.contains("href=\"/es/articles/sleep/#buenos-habitos\""))
        #expect(page.contains("\"translationOfWork\":{\"@type\":\"CreativeWork\",\"url\":\"https://example.org/articles/sleep/\"}"))
        #expect(try site.read("articles/sleep/index.html").contains("\"workTranslation\":[{\"@type\":\"CreativeWork\",\"inLanguage\":\"es\",\"url\":\"https://example.org/es/articles/sleep/\"}]"))
    }

    @Test("an anchor a translation links to is checked on the page the link goes to")
    func anchorsChecked() throws {
        let site = try Self.site()
        try site.write("content/articles/sleep.es.md", Self.spanishPage("El sueño", body: "[x](pain.md#nowhere) [y](sleep.md#good-habits)"))
        let errors = try site.errors().map(\.message)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.contains("pain.md has no heading with the anchor #nowhere") })
        #expect(errors.contains { $0.contains("#good-habits") })
    }

    @Test("a translation without a source page is an error naming the file")
    func orphan() throws {
        let site = try Self.site()
        try site.write("content/articles/diet.es.md", Self.spanishPage("La dieta"))
        let errors = try site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.path == "content/articles/diet.es.md")
        #expect(errors.first?.message.contains("has no source page: content/articles/diet.md") == true)
    }

    @Test("salve check warns when a translation is older than its source")
    func staleTranslation() throws {
        let site = try Self.site()
        try site.write("content/articles/sleep.md", TestSite.page("Sleep", extra: "updated: 2026-03-01", body: "## Good habits\nText."))
        let warnings = try Check.run(site.options()).filter { $0.path == "content/articles/sleep.es.md" }.map(\.message)
        #expect(warnings.contains { $0.contains("before its source content/articles/sleep.md (2026-03-01)") })
    }

    @Test("salve check warns when a translated FAQ page has a different number of questions")
    func faqQuestions() throws {
        let site = try Self.site()
        try site.write("content/faqs/q.md", TestSite.page("Questions", body: "## One?\nA.\n## Two?\nB."))
        try site.write("content/faqs/q.es.md", Self.spanishPage("Preguntas", body: "## ¿Una?\nA."))
        let warnings = try Check.run(site.options()).filter { $0.path == "content/faqs/q.es.md" }.map(\.message)
        #expect(warnings == ["this translation has 1 questions and its source content/faqs/q.md has 2"])
    }

    @Test("salve check warns when a translated comparison has other rows")
    func comparisonRows() throws {
        func comparison(_ rows: [String]) -> String {
            """
            ---
            title: Compare
            summary: A table.
            last_reviewed: 2026-03-01
            reviewed_by: Dr. Test, MD
            criteria:
              - key: cost
                label: Cost
            treatments:
            \(rows.map { "  - name: \($0)\n    cost: low" }.joined(separator: "\n"))
            ---
            Notes.
            """
        }
        let site = try Self.site()
        try site.write("content/comparisons/c.md", comparison(["A", "B"]))
        try site.write("content/comparisons/c.es.md", comparison(["A"]))
        let warnings = try Check.run(site.options()).filter { $0.path == "content/comparisons/c.es.md" }.map(\.message)
        #expect(warnings.contains { $0.contains("has 1 rows and 1 columns; its source content/comparisons/c.md has 2 rows and 1") })
    }

    @Test("a strings file that lacks a key is a warning naming it, and the page shows the English text")
    func missingStrings() throws {
        let site = try Self.site()
        try site.write("templates/strings/es.yml", "skip_to_content: Saltar al contenido\n")
        let report = try site.build()
        let warning = try #require(report.warnings.first { $0.path == "templates/strings/es.yml" })
        #expect(warning.message.contains("keys are missing, so English shows instead"))
        let page = try site.read("es/articles/sleep/index.html")
        #expect(page.contains("Saltar al contenido"))
        #expect(page.contains("Related pages") || page.contains("Page last reviewed"))
    }

    @Test("`languages:` entries are checked: a code, a name, no language listed twice")
    func badLanguages() throws {
        let site = try TestSite([
            "salve.yml": TestSite.config + "\nlanguages:\n  - code: en\n    name: English\n  - code: Spanish\n    name: Español\n  - code: en\n    name: Again\n",
            "content/articles/a.md": TestSite.page(),
        ])
        let messages = try site.errors().map(\.message)
        #expect(messages.contains("the language code \"Spanish\" is not valid"))
        #expect(messages.contains("the language \"en\" is listed twice"))
    }

    @Test("the same multilingual site builds byte for byte the same on 1 and 8 threads")
    func deterministic() throws {
        let site = try Self.site()
        try site.build(threads: 1)
        let one = try TestSite.snapshot(of: site.output)
        try site.build(threads: 8)
        #expect(try TestSite.snapshot(of: site.output) == one)
    }

    @Test("after edits to a translation, its source, a Spanish glossary and the strings, the preview equals a full build")
    func incrementalEqualsFull() throws {
        let site = try Self.site()
        let preview = site.root.appendingPathComponent(".salve/preview")
        var options = site.options(baseURL: IncrementalBuildTests.baseURL)
        options.output = preview
        var build = try IncrementalBuild(options)
        func step(_ name: String, _ edit: () throws -> Void) throws {
            try edit()
            _ = try build.rebuild()
            try IncrementalBuildTests.expectFullBuild(of: site, equals: preview, name)
        }
        try step("first build") {}
        try step("edit the translation") {
            try site.write("content/articles/sleep.es.md", Self.spanishPage("El buen sueño", body: "## Buenos hábitos\nOtro texto."))
        }
        try step("translate a second page") {
            try site.write("content/articles/pain.es.md", Self.spanishPage("El dolor", body: "## Qué ayuda\nTexto."))
        }
        try step("edit the source's title") {
            try site.write("content/articles/sleep.md", TestSite.page("Good sleep", body: "## Good habits\nSee [pain](pain.md)."))
        }
        try step("add a Spanish glossary") {
            try site.write("content/glossary.es.yml", "- term: dolor\n  definition: Lo que duele.\n")
        }
        try step("change a Spanish string") {
            let strings = site.root.appendingPathComponent("templates/strings/es.yml")
            let text = try String(contentsOf: strings, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "Revisado por:", with: "Revisión:").utf8).write(to: strings)
        }
        try step("delete a translation") {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/articles/pain.es.md"))
        }
    }

    @Test("a Spanish page below its language's reading ease gets a Szigriszt-Pazos warning, and no SMOG one")
    func spanishReadabilityGate() throws {
        let site = try Self.site()
        try site.write("salve.yml", Self.config + "\n    readability:\n      min_ease: 55\n" + "readability:\n  max_grade: 8\n")
        let hard = "La administración farmacológica concomitante de antiinflamatorios inhibidores selectivos requiere "
            + "consideraciones farmacocinéticas individualizadas, especialmente en pacientes polimedicados con "
            + "comorbilidades cardiovasculares significativas."
        try site.write("content/articles/sleep.es.md", Self.spanishPage("El sueño", body: hard))
        let warnings = try Check.run(site.options()).filter { $0.path == "content/articles/sleep.es.md" }.map(\.message)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("Szigriszt-Pazos ") == true)
        #expect(warnings.first?.contains("(INFLESZ muy difícil) is below the target of 55.0") == true)
        let report = try Check.spanishReadabilityReport(site.options())
        #expect(report.map(\.0) == ["content/articles/sleep.es.md"])
        #expect(try Check.readabilityReport(site.options()).map(\.0) == ["content/articles/pain.md", "content/articles/sleep.md"])
    }

    @Test("salve check --translations lists each page with its languages and status")
    func translationsTable() throws {
        let site = try Self.site()
        try site.write("content/articles/sleep.md", TestSite.page("Sleep", extra: "updated: 2026-03-01", body: "## Good habits"))
        let rows = Check.translationsReport(site.options())
        #expect(rows == [
            TranslationCheck.Row(page: "content/articles/pain.md", languages: ["en"], status: "missing: es"),
            TranslationCheck.Row(page: "content/articles/sleep.md", languages: ["en", "es"], status: "out of step: es"),
        ])
    }

    @Test("a translation's old address redirects under /es/ with a page in Spanish")
    func translatedRedirect() throws {
        let site = try Self.site()
        try site.write("content/articles/sleep.es.md", Self.spanishPage("El sueño", extra: "moved_from: [/articles/dormir/]"))
        try site.build()
        let page = try site.read("es/articles/dormir/index.html")
        #expect(page.contains("<html lang=\"es\">"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/es/articles/sleep/\">"))
        #expect(page.contains("<h1>Esta página cambió de lugar</h1>"))
        #expect(try site.read("_redirects").contains("/es/articles/dormir/ /es/articles/sleep/ 301"))
    }

    @Test("callout headings, heading anchors and footnote back links are in the page's language")
    func wordsInMarkdown() throws {
        let site = try Self.site()
        try site.write("content/articles/sleep.es.md", Self.spanishPage(
            "El sueño", body: "## Buenos hábitos\n\n> [!URGENT]\n> Llame hoy.\n\nUna nota[^1].\n\n[^1]: La nota."))
        try site.build()
        let page = try site.read("es/articles/sleep/index.html")
        #expect(page.contains("aria-label=\"Volver al texto\""))
        #expect(!page.contains("Back to content"))
        #expect(page.contains("aria-label=\"Enlace a esta sección: Buenos hábitos\""))
        #expect(!page.contains("Get medical help now") && !page.contains("Urgent advice"))
    }

    @Test("salve translate starts a draft copy beside the source; links go on to the source until it is published")
    func startTranslation() throws {
        let site = try Self.site()
        try site.write("content/articles/sleep.es.md", Self.spanishPage("El sueño", body: "Lea [sobre el dolor](pain.md)."))
        let path = try NewPage.translation(of: "content/articles/pain.md", into: "es", root: site.root)
        #expect(path == "content/articles/pain.es.md")
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.hasPrefix("---\n# TODO: translate this page from content/articles/pain.md, then remove this line and `draft: true`.\ndraft: true\ntitle: Pain\n"))
        try site.build()
        #expect(try site.read("es/articles/sleep/index.html").contains("href=\"/articles/pain/\""))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("es/articles/pain").path))
        #expect(throws: NewPage.NewPageError.exists(path)) { try NewPage.translation(of: "content/articles/pain.md", into: "es", root: site.root) }
        #expect(throws: NewPage.NewPageError.unknownLanguage("fr", ["es"])) {
            try NewPage.translation(of: "content/articles/pain.md", into: "fr", root: site.root)
        }
        #expect(throws: NewPage.NewPageError.isTranslation("content/articles/sleep.es.md")) {
            try NewPage.translation(of: "content/articles/sleep.es.md", into: "es", root: site.root)
        }
    }
}
