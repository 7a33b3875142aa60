// Text to search terms: tokenize, lowercase, fold diacritics, drop stop words, stem. search.js repeats it exactly.
import Foundation

/// The one text pipeline every field and every query goes through, so that a word typed in the browser
/// becomes the same term the build stored.
public enum SearchText {
    /// Words of `text` as they are compared: lowercase, without diacritics, split at anything that is not
    /// a letter or a digit. An apostrophe between letters stays (`patient's`, `don't`); a decimal point or
    /// comma between digits stays in the number (`4.5`); letters and digits are split (`4.5mg` → `4.5`, `mg`).
    public static func tokens(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
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

    /// The same rules on bytes, for ASCII text (most of it): the index's slowest step was tokenizing.
    static func asciiTokens(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var tokens: [String] = []
        var current: [UInt8] = []
        var inNumber = false
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func flush() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for i in bytes.indices {
            let byte = bytes[i]
            if isLetter(byte) || isDigit(byte) {
                if !current.isEmpty, inNumber != isDigit(byte) { flush() }
                current.append(isLetter(byte) ? byte | 0x20 : byte)
                inNumber = isDigit(byte)
            } else if byte == UInt8(ascii: "'"), i > 0, i + 1 < bytes.count, isLetter(bytes[i - 1]), isLetter(bytes[i + 1]),
                !current.isEmpty
            {
                current.append(byte)
                inNumber = false
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), i > 0, i + 1 < bytes.count,
                isDigit(bytes[i - 1]), isDigit(bytes[i + 1]), !current.isEmpty
            {
                if byte == UInt8(ascii: ".") { current.append(byte) }
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
        // Most text is ASCII, which lowercasing alone folds; decomposition is for the rest.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
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
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        return switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar >= "0" && scalar <= "9" }
        return switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }
}
