// The image size reader on small files of each format made here byte by byte, and on damaged ones.
import Foundation
import Testing

@testable import SalveCore

@Suite struct ImageSizeTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be(width) + be(height)
            + [8, 2, 0, 0, 0] + [0x12, 0x34, 0x56, 0x78] + [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    static func be(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    /// SOI, an APP0 (JFIF) segment, a comment, then a baseline frame header of `width` x `height`.
    static func jpeg(width: UInt16, height: UInt16, frame: UInt8 = 0xC0) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xFE, 0, 7] + Array("hello".utf8)
        bytes += [0xFF, 0xC4, 0, 4, 0, 0]  // a DHT segment: a marker in the SOF range that is not a frame
        bytes += [0xFF, frame, 0, 11, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
                  1, 1, 0x11, 0]
        return bytes + [0xFF, 0xD9]
    }

    static func gif(width: UInt16, height: UInt16) -> [UInt8] {
        Array("GIF89a".utf8) + [UInt8(width & 0xFF), UInt8(width >> 8), UInt8(height & 0xFF), UInt8(height >> 8), 0, 0, 0]
            + [0x3B]
    }

    static func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
        let size = UInt32(4 + 8 + payload.count)
        return Array("RIFF".utf8) + le(size, 4) + Array("WEBP".utf8) + Array(chunk.utf8) + le(UInt32(payload.count), 4) + payload
    }

    static func le(_ value: UInt32, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    @Test("PNG, JPEG and GIF headers give their width and height")
    func rasterFormats() {
        #expect(ImageSize.read(Self.png(width: 640, height: 480)) == ImageSize(width: 640, height: 480))
        #expect(ImageSize.read(Self.jpeg(width: 1200, height: 800)) == ImageSize(width: 1200, height: 800))
        #expect(ImageSize.read(Self.jpeg(width: 30, height: 20, frame: 0xC2)) == ImageSize(width: 30, height: 20))
        #expect(ImageSize.read(Self.gif(width: 300, height: 2)) == ImageSize(width: 300, height: 2))
    }

    @Test("the three kinds of WebP give their sizes")
    func webP() {
        let lossy = Self.riff("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A] + Self.le(400, 2) + Self.le(300, 2) + [0, 0])
        #expect(ImageSize.read(lossy) == ImageSize(width: 400, height: 300))
        let bits = UInt32(99) | UInt32(49) << 14
        let lossless = Self.riff("VP8L", [0x2F] + Self.le(bits, 4) + [0, 0, 0, 0, 0])
        #expect(ImageSize.read(lossless) == ImageSize(width: 100, height: 50))
        let extended = Self.riff("VP8X", [0, 0, 0, 0] + Self.le(2047, 3) + Self.le(1023, 3))
        #expect(ImageSize.read(extended) == ImageSize(width: 2048, height: 1024))
    }

    @Test("SVG sizes come from width and height, else the viewBox, after any prolog and comments")
    func svg() {
        let sized = #"<?xml version="1.0"?><!-- a <svg width="1"> in a comment --><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" width="320px" height='200'>"#
        #expect(ImageSize.read(Array(sized.utf8)) == ImageSize(width: 320, height: 200))
        let boxed = "<svg\n viewBox=\"0 0 640,360\" width=\"100%\">"
        #expect(ImageSize.read(Array(boxed.utf8)) == ImageSize(width: 640, height: 360))
        let half = #"<svg viewBox="0 0 200 100" width="50">"#
        #expect(ImageSize.read(Array(half.utf8)) == ImageSize(width: 50, height: 25))
        #expect(ImageSize.read(Array(#"<svg width="10em" height="3em">"#.utf8)) == nil)
        #expect(ImageSize.read(Array(#"<html><svg width="10" height="3">"#.utf8)) == nil)
    }

    @Test("cut short, damaged, zero or absurd headers give no size instead of a wrong one")
    func damaged() {
        let png = Self.png(width: 640, height: 480)
        for count in 0..<24 { #expect(ImageSize.read(Array(png.prefix(count))) == nil) }
        #expect(ImageSize.read(Self.png(width: 0, height: 480)) == nil)
        #expect(ImageSize.read(Self.png(width: 0xFFFF_FFFF, height: 480)) == nil)
        let jpeg = Self.jpeg(width: 1200, height: 800)
        for count in 0..<(jpeg.count - 6) { #expect(ImageSize.read(Array(jpeg.prefix(count))) == nil) }
        // A segment length that points past the end, or below its own size.
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0]) == nil)
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0, 0]) == nil)
        #expect(ImageSize.read(Array(#"<svg width="10" height="3"#.utf8)) == nil)
        #expect(ImageSize.read(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == nil)
    }

    @Test("a file is read by extension, from its first bytes only")
    func file() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salve-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = Self.png(width: 7, height: 9) + [UInt8](repeating: 0, count: ImageSize.headerBytes * 2)
        try Data(big).write(to: folder.appendingPathComponent("a.PNG"))
        try Data(Self.gif(width: 4, height: 4)).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(ImageSize.read(file: folder.appendingPathComponent("a.PNG")) == ImageSize(width: 7, height: 9))
        #expect(ImageSize.read(file: folder.appendingPathComponent("notes.txt")) == nil)
        #expect(ImageSize.read(file: folder.appendingPathComponent("missing.png")) == nil)
        // A JPEG whose frame header comes after 100 KB of metadata (a photo's EXIF and colour profile).
        let jpeg = Self.jpeg(width: 1200, height: 800)
        var padded = Array(jpeg.prefix(2))
        for _ in 0..<2 { padded += [0xFF, 0xE2, 0xFF, 0xFF] + [UInt8](repeating: 7, count: 0xFFFD) }
        padded += jpeg.dropFirst(2)
        try Data(padded).write(to: folder.appendingPathComponent("photo.jpg"))
        #expect(ImageSize.read(file: folder.appendingPathComponent("photo.jpg")) == ImageSize(width: 1200, height: 800))
    }

    @Test("thousands of corrupted headers never trap and never give a size out of range")
    func corrupted() {
        let seeds = [Self.png(width: 640, height: 480), Self.jpeg(width: 1200, height: 800), Self.gif(width: 3, height: 2),
                     Self.riff("VP8X", [0, 0, 0, 0] + Self.le(2047, 3) + Self.le(1023, 3)),
                     Array(#"<svg viewBox="0 0 200 100" width="50">"#.utf8)]
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for seed in seeds {
            for _ in 0..<2000 {
                var bytes = seed
                for _ in 0..<(1 + next() % 4) { bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next()) }
                if next() % 3 == 0 { bytes = Array(bytes.prefix(next() % bytes.count)) }
                if let size = ImageSize.read(bytes) {
                    #expect((1...ImageSize.largest).contains(size.width) && (1...ImageSize.largest).contains(size.height))
                }
            }
        }
    }

    @Test("an image tag keeps any text inside its attributes")
    func imageTagEscapes() {
        let hostile = #"x" onerror="alert(1)" <script>&'"#
        let tag = DocumentWalk.imageTag(src: hostile, alt: hostile, title: hostile, size: ImageSize(width: 1, height: 2))
        #expect(tag.filter { $0 == "\"" }.count == 14)
        #expect(!tag.dropFirst().dropLast().contains { $0 == "<" || $0 == ">" })
        #expect(tag.hasPrefix(#"<img src="x%22%20onerror=%22alert(1)%22%20%3Cscript%3E&amp;%27" alt="x&quot; onerror"#))
    }
}
