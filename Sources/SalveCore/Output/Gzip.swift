// Deterministic gzip files for hosts that serve precompressed files (nginx `gzip_static`): zlib's deflate at level
// 9 inside a header Salve writes itself, with no file name and a modification time of 0, so equal input gives
// equal bytes on every build and machine with the same zlib.
import CZlib
import Foundation

enum Gzip {
    /// Extensions (lowercase) of the files that get a `.gz` beside them.
    static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg"]

    /// Whether the file at `path` (inside the site) gets a `.gz`.
    static func applies(to path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Files above this size get no `.gz` (zlib counts input in 32 bits; no page or stylesheet comes near it).
    static let largest = 1 << 30

    /// ID1 ID2, deflate, no flags (so no name or comment), MTIME 0, XFL 2 (slowest, best), OS 255 (unknown).
    static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x02, 0xFF]

    /// The gzip file of `bytes`.
    static func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var stream = z_stream()
        // Negative window bits: a raw deflate stream, since the header and trailer are written here.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { fatalError("zlib could not start deflate: out of memory") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = header + [UInt8](repeating: 0, count: bound + 8)
        var written = 0
        output.withUnsafeMutableBufferPointer { buffer in
            // zlib reads through a non-const pointer but does not write to the input.
            stream.next_in = UnsafeMutablePointer(mutating: bytes.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(bytes.count)
            stream.next_out = buffer.baseAddress! + header.count
            stream.avail_out = uInt(bound)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "deflateBound was too small")
            written = Int(stream.total_out)
        }
        output.removeLast(output.count - header.count - written)
        output += trailer(of: bytes)
        return output
    }

    /// The last 8 bytes of a gzip file of `bytes`: CRC-32 and length mod 2^32, little-endian.
    static func trailer(of bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let crc = crc32(bytes)
        let size = UInt32(truncatingIfNeeded: bytes.count)
        return (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
    }

    /// Whether the file at `path` is a gzip file in Salve's header with `trailer` at its end: one made from the
    /// same bytes (CRC-32 and length), so it need not be compressed again.
    static func holds(_ path: String, trailer: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size >= 18 else { return false }
        var start = [UInt8](repeating: 0, count: header.count)
        var end = [UInt8](repeating: 0, count: 8)
        let readStart = start.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, header.count, 0) }
        let readEnd = end.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 8, info.st_size - 8) }
        return readStart == header.count && readEnd == 8 && start == header && end == trailer
    }

    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CZlib.crc32(0, nil, 0)
        var offset = 0
        // zlib's length is 32-bit: feed large inputs in pieces.
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 30)
            crc = CZlib.crc32(crc, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(count))
            offset += count
        }
        return UInt32(crc)
    }
}
