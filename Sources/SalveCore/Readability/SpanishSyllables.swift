// Counts the syllables of a Spanish word from its spelling: one per vowel nucleus, with diphthongs,
// triphthongs, hiatus (two open vowels, or a stressed í/ú), the silent u of "que", "qui", "gue", "gui", and ü.

enum SpanishSyllables {
    /// How a letter takes part in a syllable's nucleus.
    private enum Sound: Equatable {
        /// a, e, o (with or without an accent), and a stressed í or ú, which breaks a diphthong ("día", "reúne").
        case open
        /// An unstressed i or u (also ü and a final y), which joins a neighbouring vowel into one syllable.
        case closed(Unicode.Scalar)
        /// Any other letter, digit or mark; also the silent u of "qu" and "gu" before e or i.
        case consonant
        /// h is silent: between two vowels it does not keep them apart ("prohibido" = prohi-bi-do, 3).
        case h

        var isVowel: Bool {
            switch self {
            case .open, .closed: true
            case .consonant, .h: false
            }
        }
    }

    private typealias Letter = (scalar: Unicode.Scalar, sound: Sound)

    /// The number of spoken syllables of `word`, at least 1 (a number or an abbreviation such as "mg" counts as 1,
    /// as in textstat). Spelling decides, as the Real Academia Española's syllabification does: "reunión" has
    /// the diphthongs "eu" and "ió" (reu-nión, 2), "ahora" the hiatus "a-o" (3).
    static func count(_ word: String) -> Int {
        var nuclei = 0
        for group in vowelGroups(letters(of: word)) {
            nuclei += 1
            for (first, second) in zip(group.sounds, group.sounds.dropFirst()) where !joins(first, second) {
                nuclei += 1
            }
        }
        return max(1, nuclei)
    }

    /// The number of pieces a Spanish hyphenator cuts `word` into, the way textstat counts "syllables" with
    /// pyphen (hyphenation points + 1), at least 1. Two rules of hyphenation make it lower than `count`: vowels
    /// next to each other are never split, even in a hiatus ("día" = 1, "poeta" = poe-ta), and no piece at either
    /// end may be a single letter ("agua" = 1, "ejercicio" = ejer-ci-cio). The patterns' own gaps
    /// ("ibuprofeno" = ibu-pro-feno) are not modelled.
    static func hyphenationCount(_ word: String) -> Int {
        let letters = letters(of: word)
        let groups = vowelGroups(letters)
        guard groups.count >= 2 else { return 1 }
        var pieces = groups.count
        let first = groups[0]
        // A word that opens with one vowel before a consonant that starts the next syllable ("a-gua", "o-tra",
        // "e-lla", "e-qui-po"): that vowel joins the next piece. A u between consonants is the silent u of qu, gu.
        if first.start == 0, first.end == 1 {
            let run = letters[first.end..<groups[1].start].map(\.scalar).filter { $0 != "u" }
            if run.count == 1 || (run.count == 2 && startsSyllable(run[0], run[1])) { pieces -= 1 }
        }
        // The last piece always has two letters or more: with vowels kept together, its vowels follow a consonant.
        return pieces
    }

    /// Two consonants that begin a syllable together: ch, ll, rr, and a stop or f before l or r ("bra", "cla").
    private static func startsSyllable(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        switch (a, b) {
        case ("c", "h"), ("l", "l"), ("r", "r"): true
        case ("b", "l"), ("c", "l"), ("f", "l"), ("g", "l"), ("k", "l"), ("p", "l"): true
        case ("b", "r"), ("c", "r"), ("d", "r"), ("f", "r"), ("g", "r"), ("k", "r"), ("p", "r"), ("t", "r"): true
        default: false
        }
    }

    /// Two neighbouring vowels share a syllable unless both are open (a hiatus: "le-er", "po-e-ta", "dí-a"),
    /// or they are the same closed vowel ("antiinflamatorio" = an-ti-in-…, "duunviro").
    private static func joins(_ first: Sound, _ second: Sound) -> Bool {
        switch (first, second) {
        case (.open, .open): false
        case (.closed(let a), .closed(let b)): a != b
        default: true
        }
    }

    /// A run of vowels with nothing but a silent h between them: letters `start..<end`, and the vowels' sounds.
    private struct VowelGroup {
        var start: Int
        var end: Int
        var sounds: [Sound]
    }

    private static func vowelGroups(_ letters: [Letter]) -> [VowelGroup] {
        var groups: [VowelGroup] = []
        var open = false  // whether the last group can still grow: only vowels, or an h before a vowel, since
        for (index, letter) in letters.enumerated() {
            switch letter.sound {
            case .open, .closed:
                if open {
                    groups[groups.count - 1].sounds.append(letter.sound)
                    groups[groups.count - 1].end = index + 1
                } else {
                    groups.append(VowelGroup(start: index, end: index + 1, sounds: [letter.sound]))
                }
                open = true
            case .h:
                open = open && index + 1 < letters.count && letters[index + 1].sound.isVowel
            case .consonant:
                open = false
            }
        }
        return groups
    }

    /// The word's letters, lowercased, with their sounds. Decomposed text works too: a combining acute accent
    /// makes the vowel before it stressed, and a combining diaeresis on u makes it ü.
    private static func letters(of word: String) -> [Letter] {
        var scalars: [Unicode.Scalar] = []
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "\u{301}":
                if let last = scalars.last, let accented = acute[last] { scalars[scalars.count - 1] = accented }
            case "\u{308}":
                if scalars.last == "u" { scalars[scalars.count - 1] = "ü" }
            default:
                if scalar.properties.generalCategory != .nonspacingMark { scalars.append(scalar) }
            }
        }
        var letters: [Letter] = []
        letters.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            let before = index > 0 ? scalars[index - 1] : nil
            let after = index + 1 < scalars.count ? scalars[index + 1] : nil
            letters.append((scalar, sound(of: scalar, before: before, after: after)))
        }
        return letters
    }

    private static func sound(of scalar: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?) -> Sound {
        switch scalar {
        case "a", "e", "o", "á", "é", "ó", "à", "è", "ò", "â", "ê", "ô", "ä", "ë", "ö", "í", "ú", "ì", "ù":
            return .open
        case "i", "î", "ï":
            return .closed("i")
        case "u", "û":
            // "que", "qui", "gue", "gui": the u only marks how q or g sounds ("guerra", "sigue", "quiero").
            if before == "q" || before == "g", let after, frontVowels.contains(after) { return .consonant }
            return .closed("u")
        case "ü":
            return .closed("u")
        case "y":
            // A vowel at the end of a word or before a consonant ("muy", "hoy", "y"); before a vowel a consonant
            // ("ayuda", "yoga").
            if let after, vowelLetters.contains(after) { return .consonant }
            return .closed("i")
        case "h":
            return .h
        default:
            return .consonant
        }
    }

    private static let acute: [Unicode.Scalar: Unicode.Scalar] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"]
    private static let frontVowels: Set<Unicode.Scalar> = ["e", "i", "é", "í"]
    private static let vowelLetters = Set("aeiouáéíóúüàèìòùâêîôûäëïö".unicodeScalars)
}
