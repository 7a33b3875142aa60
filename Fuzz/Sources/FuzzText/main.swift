// Fuzz target: text processing on any string: readability (words, sentences, syllables), heading slugs,
// diacritic folding, link classification and percent-decoding; the same bytes as an image header (sizes in range).
import FuzzSupport
@testable import SalveCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let score = Readability.measure(text)
    precondition(score.polysyllables <= score.words && score.sentences <= max(1, score.words))
    // Slugs become ids written into HTML verbatim: nothing in them may need escaping.
    let slug = Slug.make(text)
    precondition(slug.unicodeScalars.allSatisfy { !"<>&\"' \t\n".unicodeScalars.contains($0) })
    if case .success(.content(let path, _)) = LinkDestination.classify(text, from: "articles/a.md") {
        precondition(!path.split(separator: "/").contains(".."), "a content link escaped: \(path)")
    }
    if case .success(.site(let path, _)) = LinkDestination.classify(text, from: "articles/a.md") {
        precondition(!path.split(separator: "/").contains(".."), "a site path escaped: \(path)")
    }
    if let size = ImageSize.read(Array(UnsafeBufferPointer(start: bytes, count: count))) {
        precondition((1...ImageSize.largest).contains(size.width) && (1...ImageSize.largest).contains(size.height))
    }
    // An image tag is written verbatim into the page: the text may not break out of its attributes.
    let tag = DocumentWalk.imageTag(src: text, alt: text, title: text, size: nil)
    precondition(tag.filter { $0 == "\"" }.count == 10 && !tag.dropFirst().dropLast().contains { $0 == "<" || $0 == ">" })
    _ = text.foldingDiacritics
    _ = text.collapsingWhitespace()
    return 0
}

@_cdecl("FuzzText_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
