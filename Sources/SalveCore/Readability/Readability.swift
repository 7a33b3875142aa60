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
        let words = Words.split(text)
        let syllableCounts = words.map(Syllables.count)
        let syllables = syllableCounts.reduce(0, +)
        let polysyllables = syllableCounts.filter { $0 >= 3 }.count
        let sentenceCount = words.isEmpty ? 0 : max(1, sentences.count)
        guard sentenceCount > 0 else {
            return Readability(words: 0, sentences: 0, syllables: 0, polysyllables: 0, fleschReadingEase: 0,
                               fleschKincaidGrade: 0, smogGrade: 0, longestSentences: [])
        }
        let wordsPerSentence = Double(words.count) / Double(sentenceCount)
        let syllablesPerWord = Double(syllables) / Double(words.count)
        let longest = Sentences.longest(sentences)
        return Readability(
            words: words.count, sentences: sentenceCount, syllables: syllables, polysyllables: polysyllables,
            fleschReadingEase: 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
            fleschKincaidGrade: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
            smogGrade: 1.043 * (30 * Double(polysyllables) / Double(sentenceCount)).squareRoot() + 3.1291,
            longestSentences: longest)
    }

    /// A score rounded to one decimal, for messages.
    public static func display(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
