// Sentence and word splitting for readability, following textstat's rules so scores can be compared.

enum Sentences {
    /// Sentences end at `.`, `!` or `?` (and at line ends, which Salve adds after each block);
    /// fragments of two words or fewer are not counted as sentences, as in textstat.
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character == "\n" {
                flush(&current, into: &sentences)
            } else if ".!?".contains(character) {
                current.append(character)
            } else {
                if ".!?".contains(previous), character.isWhitespace { flush(&current, into: &sentences) }
                current.append(character)
            }
            previous = character
        }
        flush(&current, into: &sentences)
        return sentences
    }

    private static func flush(_ current: inout String, into sentences: inout [String]) {
        let sentence = current.trimmingWhitespace()
        current = ""
        if Words.split(sentence).count > 2 { sentences.append(sentence) }
    }
}

enum Words {
    /// Words are runs between spaces once punctuation is gone; "low-dose" is one word, as in textstat.
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).compactMap { token in
            let word = String(token.filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" })
            return word.isEmpty ? nil : word
        }
    }
}
