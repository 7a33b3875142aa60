// The index's fast pieces against the slow, obvious versions they replace: selection, string orders, JSON, numbers.
import Foundation
import Testing

@testable import SalveCore

@Suite("Search index pieces")
struct SearchPiecesTests {
    @Test("the best postings of a very common term are chosen by score, then the earlier result, as a sort would")
    func bestPostings() {
        var random = SearchUpdateTests.Seeded(state: 1)
        for size in [1001, 1500, 4000] {
            let postings = (0..<size).map { Posting(result: $0, score: 1 + random.next(size == 1500 ? 3 : 400)) }
            let sorted = postings.sorted { ($0.score, $1.result) > ($1.score, $0.result) }.prefix(SearchIndex.maxPostings)
            #expect(SearchIndex.Scorer.best(postings) == sorted.sorted { $0.result < $1.result })
        }
    }

    @Test("the index's JSON writer escapes strings and writes numbers exactly as the site's JSON encoder does")
    func jsonWriter() {
        let texts = ["plain", "quote \" and \\ backslash", "<script>&</script>", "line\nbreak\r\ttab", "\u{08}\u{0C}\u{01}\u{1F}",
                     "\u{2028}\u{2029} separators", "naïve café 東京", "", "emoji 👩‍⚕️", "\u{7F}"]
        var json = SearchJSON()
        json.append(strings: texts)
        #expect(String(decoding: json.bytes, as: UTF8.self) == JSONValue.array(texts.map(JSONValue.string)).scriptSafeJSON())
        for number in [0, 7, 10, 99, 100, 12_345, -3, Int(Int32.max), Int.max, Int.min] {
            var json = SearchJSON()
            json.append(number)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(number))
        }
    }

    @Test("terms and URLs are ordered as UTF-16 and UTF-8 order them, for any characters")
    func orders() {
        let texts = ["", "a", "ab", "b", "a b", "zq", "caf\u{E9}", "cafe", "\u{E000}", "\u{FFFD}x", "\u{1F600}", "\u{1F600}a",
                     "\u{10000}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{FFFF}", "na\u{EF}ve", "\u{E9}t\u{E9}", "東京", "/a/", "/a/#q",
                     "/a/b/", "/a-b/"]
        for a in texts {
            for b in texts {
                #expect(SearchOrder.utf16Precedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) < \(b) in UTF-16")
                #expect(SearchOrder.utf8Precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b) in UTF-8")
            }
        }
    }

    @Test("a number is its own term, as the stemmer would leave it")
    func numbersAreTerms() {
        for number in ["0", "7", "12", "2026", "4.5", "1000", "10.25", "007", "1.2.3"] {
            #expect(SearchText.term(number) == number)
            #expect(EnglishStemmer.stem(number) == number)
        }
        #expect(SearchText.term("the") == nil)
        #expect(SearchText.term("medicines") == "medicin")
    }

    @Test("the ASCII tokenizer splits every text as the general one does")
    func asciiTokenizer() {
        var random = SearchUpdateTests.Seeded(state: 42)
        let alphabet = Array("aZy'.,19 -'\n.Q,0")
        for _ in 0..<3000 {
            let text = String((0..<random.next(24)).map { _ in alphabet[random.next(alphabet.count)] })
            // A non-ASCII letter at the end sends the text down the general path, and adds one token of its own.
            #expect(SearchText.asciiTokens(text) == Array(SearchText.tokens(text + " \u{E9}").dropLast()), "\(text)")
        }
        let long = String(repeating: "Ab", count: 100) + " " + String(repeating: "9,", count: 80) + "9"
        #expect(SearchText.asciiTokens(long) == [String(repeating: "ab", count: 100), String(repeating: "9", count: 81)])
    }

    @Test("a snippet is cut at the last space within 200 characters, counted as characters where the text is not plain ASCII")
    func snippets() {
        let words = String(repeating: "word ", count: 60)  // 300 bytes
        #expect(SearchIndex.shorten(words) == String(repeating: "word ", count: 39) + "word…")
        #expect(SearchIndex.shorten(String(words.prefix(200))) == String(words.prefix(200)))
        // Past the cut the text may hold anything; at the cut, a combining mark joins the letter before it.
        #expect(SearchIndex.shorten(words + "é") == SearchIndex.shorten(words))
        let joined = String(repeating: "a", count: 200) + "\u{301}" + String(repeating: "b", count: 50)
        #expect(SearchIndex.shorten(joined) == String(repeating: "a", count: 199) + "a\u{301}…")
        let accented = String(repeating: "é", count: 150) + " " + String(repeating: "é", count: 100)
        #expect(SearchIndex.shorten(accented) == String(repeating: "é", count: 150) + "…")
    }
}
