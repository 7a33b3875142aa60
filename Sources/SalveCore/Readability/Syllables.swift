// Counts syllables in an English word from its spelling: vowel groups, with the usual silent-letter rules.

enum Syllables {
    static func count(_ word: String) -> Int {
        let letters = Array(word.lowercased().foldingDiacritics.filter { $0.isLetter })
        guard !letters.isEmpty else { return word.contains(where: \.isNumber) ? 1 : 0 }
        func isVowel(_ index: Int) -> Bool {
            guard index >= 0, index < letters.count else { return false }
            let letter = letters[index]
            if "aeiou".contains(letter) { return true }
            // "y" is a vowel after a consonant ("gym", "sleepy") but not at the start ("yes").
            return letter == "y" && index > 0 && !"aeiou".contains(letters[index - 1])
        }
        var count = 0
        for index in letters.indices where isVowel(index) && !isVowel(index - 1) {
            count += 1
        }
        let text = String(letters)
        // A final silent "e" ("make"), but not "-le" after a consonant ("table") or a lone "e" ("the").
        if text.hasSuffix("e"), letters.count > 2, !text.hasSuffix("le") || isVowel(letters.count - 3),
            !isVowel(letters.count - 2), count > 1
        {
            count -= 1
        }
        // "-ed" is silent unless after t or d ("tired" has one vowel sound less than its spelling).
        if text.hasSuffix("ed"), letters.count > 3, !"td".contains(letters[letters.count - 3]), count > 1 {
            count -= 1
        }
        // "-es" is silent after most consonants ("makes"), not after s, x, z, ch, sh, ge, ce ("boxes").
        if text.hasSuffix("es"), letters.count > 3, count > 1,
            !["s", "x", "z"].contains(letters[letters.count - 3]),
            !["ches", "shes", "ges", "ces"].contains(where: text.hasSuffix)
        {
            count -= 1
        }
        return max(1, count)
    }
}
