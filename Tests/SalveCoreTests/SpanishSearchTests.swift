// Spanish search: the stemmer against PyPI snowballstemmer, terms without accents, stop words, and a Spanish index.
import Foundation
import Testing

@testable import SalveCore

@Suite("Spanish search")
struct SpanishSearchTests {
    struct Reference: Decodable {
        var words: [String: String]
        var unaccented: [String: String]
        var left_out: [String: String]
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: searchFixtures.appendingPathComponent("snowball-es.json")))
    }

    /// Folding takes accents away, so for a word whose Snowball stem depends on them (the fixture's `unaccented`:
    /// `tenía` → `ten` but `tenia` → `teni`; `bebés` → `bebés` but `bebes` → `beb`) the stem may be the one Snowball
    /// gives the word written without accents; for every other word it must be Snowball's.
    @Test("the stemmer gives Snowball's Spanish stem, folded, for every reference word but those whose stem needs its accents")
    func matchesSnowball() throws {
        let reference = try Self.reference()
        #expect(reference.words.count > 3000)
        let leftOut = reference.left_out.keys.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0 != "ü" }
        #expect(Set(leftOut) == Set(SpanishStemmer.leftOutSuffixes), "the fixture explains every left-out suffix")
        var wrong: [String] = []
        var unaccented = 0
        for (word, expected) in reference.words.sorted(by: { $0.key < $1.key }) {
            let ours = SpanishStemmer.stem(SearchText.fold(word))
            if ours == SearchText.fold(expected) { continue }
            if let plain = reference.unaccented[word], ours == SearchText.fold(plain) {
                unaccented += 1
            } else {
                wrong.append("\(word): \(ours) != \(SearchText.fold(expected))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        // Most words keep Snowball's own stem; the rest are the accent-dependent ones the fixture names.
        #expect(unaccented < reference.words.count / 4)
    }

    @Test("the folded tables keep the suffixes only accents mark and leave out those that plain words end in")
    func foldedTables() {
        let stems = ["gastroenterología", "tomábamos", "tomaréis", "medicaciones", "tenía", "tenian", "propia", "propio",
                     "ejercicio", "ejercicios", "dosis", "enfermera", "enfermeros", "averigüe", "averiguen", "haciéndola"]
            .map { SpanishStemmer.stem(SearchText.fold($0)) }
        #expect(stems == ["gastroenterolog", "tom", "tom", "medic", "teni", "teni", "propi", "propi", "ejercici", "ejercici",
                          "dosis", "enfermer", "enfermer", "averig", "averig", "hac"])
    }

    @Test("a Spanish query without accents, with other accents or with ñ written n gives the page's terms")
    func accentsDoNotMatter() {
        #expect(SearchText.terms("medicación", language: .spanish) == ["medic"])
        #expect(SearchText.terms("Medicacion", language: .spanish) == ["medic"])
        #expect(SearchText.terms("las medicaciones", language: .spanish) == ["medic"])
        #expect(SearchText.terms("fibromialgía", language: .spanish) == SearchText.terms("fibromialgia", language: .spanish))
        #expect(SearchText.terms("el sueño", language: .spanish) == SearchText.terms("sueno", language: .spanish))
        #expect(SearchText.terms("¿Puedo tomar la pastilla con comida?", language: .spanish) == ["pued", "tom", "pastill", "com"])
    }

    @Test("Spanish stop words go only in Spanish, and English stays the default")
    func stopWordsByLanguage() {
        #expect(SearchText.terms("de la y por", language: .spanish) == [])
        #expect(SearchText.terms("de la y por") == ["de", "la", "y", "por"])
        #expect(SearchText.terms("the medicines", language: .english) == SearchText.terms("the medicines"))
        #expect(SearchText.terms("the medicines") == ["medicin"])
    }

    @Test("a language is found by its code's first subtag; one without a stemmer is nil")
    func languageCodes() {
        #expect(SearchLanguage(code: "es") == .spanish)
        #expect(SearchLanguage(code: "es-MX") == .spanish)
        #expect(SearchLanguage(code: "ES_us") == .spanish)
        #expect(SearchLanguage(code: "en-GB") == .english)
        #expect(SearchLanguage(code: "fr") == nil)
        #expect(SearchLanguage(code: "") == nil)
    }

    @Test("a Spanish index names its language in search-index.json; an English one names none")
    func entryPointLanguage() throws {
        let documents = Self.documents
        let spanish = SearchIndex.make(from: documents, language: .spanish)
        let english = SearchIndex.make(from: documents)
        let entry = { (index: SearchIndex) throws -> [String: Any] in
            let file = try #require(index.encodedFiles().first { $0.path == "search-index.json" })
            return try #require(JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        }
        #expect(try entry(spanish)["language"] as? String == "es")
        #expect(try entry(english)["language"] == nil)
        #expect(spanish.postings["medic"] != nil)
        #expect(english.postings["medic"] == nil)
    }

    @Test("an edit keeps the index's language, also when it renumbers the results")
    func updateKeepsLanguage() {
        var index = SearchIndex.make(from: Self.documents, language: .spanish)
        var analyzer = SearchAnalyzer(language: .spanish)
        _ = index.update(to: Array(Self.documents.dropLast()).map { analyzer.analyze($0) })
        #expect(index.language == .spanish)
        #expect(index.encodedFiles() == SearchIndex.make(from: Array(Self.documents.dropLast()), language: .spanish).encodedFiles())
    }

    @Test("synonyms made in Spanish have Spanish terms")
    func spanishSynonyms() {
        let (synonyms, diagnostics) = Synonyms.parse("- [LDN, naltrexona en dosis baja]\n", language: .spanish)
        #expect(diagnostics.isEmpty)
        #expect(synonyms.groups == [[["ldn"], ["naltrexon", "dosis", "baj"]]])
    }

    /// A small Spanish site, written for these tests: the node test searches the index Swift makes of it.
    static let documents: [SearchDocument] = [
        SearchDocument(
            url: "/es/articulos/fibromialgia/", kind: .article, title: "Entender la fibromialgia",
            summary: "Qué es la fibromialgia y por qué causa dolor.", lastReviewed: "2026-03-01",
            alsoCalled: ["síndrome de fibromialgia"], headings: ["Los síntomas", "El diagnóstico"],
            body: "La fibromialgia causa dolor en todo el cuerpo, cansancio y problemas de sueño. Los síntomas cambian "
                + "de un día a otro. El médico hace el diagnóstico después de hablar con usted."),
        SearchDocument(
            url: "/es/articulos/medicacion/", kind: .article, title: "La medicación para el dolor",
            summary: "Las medicaciones que ayudan y cómo tomarlas.", lastReviewed: "2026-03-01",
            headings: ["Tomar la medicación", "Efectos secundarios"],
            body: "Tome la medicación a la misma hora cada día. Algunas medicaciones dan sueño. Pregunte a su "
                + "farmacéutico antes de tomar otra pastilla."),
        SearchDocument(
            url: "/es/articulos/sueno/", kind: .article, title: "El sueño y el cansancio",
            summary: "Cómo dormir mejor cuando tiene dolor.", lastReviewed: "2026-03-01",
            headings: ["Una rutina para dormir"],
            body: "Acuéstese y levántese a la misma hora. Evite el café por la tarde. Un sueño corto también ayuda."),
        SearchDocument(
            url: "/es/preguntas/ldn/", kind: .faq, title: "Preguntas sobre la naltrexona en dosis baja",
            summary: "Respuestas cortas sobre la LDN.", lastReviewed: "2026-03-01",
            questions: [
                .init(heading: "¿Puedo tomar LDN con opioides?", anchor: "puedo-tomar-ldn-con-opioides",
                      answer: "No. La naltrexona bloquea los opioides. Hable con su médico."),
                .init(heading: "¿Cuánto cuesta?", anchor: "cuanto-cuesta",
                      answer: "El precio cambia según la farmacia."),
            ]),
    ]

    @Test("Tests/Fixtures/search/spanish-site holds the Spanish index of the test site (SALVE_UPDATE_GOLDEN=1 records it)")
    func spanishSiteIsCurrent() throws {
        let folder = searchFixtures.appendingPathComponent("spanish-site")
        let synonyms = Synonyms(names: [["LDN", "naltrexona en dosis baja"]], language: .spanish)
        let files = SearchIndex.make(from: Self.documents, synonyms: synonyms, language: .spanish).encodedFiles()
        if ProcessInfo.processInfo.environment["SALVE_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: folder)
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            Issue.record("recorded spanish-site")
            return
        }
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(onDisk == files.map(\.path))
        for file in files {
            #expect(try Data(contentsOf: folder.appendingPathComponent(file.path)) == Data(file.bytes), "\(file.path) differs")
        }
    }

    @Test("parity-es.json holds today's Spanish terms for its texts (SALVE_UPDATE_GOLDEN=1 records it)")
    func spanishParityIsCurrent() throws {
        let file = searchFixtures.appendingPathComponent("parity-es.json")
        var texts = ["¿Qué es la fibromialgia?", "MEDICACIÓN", "medicacion", "Niñez y pingüinos", "averigüe", "Ñandú",
                     "tómelo con agua", "¿Cuánto cuesta la LDN?", "4,5 mg al día", "l'hospital"]
        texts += StopWords.spanish.sorted()
        // Made-up words of Spanish letters, for the rules' corners (short words, vowel runs, `gu`, `y`) real words miss.
        var seed: UInt64 = 15
        let letters = Array("aeiouaeioubcdglmnrsyzáéíóúñü")
        for _ in 0..<600 {
            var word = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0...(Int(seed >> 60) % 12) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                word.append(letters[Int(seed >> 33) % letters.count])
            }
            texts.append(word)
        }
        texts += try Self.reference().words.keys.sorted()
        texts += Self.documents.flatMap { [$0.title, $0.summary, $0.body] + $0.headings + $0.questions.flatMap { [$0.heading, $0.answer] } }
        var seen: Set<String> = []
        let lines = texts.filter { !$0.isEmpty && seen.insert($0).inserted }.map { text in
            JSONValue.object(["text": .string(text), "terms": .array(SearchText.terms(text, language: .spanish).map(JSONValue.string))])
                .scriptSafeJSON()
        }
        let current = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
        if ProcessInfo.processInfo.environment["SALVE_UPDATE_GOLDEN"] == "1" {
            try Data(current.utf8).write(to: file)
            Issue.record("recorded parity-es.json")
            return
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == current,
                "the Spanish pipeline changed: SALVE_UPDATE_GOLDEN=1 swift test re-records parity-es.json")
    }
}
