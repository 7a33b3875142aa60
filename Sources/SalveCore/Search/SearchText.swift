// Text to search terms: tokenize, lowercase, fold diacritics, drop stop words, stem. search.js repeats it exactly.
import Foundation

/// The one text pipeline every field and every query goes through, so that a word typed in the browser
/// becomes the same term the build stored.
public enum SearchText {
    /// Words of `text` as they are compared: lowercase, without diacritics, split at anything that is not
    /// a letter or a digit. An apostrophe between letters stays (`patient's`, `don't`); a decimal point or
    /// comma between digits stays in the number (`4.5`); letters and digits are split (`4.5mg` → `4.5`, `mg`).
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [Unicode.Scalar] = []
        // Whether `current` is a number; a `.` inside a number keeps it one.
        var inNumber = false
        let scalars = Array(fold(text).unicodeScalars)
        func flush() {
            if !current.isEmpty { tokens.append(String(String.UnicodeScalarView(current))) }
            current = []
        }
        for (i, scalar) in scalars.enumerated() {
            let previous = i > 0 ? scalars[i - 1] : nil
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            if isLetter(scalar) || isDigit(scalar) {
                if !current.isEmpty, inNumber != isDigit(scalar) { flush() }
                current.append(scalar)
                inNumber = isDigit(scalar)
            } else if scalar == "'", let previous, let next, isLetter(previous), isLetter(next), !current.isEmpty {
                current.append(scalar)
                inNumber = false
            } else if scalar == "." || scalar == ",", let previous, let next, isDigit(previous), isDigit(next),
                !current.isEmpty
            {
                if scalar == "." { current.append(scalar) }
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// The terms stored for `text` (and looked up for a query): its tokens without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        tokens(text).compactMap(term)
    }

    /// The term for one token, or nil for a stop word.
    public static func term(_ token: String) -> String? {
        StopWords.english.contains(token) ? nil : EnglishStemmer.stem(token)
    }

    /// Lowercase, compatibility-decomposed, combining marks removed, typographic apostrophes made plain.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            scalars.append(scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" ? "'" : scalar)
        }
        return String(scalars)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}
