// The gzip writer's fixed header, its trailer (CRC-32's check value) and which files it applies to.
import Testing

@testable import SalveCore

@Suite struct GzipTests {
    @Test("the header has no name and a zero time, and the trailer is CRC-32 and length, little-endian")
    func headerAndTrailer() {
        let gzip = Array("123456789".utf8).withUnsafeBytes { Gzip.compress($0) }
        #expect(Array(gzip.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 0xFF])
        // 0xCBF43926 is CRC-32's published check value for "123456789".
        #expect(Array(gzip.suffix(8)) == [0x26, 0x39, 0xF4, 0xCB, 9, 0, 0, 0])
        #expect(gzip == Array("123456789".utf8).withUnsafeBytes { Gzip.compress($0) })
        #expect(Array<UInt8>().withUnsafeBytes { Gzip.compress($0) }.count == 10 + 2 + 8)
    }

    @Test("HTML, CSS, JS, JSON, XML and SVG files are compressed; others and extensionless names are not")
    func applies() {
        for path in ["index.html", "assets/style.3f9a1c2e.css", "a/search.js", "search-index.json", "feed.xml", "media/D.SVG"] {
            #expect(Gzip.applies(to: path), "\(path)")
        }
        for path in ["robots.txt", "media/p.png", "media/html", "a.html/readme", "index.html.gz"] {
            #expect(!Gzip.applies(to: path), "\(path)")
        }
    }
}
