// The Snowball Spanish stemmer (Snowball 3.1's rules) on folded words, with folded suffix tables; search-spanish.js is its twin.

/// Reduces a Spanish word to its stem (`medicaciones` → `medic`), so that different forms of a word find each other.
///
/// Written from the Snowball Spanish algorithm, with one change: it works on *folded* words (lowercase, no accents,
/// `ñ` as `n`, `ü` as `u`), because search folds every word before stemming, so that `medicacion` typed without
/// accents finds `medicación`. Snowball's tables name accented suffixes (`ación`, `logía`, `ía`, `ió`); here each is
/// folded (`acion`, `logia`). A folded suffix that is also a common ending of unaccented words is left out, because
/// keeping it would stem one word's forms apart: with `ia` (from `ía`) `propia` would lose `ia` but `propio` only `o`;
/// with `io` (from `ió`) `ejercicio` and `ejercicios` would part; `is` (from `ís`) would make `dosis` into `dos`;
/// `era` (from `erá`) would make `enfermera` into `enferm`. For the words whose Snowball stem needs the accent that
/// folding took away, the stem is then the one Snowball gives the word written without accents (`tenía` → `teni`, as
/// Snowball stems `tenia`). `Tests/Fixtures/search/snowball-es.json` holds PyPI snowballstemmer's stems, and names
/// every word whose stem depends on its accents.
public enum SpanishStemmer {
    /// Stems one folded word (see `SearchText.fold`).
    public static func stem(_ word: String) -> String {
        var run = Run(word)
        run.stem()
        return String(String.UnicodeScalarView(run.w))
    }

    /// Snowball's accented suffixes whose folded forms are not in the tables, with why (the fixture's `left_out` says it
    /// too, and a test checks the two name the same suffixes). Words with `ü` differ as well: folded, `güe` reads as
    /// `gue`, whose `u` Snowball drops.
    public static let leftOutSuffixes: [String] = [
        // `ía` and its family: `ia`, `ias`, `ian` end feminine forms of `-io` words (`propia`, `diaria`, `farmacias`).
        "ía", "ías", "ían", "íais", "íamos", "aría", "arías", "arían", "aríais", "aríamos", "ería", "erías", "erían",
        "eríais", "eríamos", "iría", "irías", "irían", "iríais", "iríamos",
        // `ís` (`dosis`, `análisis`), `ió` (`ejercicio`, `medio`).
        "ís", "ió",
        // The future's `erá`, `irá`, `aré`, … (`enfermera`, `respira`, `quiere`, `prepare`).
        "erá", "erás", "erán", "irá", "irás", "irán", "aré", "eré", "iré",
        // `áis`, `éis`: folded, they are the tails of `abrierais`, `abrieseis`, which keep them when their longer
        // suffix is not in RV. The last `í`: folded, it would be taken after `ías` has gone (`alergias` → `alerg`).
        "áis", "éis", "í",
    ]

    private struct Run {
        var w: [Unicode.Scalar]
        var pV: Int
        var p1: Int
        var p2: Int

        init(_ word: String) {
            w = Array(word.unicodeScalars)
            (pV, p1, p2) = (w.count, w.count, w.count)
        }

        static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]

        /// Suffix tables, longest first, so the first that fits is the longest (Snowball's `among`).
        static func table(_ words: [String]) -> [[Unicode.Scalar]] {
            words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        }

        static let pronouns = table(["me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos"])
        /// Verb endings before an attached pronoun. Snowball's `iéndo`, `ándo`, `ár`, `ér`, `ír` lose their accent when
        /// the pronoun goes (`haciéndola` → `haciendo`): folded, that is the same as deleting the pronoun.
        static let pronounHosts = table(["ando", "iendo", "yendo", "ar", "er", "ir"])

        /// Standard suffixes by what happens to them; `ación`, `ución` and `logía` folded.
        enum Standard { case delete, deleteIC, log, u, ente, amente, mente, idad, iv }
        static let standard: [([Unicode.Scalar], Standard)] = {
            let groups: [(Standard, [String])] = [
                (.delete, ["anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables", "ible", "ibles",
                           "ista", "istas", "oso", "osa", "osos", "osas", "amiento", "amientos", "imiento", "imientos"]),
                (.deleteIC, ["adora", "ador", "acion", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias"]),
                (.log, ["logia", "logias"]),
                (.u, ["ucion", "uciones"]),
                (.ente, ["encia", "encias"]),
                (.amente, ["amente"]),
                (.mente, ["mente"]),
                (.idad, ["idad", "idades"]),
                (.iv, ["iva", "ivo", "ivas", "ivos"]),
            ]
            return groups.flatMap { group in group.1.map { (Array($0.unicodeScalars), group.0) } }
                .sorted { $0.0.count > $1.0.count }
        }()
        static let afterAmente = table(["ic", "ad", "os", "iv"])
        static let afterMente = table(["ante", "able", "ible"])
        static let afterIdad = table(["ic", "abil", "iv"])

        static let yVerb = table(["ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yas", "yes", "yais", "yamos"])
        /// Verb suffixes after which a `u` that follows a `g` goes too (`averiguen` → `averig`).
        static let verbGU = table(["en", "es", "emos"])
        /// The other verb suffixes, folded, without `leftOutSuffixes`.
        static let verb = table([
            "ar", "er", "ir", "ad", "ed", "id", "an", "as", "ara", "aras", "aran", "aba", "abas", "aban", "ada", "adas",
            "ado", "ados", "ida", "idas", "ido", "idos", "iera", "ieras", "ieran", "ase", "ases", "asen", "iese", "ieses",
            "iesen", "aste", "iste", "aron", "ieron", "ando", "iendo", "abais", "arais", "ierais", "aseis", "ieseis",
            "asteis", "isteis", "amos", "imos", "abamos", "aramos", "ieramos", "asemos", "iesemos", "aremos", "eremos",
            "iremos", "areis", "ereis", "ireis",
        ])
        /// Both, longest first (two suffixes of one length cannot both fit, so their order does not matter).
        static let verbs: [([Unicode.Scalar], Bool)] =
            (verbGU.map { ($0, true) } + verb.map { ($0, false) }).sorted { $0.0.count > $1.0.count }
        /// Residual suffixes (`á` and `ó` folded); `e` and `é`, which may take a `u` after a `g` with them, come apart.
        static let residual = table(["os", "a", "o"])

        func isVowel(_ i: Int) -> Bool { Run.vowels.contains(w[i]) }

        /// Whether the word ends with `suffix` at `end`, starting at or after `limit`.
        func ends(_ suffix: [Unicode.Scalar], at end: Int, limit: Int = 0) -> Bool {
            let start = end - suffix.count
            return start >= limit && w[start..<end].elementsEqual(suffix)
        }

        /// The longest of `table` that the word ends with at `end`, starting at or after `limit`.
        func longest(_ table: [[Unicode.Scalar]], at end: Int, limit: Int = 0) -> [Unicode.Scalar]? {
            table.first { ends($0, at: end, limit: limit) }
        }

        /// The position after the first non-vowel that follows a vowel, at or after `start`, if there is one.
        func regionStart(from start: Int) -> Int? {
            var i = start
            while i < w.count, !isVowel(i) { i += 1 }
            guard i < w.count else { return nil }
            i += 1
            while i < w.count, isVowel(i) { i += 1 }
            return i < w.count ? i + 1 : nil
        }

        /// RV: after the next vowel when the second letter is a consonant, after the next consonant when the first
        /// two are vowels, else after the third letter. R1 and R2 as in every Snowball stemmer.
        mutating func markRegions() {
            let n = w.count
            if n >= 2 {
                var i = 2
                if isVowel(0) == isVowel(1) {
                    // Two vowels: skip vowels to a consonant; two consonants: skip consonants to a vowel.
                    let wantVowel = !isVowel(1)
                    while i < n, isVowel(i) != wantVowel { i += 1 }
                    if i < n { pV = i + 1 }
                } else if isVowel(0) {
                    // A vowel then a consonant: after the next vowel.
                    while i < n, !isVowel(i) { i += 1 }
                    if i < n { pV = i + 1 }
                } else if n > 2 {
                    pV = 3
                }
            }
            if let start = regionStart(from: 0) {
                p1 = start
                if let start = regionStart(from: start) { p2 = start }
            }
        }

        mutating func stem() {
            markRegions()
            attachedPronoun()
            if !standardSuffix(), !yVerbSuffix() { verbSuffix() }
            residualSuffix()
        }

        /// Step 0: a pronoun attached to a verb form (`tomarlo`, `dándole`) goes.
        mutating func attachedPronoun() {
            guard let pronoun = longest(Run.pronouns, at: w.count) else { return }
            let end = w.count - pronoun.count
            guard let host = longest(Run.pronounHosts, at: end) else { return }
            let start = end - host.count
            guard start >= pV else { return }
            if host.first == "y", !(start > 0 && w[start - 1] == "u") { return }
            w.removeLast(pronoun.count)
        }

        /// Step 1; false when no suffix applies, so that the verb steps are tried.
        mutating func standardSuffix() -> Bool {
            guard let (suffix, kind) = Run.standard.first(where: { ends($0.0, at: w.count) }) else { return false }
            let start = w.count - suffix.count
            guard start >= (kind == .amente ? p1 : p2) else { return false }
            w.removeLast(suffix.count)
            switch kind {
            case .delete: break
            case .deleteIC: deleteInR2(["i", "c"])
            case .log: w += ["l", "o", "g"]
            case .u: w.append("u")
            case .ente: w += ["e", "n", "t", "e"]
            case .amente:
                if let next = longest(Run.afterAmente, at: w.count), w.count - next.count >= p2 {
                    w.removeLast(next.count)
                    if next == ["i", "v"] { deleteInR2(["a", "t"]) }
                }
            case .mente: deleteLongestInR2(Run.afterMente)
            case .idad: deleteLongestInR2(Run.afterIdad)
            case .iv: deleteInR2(["a", "t"])
            }
            return true
        }

        mutating func deleteInR2(_ suffix: [Unicode.Scalar]) {
            if ends(suffix, at: w.count, limit: p2) { w.removeLast(suffix.count) }
        }

        mutating func deleteLongestInR2(_ table: [[Unicode.Scalar]]) {
            if let suffix = longest(table, at: w.count), w.count - suffix.count >= p2 { w.removeLast(suffix.count) }
        }

        /// Step 2a: a verb suffix starting with `y` (in RV), after a `u` (`construyen`).
        mutating func yVerbSuffix() -> Bool {
            guard w.count >= pV, let suffix = longest(Run.yVerb, at: w.count, limit: pV) else { return false }
            let start = w.count - suffix.count
            guard start > 0, w[start - 1] == "u" else { return false }
            w.removeLast(suffix.count)
            return true
        }

        /// Step 2b: any other verb suffix in RV.
        mutating func verbSuffix() {
            guard w.count >= pV, let (suffix, afterGU) = Run.verbs.first(where: { ends($0.0, at: w.count, limit: pV) })
            else { return }
            let start = w.count - suffix.count
            w.removeLast(suffix.count)
            if afterGU, start >= 2, w[start - 1] == "u", w[start - 2] == "g" { w.removeLast() }
        }

        /// Step 3: a last vowel (or `os`) in RV; an `e` after `gu` takes the `u` too when that is in RV.
        mutating func residualSuffix() {
            if let suffix = longest(Run.residual, at: w.count) {
                if w.count - suffix.count >= pV { w.removeLast(suffix.count) }
            } else if w.last == "e", w.count - 1 >= pV {
                w.removeLast()
                let u = w.count - 1
                if u >= 1, w[u] == "u", w[u - 1] == "g", u >= pV { w.removeLast() }
            }
        }
    }
}
