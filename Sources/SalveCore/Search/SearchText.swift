// Text to search terms: tokenize, lowercase, fold diacritics, drop stop words, stem. search-text.js repeats it exactly.
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
        var tokens: [String] = []
        var text = text
        text.withUTF8 { bytes in
            forEachASCIIToken(in: bytes) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        }
        return tokens
    }

    /// Calls `body` with each token of ASCII `bytes`, lowercased, in a buffer that is only valid during the call:
    /// the index looks tokens up without making a string of each. A token is a run of letters (with an apostrophe
    /// between two letters) or of digits (with a `.` or `,` between two digits, the `,` left out).
    @inline(__always)
    static func forEachASCIIToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        // Most tokens are passed straight from `bytes`; those with capitals or a thousands comma are rewritten here.
        var rewritten: [UInt8] = []
        let end = bytes.count
        var index = 0
        while index < end {
            let first = bytes[index]
            let start = index
            if isLetter(first) {
                var lowercase = first >= 0x61
                index += 1
                while true {
                    while index < end, isLetter(bytes[index]) {
                        lowercase = lowercase && bytes[index] >= 0x61
                        index += 1
                    }
                    guard index + 1 < end, bytes[index] == UInt8(ascii: "'"), isLetter(bytes[index + 1]) else { break }
                    index += 1
                }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if lowercase {
                    body(token)
                } else {
                    rewritten.removeAll(keepingCapacity: true)
                    for byte in token { rewritten.append(isLetter(byte) ? byte | 0x20 : byte) }
                    rewritten.withUnsafeBufferPointer(body)
                }
            } else if isDigit(first) {
                var commas = false
                index += 1
                while true {
                    while index < end, isDigit(bytes[index]) { index += 1 }
                    guard index + 1 < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
                        isDigit(bytes[index + 1])
                    else { break }
                    commas = commas || bytes[index] == UInt8(ascii: ",")
                    index += 1
                }
                let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if commas {
                    rewritten.removeAll(keepingCapacity: true)
                    for byte in token where byte != UInt8(ascii: ",") { rewritten.append(byte) }
                    rewritten.withUnsafeBufferPointer(body)
                } else {
                    body(token)
                }
            } else {
                index += 1
            }
        }
    }

    /// The terms stored for `text` (and looked up for a query): its tokens without `language`'s stop words, stemmed
    /// by its stemmer. Folding comes first in every language, so a word typed without accents is the same term.
    public static func terms(_ text: String, language: SearchLanguage = .english) -> [String] {
        tokens(text).compactMap { term($0, language: language) }
    }

    /// The term for one token, or nil for a stop word.
    public static func term(_ token: String, language: SearchLanguage = .english) -> String? {
        // A number is its own term: no stop word has a digit, and the stemmer changes only letters.
        // Pages are full of numbers that appear once (years, doses, page numbers), so this skips the stemmer often.
        if let first = token.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
            token.utf8.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") })
        {
            return token
        }
        return language.stopWords.contains(token) ? nil : language.stem(token)
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
