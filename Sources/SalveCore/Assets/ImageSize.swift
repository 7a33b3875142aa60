// An image's width and height read from the first bytes of its file (PNG, JPEG, GIF, WebP, SVG), so pages can
// reserve its space before it loads. Reads only what it is given and trusts no length in the file.
import Foundation

/// Pixel size of an image (for SVG: its width and height attributes, else its viewBox).
public struct ImageSize: Sendable, Equatable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The most of a file `read(file:)` reads: enough for a JPEG's metadata before its frame header.
    public static let headerBytes = 256 * 1024
    /// What it reads first: all a PNG, GIF or WebP needs, and most SVGs (the preview reads every image on
    /// every rebuild, so a folder of photos must not cost a quarter of a megabyte each).
    static let firstBytes = 4096
    /// A size above this is not a real image's; the header is taken as damaged.
    static let largest = 1 << 20

    /// File extensions (lowercase) read for a size.
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    /// The size recorded in `bytes`, the start of an image file; nil when the format is unknown or the header is
    /// damaged, cut short or gives a size of zero.
    public static func read(_ bytes: [UInt8]) -> ImageSize? {
        let found: ImageSize? =
            if starts(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { png(bytes) }
            else if starts(bytes, [0xFF, 0xD8]) { jpeg(bytes) }
            else if starts(bytes, Array("GIF8".utf8)) { gif(bytes) }
            else if starts(bytes, Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) {
                webP(bytes)
            } else { SVGSize.read(bytes) }
        guard let found, (1...largest).contains(found.width), (1...largest).contains(found.height) else { return nil }
        return found
    }

    /// The size of the image file at `url`, from its first `firstBytes`, or at most `headerBytes` when a JPEG's
    /// frame header or an SVG's root tag lies further in; nil when it cannot be read or `read(_:)` finds no size.
    public static func read(file url: URL) -> ImageSize? {
        guard ImageSize.extensions.contains(url.pathExtension.lowercased()),
            let handle = try? FileHandle(forReadingFrom: url)
        else { return nil }
        defer { try? handle.close() }
        guard let start = try? handle.read(upToCount: firstBytes) else { return nil }
        let bytes = Array(start)
        if let size = read(bytes) { return size }
        guard bytes.count == firstBytes, !starts(bytes, [0x89, 0x50, 0x4E, 0x47]), !starts(bytes, Array("GIF8".utf8)),
            !starts(bytes, Array("RIFF".utf8)), let rest = try? handle.read(upToCount: headerBytes - firstBytes)
        else { return nil }
        return read(bytes + Array(rest))
    }

    private static func starts(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    /// PNG: the first chunk must be IHDR, holding width and height as 32-bit big-endian numbers.
    private static func png(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        return ImageSize(width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
    }

    /// GIF: the logical screen's width and height, 16-bit little-endian, after the 6-byte signature.
    private static func gif(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 10 else { return nil }
        return ImageSize(width: Int(bytes[6]) | Int(bytes[7]) << 8, height: Int(bytes[8]) | Int(bytes[9]) << 8)
    }

    /// JPEG: walks the segments to the first start-of-frame marker, which holds height then width.
    private static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            // Fill bytes, and markers without a length (TEM, RST0-7).
            if marker == 0xFF { offset += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            if marker == 0xD9 || marker == 0xDA { return nil }
            let length = bigEndian(bytes, offset + 2, 2)
            guard length >= 2 else { return nil }
            // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 7, offset + 9 <= bytes.count else { return nil }
                return ImageSize(width: bigEndian(bytes, offset + 7, 2), height: bigEndian(bytes, offset + 5, 2))
            }
            offset += 2 + length
        }
        return nil
    }

    /// WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended), each storing the size its own way.
    private static func webP(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            // The key frame's start code, then 14-bit width and height (the top two bits are scaling).
            guard bytes[23] == 0x9D, bytes[24] == 0x01, bytes[25] == 0x2A else { return nil }
            return ImageSize(width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L":
            guard bytes[20] == 0x2F else { return nil }
            let bits = littleEndian(bytes, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: (bits >> 14 & 0x3FFF) + 1)
        case "VP8X":
            return ImageSize(width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        default:
            return nil
        }
    }

    /// Callers check that `offset + count <= bytes.count`; a short read gives 0, which `read` rejects.
    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        guard offset >= 0, offset + count <= bytes.count else { return 0 }
        return bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        guard offset >= 0, offset + count <= bytes.count else { return 0 }
        return bytes[offset..<(offset + count)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
