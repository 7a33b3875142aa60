// Sentence and word splitting for readability, following textstat 0.7 so scores can be compared with it.

enum Sentences {
    /// A sentence runs from a word character to the next run of `.`, `!` or `?`. Like textstat, this splits
    /// "1.5" and "Dr." too, and does not count pieces of two words or fewer as sentences.
    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var inTerminators = false
        for scalar in text.unicodeScalars {
            let isTerminator = scalar == "." || scalar == "!" || scalar == "?"
            if current.isEmpty {
                guard Words.isWordCharacter(scalar) else { continue }
            } else if inTerminators, !isTerminator {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                inTerminators = false
                guard Words.isWordCharacter(scalar) else { continue }
            }
            current.append(scalar)
            if isTerminator { inTerminators = true }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces.filter { Words.split($0).count > 2 }.map { $0.trimmingWhitespace() }
    }

    /// The three longest sentences by words, longest first (the earlier of two equally long ones first).
    static func longest(_ sentences: [String]) -> [String] {
        sentences.enumerated()
            .map { (offset: $0.offset, sentence: $0.element, words: Words.split($0.element).count) }
            .sorted { ($1.words, $0.offset) < ($0.words, $1.offset) }
            .prefix(3).map(\.sentence)
    }
}

enum Words {
    /// Words as textstat counts them: punctuation is deleted, not replaced, so "low-dose" and "1.5" are one word;
    /// an apostrophe stays only before t, s, d, ve, ll or re ("don't", "doctor's").
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var kept = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "'" {
                if keepsApostrophe(scalars, after: index) { kept.append(scalar) }
            } else if isWordCharacter(scalar) || scalar.properties.isWhitespace {
                kept.append(scalar)
            }
        }
        return String(kept).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static func keepsApostrophe(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        let next = scalars[(index + 1)...].prefix(2).map(Character.init)
        guard let first = next.first else { return false }
        if "tsd".contains(first) { return true }
        return next.count == 2 && ["ve", "ll", "re"].contains(String(next))
    }

    /// Letters, digits and `_`, as Python's `\w` sees them.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
