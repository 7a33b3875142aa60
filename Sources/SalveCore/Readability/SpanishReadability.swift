// Readability of Spanish prose: the counts and the Fernández-Huerta and Szigriszt-Pazos (INFLESZ) scores.

/// Spanish readability, with the formulas and constants of PyPI textstat 0.7.13 after `set_lang("es")`.
/// Words and sentences split as in English (`Readability`); syllables are spoken syllables counted from the
/// spelling, where textstat counts pyphen's hyphenation points (see Tests/Fixtures/readability-es/README.md:
/// on plain patient text Salve's scores come out a few points lower, that is harder, than textstat's).
/// Both scores run the same way: higher is easier, about 0 to 100 for prose.
public struct SpanishReadability: Sendable, Equatable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    /// Fernández-Huerta (1959): 206.84 − 60 × syllables per word − 1.02 × words per sentence.
    public var fernandezHuerta: Double
    /// Szigriszt-Pazos (1992), the score INFLESZ reads: 206.84 − 62.3 × syllables per word − words per sentence.
    /// (Szigriszt's own constant is 206.835; textstat uses 206.84 for Spanish, and so does Salve.)
    public var szigrisztPazos: Double
    /// The three longest sentences, longest first: where an editor should start simplifying.
    public var longestSentences: [String]

    /// Where `szigrisztPazos` falls on the INFLESZ scale.
    public var band: InfleszBand { InfleszBand(szigrisztPazos: szigrisztPazos) }

    /// Minutes to read at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, Int((Double(words) / 200).rounded(.up))) }

    /// Whether a page is harder than a gate allows: its Szigriszt-Pazos score is below `minimumSzigrisztPazos`
    /// (55 asks for INFLESZ "normal" or easier). A page without words is never too hard.
    public func isTooHard(minimumSzigrisztPazos minimum: Double) -> Bool {
        words > 0 && szigrisztPazos < minimum
    }

    /// How syllables are counted.
    public enum SyllableCounting: Sendable {
        /// Spoken syllables, as the scales were made with: "agua" 2, "día" 2, "ejercicio" 4.
        case spoken
        /// The pieces a hyphenator cuts a word into, which is what textstat counts with pyphen: a single letter
        /// is never cut off at either end and vowels next to each other stay together ("agua" 1, "día" 1,
        /// "ejercicio" 3). Closer to textstat's numbers; not the syllables the scales were made with.
        case hyphenation
    }

    /// Measures Spanish text (a page's prose, without markup). Text without words gets zero counts and scores 0,
    /// as textstat returns for it.
    public static func measure(_ text: String, syllables counting: SyllableCounting = .spoken) -> SpanishReadability {
        let words = Words.split(text)
        guard !words.isEmpty else {
            return SpanishReadability(words: 0, sentences: 0, syllables: 0, fernandezHuerta: 0, szigrisztPazos: 0,
                                      longestSentences: [])
        }
        let sentences = Sentences.split(text)
        return SpanishReadability(
            words: words.count, sentences: max(1, sentences.count),
            syllables: words.reduce(0) {
                $0 + (counting == .spoken ? SpanishSyllables.count($1) : SpanishSyllables.hyphenationCount($1))
            },
            longestSentences: Sentences.longest(sentences))
    }
}

extension SpanishReadability {
    /// The scores from the counts (`words` and `sentences` above 0), in textstat's order of operations, so equal
    /// counts give textstat's scores to the last bit.
    init(words: Int, sentences: Int, syllables: Int, longestSentences: [String]) {
        let wordsPerSentence = Double(words) / Double(sentences)
        let syllablesPerWord = Double(syllables) / Double(words)
        self.init(
            words: words, sentences: sentences, syllables: syllables,
            fernandezHuerta: 206.84 - 60 * syllablesPerWord - 1.02 * wordsPerSentence,
            szigrisztPazos: 206.84 - 62.3 * syllablesPerWord - wordsPerSentence,
            longestSentences: longestSentences)
    }
}
