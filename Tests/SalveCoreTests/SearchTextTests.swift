// The search text pipeline: the stemmer against Snowball's own output, the tokenizer's awkward cases, the parity vectors.
import Foundation
import Testing

@testable import SalveCore

let searchFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/search")

@Suite("Search text")
struct SearchTextTests {
    @Test("the stemmer gives the official Snowball English stem for every word of the reference fixture")
    func matchesSnowball() throws {
        let reference = try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: searchFixtures.appendingPathComponent("snowball.json")))
        #expect(reference.count > 3000)
        let wrong = reference.filter { EnglishStemmer.stem($0.key) != $0.value }.sorted { $0.key < $1.key }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { "\($0.key): \(EnglishStemmer.stem($0.key)) != \($0.value)" })")
    }

    @Test("apostrophes, hyphens, numbers with units and accents are split and folded the same way everywhere")
    func awkwardTokens() {
        #expect(SearchText.tokens("The patient’s LDN") == ["the", "patient's", "ldn"])
        #expect(SearchText.tokens("low-dose naltrexone") == ["low", "dose", "naltrexone"])
        #expect(SearchText.tokens("Take 4.5mg (or 1,000 mg).") == ["take", "4.5", "mg", "or", "1000", "mg"])
        #expect(SearchText.tokens("Café naïve CRÈME") == ["cafe", "naive", "creme"])
        #expect(SearchText.tokens("'quoted' patients' don't") == ["quoted", "patients", "don't"])
        #expect(SearchText.tokens("<img src=x onerror=alert(1)>") == ["img", "src", "x", "onerror", "alert", "1"])
    }

    @Test("terms drop stop words and stem what is left")
    func terms() {
        #expect(SearchText.terms("Can I take LDN with opioids?") == ["take", "ldn", "opioid"])
        #expect(SearchText.terms("the patient's side effects") == ["patient", "side", "effect"])
        #expect(SearchText.terms("Don't stop") == ["stop"])
    }

    @Test("parity.json holds today's tokens and terms for its texts (SALVE_UPDATE_GOLDEN=1 records it)")
    func parityIsCurrent() throws {
        let file = searchFixtures.appendingPathComponent("parity.json")
        let current = try ParityVectors.make(root: searchFixtures.deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent())
        if ProcessInfo.processInfo.environment["SALVE_UPDATE_GOLDEN"] == "1" {
            try Data(current.utf8).write(to: file)
            Issue.record("recorded parity.json")
            return
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == current,
                "the pipeline or the sample content changed: SALVE_UPDATE_GOLDEN=1 swift test re-records parity.json")
    }
}

/// Test vectors for search.js: text -> tokens -> terms, one case a line.
enum ParityVectors {
    static let awkward = [
        "patient's", "patients'", "don't", "can't", "it’s", "O’Brien", "'quoted'", "low-dose", "4.5mg", "1,000mg",
        "B12", "covid19", "naïve", "café", "CRÈME BRÛLÉE", "Ærø", "straße", "ﬁbromyalgia", "résumé", "São Paulo",
        "x²", "½ tablet", "fibro—fog", "well‐being", "e-mail", "Hello, world!", "naltrexon sid efects",
        "can i take ldn with opioids", "<img src=x onerror=alert(1)>", "C++ & C#", "über-tired", "ĳssel",
        "İstanbul", "ΣΟΦΙΑ", "Москва", "東京 tokyo", "dying", "yelling", "sayyid",
    ]

    static func make(root: URL) throws -> String {
        var texts = awkward
        let reference = try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: searchFixtures.appendingPathComponent("snowball.json")))
        texts += reference.keys.sorted()
        let content = root.appendingPathComponent("content")
        for path in try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted() where path.hasSuffix(".md") {
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            texts += text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        var seen: Set<String> = []
        let lines = texts.filter { seen.insert($0).inserted }.map { text -> String in
            let value: JSONValue = [
                "text": .string(text), "tokens": .array(SearchText.tokens(text).map(JSONValue.string)),
                "terms": .array(SearchText.terms(text).map(JSONValue.string)),
            ]
            return value.scriptSafeJSON()
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }
}
