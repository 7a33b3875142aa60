// Spanish readability against PyPI textstat with set_lang("es") (the fixture names its version and mode).
import Foundation
import Testing
@testable import SalveCore

struct SpanishTextstatValues: Decodable {
    var words: Int
    var sentences: Int
    var syllables: Int
    var fernandez_huerta: Double
    var szigriszt_pazos: Double
}

struct SpanishTextstatFixture: Decodable {
    var textstat_version: String
    var mode: String
    var texts: [String: SpanishTextstatValues]
}

struct SpanishTextstatWords: Decodable {
    struct Word: Decodable {
        var syllables: Int
        var hyphenated: String
    }
    var textstat_version: String
    var words: [String: Word]
}

let spanishReadabilityFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/readability-es")

@Suite("Spanish readability")
struct SpanishReadabilityTests {
    static func load<T: Decodable>(_ type: T.Type, _ file: String) -> T {
        try! JSONDecoder().decode(type, from: Data(contentsOf: spanishReadabilityFolder.appendingPathComponent(file)))
    }

    static let fixture = load(SpanishTextstatFixture.self, "expected.json")
    static let textstatWords = load(SpanishTextstatWords.self, "words.json").words
    static let texts = load([String: String].self, "paragraphs.json")

    /// The share of distinct fixture words whose count agrees with textstat's.
    static func agreement(_ count: (String) -> Int) -> Double {
        let agreeing = textstatWords.filter { count($0.key) == $0.value.syllables }.count
        return Double(agreeing) / Double(textstatWords.count)
    }

    /// Whether every word of a text gets textstat's count from `count`.
    static func agreesOnEveryWord(_ text: String, _ count: (String) -> Int) -> Bool {
        Words.split(text).allSatisfy { word in
            textstatWords[word.lowercased()].map { count(word) == $0.syllables } ?? false
        }
    }

    // Measured on this fixture: 731 of 743 words (98.4%) with hyphenation counting, 624 (84.0%) with spoken
    // syllables. The bounds leave a little room for new paragraphs, not for a change of rules.
    static let minimumHyphenationAgreement = 0.97
    static let minimumSpokenAgreement = 0.80
    /// Hyphenation counting misses pyphen's pattern gaps (at most 2 per text here, 2.2 points).
    static let hyphenationTolerance = 2.5
    /// Spoken syllables are never fewer than pyphen's pieces, so the scores are lower: by 1.3 to 15.9 points here.
    static let spokenTolerance = 17.0

    @Test("the fixture names the textstat version and its syllable mode, and covers every text")
    func fixtureIsLabelled() {
        let fixture = SpanishReadabilityTests.fixture
        #expect(fixture.textstat_version == "0.7.13")
        #expect(fixture.mode.hasPrefix("lang es (set_lang); no pronouncing dictionary"))
        #expect(fixture.texts.count >= 30)
        #expect(Set(fixture.texts.keys) == Set(SpanishReadabilityTests.texts.keys))
    }

    @Test("words and sentences split as textstat splits them", arguments: fixture.texts.keys.sorted())
    func splitting(_ name: String) throws {
        let expected = try #require(SpanishReadabilityTests.fixture.texts[name])
        let score = SpanishReadability.measure(try #require(SpanishReadabilityTests.texts[name]))
        #expect(score.words == expected.words)
        #expect(score.sentences == expected.sentences)
    }

    @Test("textstat's counts give textstat's scores", arguments: fixture.texts.keys.sorted())
    func formulas(_ name: String) throws {
        let expected = try #require(SpanishReadabilityTests.fixture.texts[name])
        let score = SpanishReadability(words: expected.words, sentences: expected.sentences,
                                       syllables: expected.syllables, longestSentences: [])
        #expect(abs(score.fernandezHuerta - expected.fernandez_huerta) < 1e-9)
        #expect(abs(score.szigrisztPazos - expected.szigriszt_pazos) < 1e-9)
    }

    @Test("hyphenation counting gives textstat's numbers: exact where every word agrees, else within 2.5 points",
          arguments: fixture.texts.keys.sorted())
    func hyphenationMatchesTextstat(_ name: String) throws {
        let expected = try #require(SpanishReadabilityTests.fixture.texts[name])
        let text = try #require(SpanishReadabilityTests.texts[name])
        let score = SpanishReadability.measure(text, syllables: .hyphenation)
        if SpanishReadabilityTests.agreesOnEveryWord(text, SpanishSyllables.hyphenationCount) {
            #expect(score.syllables == expected.syllables)
            #expect(abs(score.szigrisztPazos - expected.szigriszt_pazos) < 1e-9)
            #expect(abs(score.fernandezHuerta - expected.fernandez_huerta) < 1e-9)
        } else {
            let tolerance = SpanishReadabilityTests.hyphenationTolerance
            #expect(abs(score.szigrisztPazos - expected.szigriszt_pazos) <= tolerance,
                    "SP \(score.szigrisztPazos) vs \(expected.szigriszt_pazos)")
            #expect(abs(score.fernandezHuerta - expected.fernandez_huerta) <= tolerance,
                    "FH \(score.fernandezHuerta) vs \(expected.fernandez_huerta)")
        }
    }

    @Test("spoken syllables are at least textstat's, and the scores at most 17 points lower",
          arguments: fixture.texts.keys.sorted())
    func spokenAgainstTextstat(_ name: String) throws {
        let expected = try #require(SpanishReadabilityTests.fixture.texts[name])
        let score = SpanishReadability.measure(try #require(SpanishReadabilityTests.texts[name]))
        #expect(score.syllables >= expected.syllables)
        let tolerance = SpanishReadabilityTests.spokenTolerance
        #expect((-tolerance...0).contains(score.szigrisztPazos - expected.szigriszt_pazos),
                "SP \(score.szigrisztPazos) vs \(expected.szigriszt_pazos)")
        #expect((-tolerance...0).contains(score.fernandezHuerta - expected.fernandez_huerta),
                "FH \(score.fernandezHuerta) vs \(expected.fernandez_huerta)")
    }

    @Test("per word, hyphenation counting agrees with textstat on at least 97% and spoken syllables on 80%")
    func wordAgreement() {
        let hyphenation = SpanishReadabilityTests.agreement(SpanishSyllables.hyphenationCount)
        let spoken = SpanishReadabilityTests.agreement(SpanishSyllables.count)
        #expect(hyphenation >= SpanishReadabilityTests.minimumHyphenationAgreement, "\(hyphenation)")
        #expect(spoken >= SpanishReadabilityTests.minimumSpokenAgreement, "\(spoken)")
        let exact = SpanishReadabilityTests.texts.values.filter {
            SpanishReadabilityTests.agreesOnEveryWord($0, SpanishSyllables.hyphenationCount)
        }
        #expect(exact.count >= 25)
    }

    @Test("spoken syllables follow Spanish syllabification")
    func spokenSyllables() {
        let words: [String: Int] = [
            // vowel nuclei and diphthongs
            "dolor": 2, "médico": 3, "fibromialgia": 4, "cuidado": 3, "ciudad": 2, "bueno": 2, "causa": 2,
            "aumento": 3, "europeo": 4, "agua": 2, "ejercicio": 4, "reunión": 2, "reuniones": 3,
            // hiatus: two open vowels, or a stressed í or ú
            "leer": 2, "poeta": 3, "aéreo": 4, "día": 2, "frío": 2, "país": 2, "reúne": 3, "oído": 3,
            "cafeína": 4, "creía": 3, "aún": 2, "antiinflamatorio": 7,
            // triphthongs and y
            "buey": 1, "averiguáis": 4, "muy": 1, "hoy": 1, "y": 1, "ley": 1, "ayuda": 3, "yoga": 2, "mayor": 2,
            // silent u, and ü
            "guerra": 2, "sigue": 2, "quiero": 2, "queso": 2, "equipo": 3, "pingüino": 3, "vergüenza": 3,
            "averigüe": 4,
            // h between vowels
            "ahora": 3, "alcohol": 3, "prohibido": 3, "búho": 2, "vehículo": 4, "zanahoria": 4, "hielo": 2,
            // no vowel at all
            "15": 1, "mg": 1,
        ]
        for (word, expected) in words.sorted(by: { $0.key < $1.key }) {
            #expect(SpanishSyllables.count(word) == expected, "\(word)")
        }
    }

    @Test("hyphenation counting keeps vowels together and cuts off no single letter at the start")
    func hyphenationPieces() {
        let words: [String: Int] = [
            "agua": 1, "día": 1, "leer": 1, "poeta": 2, "ejercicio": 3, "otra": 1, "ella": 1, "ayuda": 2,
            "apnea": 2, "enfermedad": 4, "alcohol": 2, "ahora": 2, "prohibido": 3, "y": 1, "muy": 1,
            "medicamento": 5, "fibromialgia": 4, "aéreo": 2, "equipo": 2, "aguja": 2,
        ]
        for (word, expected) in words.sorted(by: { $0.key < $1.key }) {
            #expect(SpanishSyllables.hyphenationCount(word) == expected, "\(word)")
        }
    }

    @Test("capitals and decomposed accents count as the composed lowercase word")
    func normalisation() {
        for word in ["día", "reúne", "pingüino", "averiguáis", "médico"] {
            let decomposed = word.decomposedStringWithCanonicalMapping
            #expect(decomposed.unicodeScalars.count > word.unicodeScalars.count)
            #expect(SpanishSyllables.count(decomposed) == SpanishSyllables.count(word), "\(word)")
            #expect(SpanishSyllables.count(word.uppercased()) == SpanishSyllables.count(word), "\(word)")
            #expect(SpanishSyllables.hyphenationCount(decomposed) == SpanishSyllables.hyphenationCount(word))
        }
    }

    @Test("INFLESZ bands start at 40, 55, 65 and 80")
    func bands() {
        let cases: [(Double, InfleszBand)] = [
            (-31, .muyDificil), (39.99, .muyDificil), (40, .algoDificil), (54.99, .algoDificil), (55, .normal),
            (64.99, .normal), (65, .bastanteFacil), (79.99, .bastanteFacil), (80, .muyFacil), (120, .muyFacil),
        ]
        for (score, band) in cases {
            #expect(InfleszBand(szigrisztPazos: score) == band, "\(score)")
        }
        #expect(InfleszBand.allCases.map(\.rawValue) ==
                ["muy difícil", "algo difícil", "normal", "bastante fácil", "muy fácil"])
        #expect(InfleszBand.muyDificil < .normal && InfleszBand.normal < .muyFacil)
    }

    @Test("a gate at 55 flags the dense paragraphs and passes the plain ones")
    func gate() throws {
        let texts = SpanishReadabilityTests.texts
        let dense = SpanishReadability.measure(try #require(texts["academico_tratamiento"]))
        #expect(dense.band == .muyDificil)
        #expect(dense.isTooHard(minimumSzigrisztPazos: 55))
        let plain = SpanishReadability.measure(try #require(texts["sueno_rutina"]))
        #expect(plain.band >= .normal)
        #expect(!plain.isTooHard(minimumSzigrisztPazos: 55))
        #expect(plain.isTooHard(minimumSzigrisztPazos: plain.szigrisztPazos + 0.01))
        let empty = SpanishReadability.measure("  ¿? — ")
        #expect(empty == SpanishReadability(words: 0, sentences: 0, syllables: 0, fernandezHuerta: 0,
                                            szigrisztPazos: 0, longestSentences: []))
        #expect(!empty.isTooHard(minimumSzigrisztPazos: 55))
    }

    @Test("the longest sentences come first; like textstat, a sentence starts at its first letter, after ¿ or ¡")
    func longestSentences() {
        let score = SpanishReadability.measure(
            "Duerma bien. ¿Le duele la espalda? ¡Camine un poco cada día al sol! Beba agua. Llame a su médico, ¿vale?")
        // "Duerma bien." and "Beba agua." have two words each, which textstat does not count as sentences.
        #expect(score.sentences == 3)
        #expect(score.longestSentences ==
                ["Camine un poco cada día al sol!", "Llame a su médico, ¿vale?", "Le duele la espalda?"])
    }
}
