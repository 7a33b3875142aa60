// Readability of a page's prose: the counts and the Flesch, Flesch-Kincaid and SMOG formulas.
import Foundation

public struct Readability: Sendable, Equatable {
    public var words: Int
    public var sentences: Int
    public var syllables: Int
    /// Words of three or more syllables, which SMOG counts.
    public var polysyllables: Int
    public var fleschReadingEase: Double
    public var fleschKincaidGrade: Double
    public var smogGrade: Double
    /// The three longest sentences, longest first: where an editor should start simplifying.
    public var longestSentences: [String]

    /// Minutes to read at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, Int((Double(words) / 200).rounded(.up))) }

    public static func measure(_ text: String) -> Readability {
        let sentences = Sentences.split(text)
        let words = sentences.flatMap { Words.split($0) }
        let syllableCounts = words.map(Syllables.count)
        let syllables = syllableCounts.reduce(0, +)
        let polysyllables = syllableCounts.filter { $0 >= 3 }.count
        let sentenceCount = max(1, sentences.count)
        let wordCount = max(1, words.count)
        let wordsPerSentence = Double(wordCount) / Double(sentenceCount)
        let syllablesPerWord = Double(syllables) / Double(wordCount)
        let longest = sentences.enumerated()
            .sorted { (Words.split($1.element).count, $0.offset) < (Words.split($0.element).count, $1.offset) }
            .prefix(3).map { $0.element }
        return Readability(
            words: words.count, sentences: sentences.count, syllables: syllables, polysyllables: polysyllables,
            fleschReadingEase: round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord, places: 2),
            fleschKincaidGrade: round(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59, places: 1),
            smogGrade: words.isEmpty
                ? 0 : round(1.043 * (Double(polysyllables) * 30 / Double(sentenceCount)).squareRoot() + 3.1291, places: 1),
            longestSentences: longest)
    }

    private static func round(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
