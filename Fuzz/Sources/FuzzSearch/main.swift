// Fuzz target: the search text pipeline (tokenizer, diacritic folding, stop words, Porter2 stemmer) and the
// synonyms file parser. The tokenizer's ASCII fast path must agree with its general path.
import FuzzSupport
@testable import SalveCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let tokens = SearchText.tokens(text)
    for token in tokens {
        precondition(!token.isEmpty && !token.contains(where: \.isWhitespace), "bad token \(token.debugDescription)")
        _ = EnglishStemmer.stem(token)
    }
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        // A non-ASCII word after a space sends the same text down the general path.
        let general = SearchText.tokens(text + " \u{E9}")
        precondition(general == tokens + ["e"], "fast and general tokenizers differ on \(text.debugDescription)")
    }
    _ = SearchText.terms(text)
    _ = Synonyms.parse(text)
    return 0
}

@_cdecl("FuzzSearch_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
