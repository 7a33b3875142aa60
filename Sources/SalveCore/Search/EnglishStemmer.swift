// The Snowball English (Porter2) stemmer, as Snowball 3.1 defines it; search.js has a line-for-line twin.

/// Reduces an English word to its stem (`connections` → `connect`), so that different forms of a word
/// find each other. Written from the Snowball English algorithm; `Tests/Fixtures/search/snowball.json`
/// holds the official implementation's output, which both this and the browser's copy must match.
public enum EnglishStemmer {
    /// Stems one lowercase word. Words of one or two letters are returned as they are.
    public static func stem(_ word: String) -> String {
        var stemmer = Run(word)
        return stemmer.stem()
    }

    private struct Run {
        var w: [Unicode.Scalar]
        var p1 = 0
        var p2 = 0
        var foundY = false

        init(_ word: String) { w = Array(word.unicodeScalars) }

        static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y"]
        /// Letters that do not end a short syllable.
        static let vowelsWXY: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "w", "x", "Y"]
        static let validLI: Set<Unicode.Scalar> = ["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]
        static let doubles = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]
        /// Words stemmed by hand, because the rules get them wrong.
        static let exceptions: [String: String] = [
            "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
            "only": "onli", "singly": "singl", "andes": "andes", "atlas": "atlas", "bias": "bias",
            "cosmos": "cosmos", "howe": "howe", "news": "news", "sky": "sky",
        ]
        /// Prefixes after which R1 starts, so that `generous` and `general` keep apart.
        static let r1Prefixes = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]

        func isVowel(_ i: Int) -> Bool { Run.vowels.contains(w[i]) }

        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.unicodeScalars)
            return s.count <= w.count && Array(w[(w.count - s.count)...]) == s
        }

        /// The longest of `suffixes` that the word ends with.
        func longest(_ suffixes: [String]) -> String? {
            suffixes.filter(ends).max { $0.unicodeScalars.count < $1.unicodeScalars.count }
        }

        mutating func replace(_ count: Int, with text: String) {
            w.removeLast(count)
            w += Array(text.unicodeScalars)
        }

        /// A short syllable ends at `end` (exclusive), or the word ends in `past` there.
        func shortSyllable(endingAt end: Int) -> Bool {
            if end >= 3, !Run.vowelsWXY.contains(w[end - 1]), isVowel(end - 2), !isVowel(end - 3) { return true }
            if end == 2, !isVowel(1), isVowel(0) { return true }
            return end >= 4 && String(String.UnicodeScalarView(w[(end - 4)..<end])) == "past"
        }

        /// The position after the first non-vowel that follows a vowel, at or after `start`.
        func regionStart(from start: Int) -> Int {
            var i = start
            while i < w.count, !isVowel(i) { i += 1 }
            while i < w.count, isVowel(i) { i += 1 }
            return i < w.count ? i + 1 : w.count
        }

        mutating func stem() -> String {
            let word = String(String.UnicodeScalarView(w))
            if let exception = Run.exceptions[word] { return exception }
            if w.count < 3 { return word }
            prelude()
            markRegions()
            step1a()
            step1b()
            step1c()
            step2()
            step3()
            step4()
            step5()
            if foundY { w = w.map { $0 == "Y" ? "y" : $0 } }
            return String(String.UnicodeScalarView(w))
        }

        mutating func prelude() {
            if w.first == "'" { w.removeFirst() }
            if w.first == "y" { w[0] = "Y"; foundY = true }
            for i in w.indices.dropFirst() where w[i] == "y" && isVowel(i - 1) {
                w[i] = "Y"
                foundY = true
            }
        }

        mutating func markRegions() {
            let word = String(String.UnicodeScalarView(w))
            p1 = Run.r1Prefixes.first(where: word.hasPrefix).map { $0.unicodeScalars.count } ?? regionStart(from: 0)
            p2 = regionStart(from: p1)
        }

        /// True when the part before a suffix of `length` letters holds a vowel, not counting `skip` letters before it.
        func vowelBefore(suffix length: Int, skip: Int = 0) -> Bool {
            let end = w.count - length - skip
            return end > 0 && (0..<end).contains(where: isVowel)
        }

        mutating func step1a() {
            if let suffix = longest(["'", "'s'", "'s"]) { w.removeLast(suffix.unicodeScalars.count) }
            guard let suffix = longest(["ied", "s", "ies", "sses", "ss", "us"]) else { return }
            switch suffix {
            case "sses": replace(4, with: "ss")
            case "ied", "ies": replace(3, with: w.count > 4 ? "i" : "ie")
            case "s": if w.count >= 2, vowelBefore(suffix: 1, skip: 1) { w.removeLast() }
            default: break
            }
        }

        mutating func step1b() {
            guard let suffix = longest(["ed", "eed", "ing", "edly", "eedly", "ingly"]) else { return }
            let length = suffix.unicodeScalars.count
            let start = w.count - length
            switch suffix {
            case "eed", "eedly":
                let before = String(String.UnicodeScalarView(w[..<start]))
                if start >= p1, !["succ", "proc", "exc"].contains(before) { replace(length, with: "ee") }
                return
            case "ing":
                let before = String(String.UnicodeScalarView(w[..<start]))
                if ["even", "cann", "inn", "earr", "herr", "out"].contains(before) { return }
                if start == 2, w[1] == "y", !isVowel(0) {
                    replace(4, with: "ie")
                    return
                }
            default: break
            }
            guard vowelBefore(suffix: length) else { return }
            w.removeLast(length)
            if ends("at") || ends("bl") || ends("iz") {
                w.append("e")
            } else if longest(Run.doubles) != nil {
                if w.count == 3, ["a", "e", "o"].contains(w[0]) { return }
                w.removeLast()
            } else if w.count == p1, shortSyllable(endingAt: w.count) {
                w.append("e")
            }
        }

        mutating func step1c() {
            guard w.count >= 3, w.last == "y" || w.last == "Y", !isVowel(w.count - 2) else { return }
            w[w.count - 1] = "i"
        }

        static let step2Rules: [(String, String)] = [
            ("anci", "ance"), ("enci", "ence"), ("ogi", "og"), ("li", ""), ("bli", "ble"), ("abli", "able"),
            ("alli", "al"), ("fulli", "ful"), ("lessli", "less"), ("ousli", "ous"), ("entli", "ent"),
            ("aliti", "al"), ("biliti", "ble"), ("iviti", "ive"), ("tional", "tion"), ("ational", "ate"),
            ("alism", "al"), ("ation", "ate"), ("ization", "ize"), ("izer", "ize"), ("ator", "ate"),
            ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("ogist", "og"),
        ]

        mutating func step2() {
            guard let suffix = longest(Run.step2Rules.map(\.0)) else { return }
            let length = suffix.unicodeScalars.count
            let start = w.count - length
            guard start >= p1 else { return }
            switch suffix {
            case "ogi": if start > 0, w[start - 1] == "l" { replace(length, with: "og") }
            case "li": if start > 0, Run.validLI.contains(w[start - 1]) { w.removeLast(2) }
            default: replace(length, with: Run.step2Rules.first { $0.0 == suffix }!.1)
            }
        }

        static let step3Rules: [(String, String)] = [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("tional", "tion"),
            ("ational", "ate"), ("ful", ""), ("ness", ""),
        ]

        mutating func step3() {
            guard let suffix = longest(Run.step3Rules.map(\.0)) else { return }
            let length = suffix.unicodeScalars.count
            let start = w.count - length
            guard start >= p1 else { return }
            if suffix == "ative" {
                if start >= p2 { w.removeLast(length) }
            } else {
                replace(length, with: Run.step3Rules.first { $0.0 == suffix }!.1)
            }
        }

        static let step4Suffixes = [
            "ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "er", "ous", "ant",
            "ent", "ment", "ement",
        ]

        mutating func step4() {
            guard let suffix = longest(Run.step4Suffixes) else { return }
            let length = suffix.unicodeScalars.count
            let start = w.count - length
            guard start >= p2 else { return }
            if suffix == "ion" {
                if start > 0, w[start - 1] == "s" || w[start - 1] == "t" { w.removeLast(length) }
            } else {
                w.removeLast(length)
            }
        }

        mutating func step5() {
            let start = w.count - 1
            if w.last == "e" {
                if start >= p2 || (start >= p1 && !shortSyllable(endingAt: start)) { w.removeLast() }
            } else if w.last == "l" {
                if start >= p2, start > 0, w[start - 1] == "l" { w.removeLast() }
            }
        }
    }
}
