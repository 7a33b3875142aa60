// Media of any size pass through the preview's rebuild without being held in memory, and changes still show.
import Foundation
import SalveCore
import Testing

@Suite("big media")
struct BigMediaTests {
    @Test("a 512 MB media file is copied, left alone when untouched or only touched, recopied when its bytes change, with peak memory far below its size")
    func previewCopiesMediaInChunks() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A page")])
        defer { site.remove() }
        let size = 512 * 1_048_576
        let source = site.root.appendingPathComponent("content/media/big.bin").path
        try FileManager.default.createDirectory(atPath: (source as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try writeSparse(source, size: size, marks: [(0, "START"), (size / 2, "MIDDLE"), (size - 3, "END")])
        var options = site.options(baseURL: "http://127.0.0.1:8000/")
        options.output = site.root.appendingPathComponent(".salve/preview")
        let copy = options.output.appendingPathComponent("media/big.bin").path
        var build = try IncrementalBuild(options)
        let before = peakMemory()

        #expect(try build.rebuild().written.contains("media/big.bin"))
        #expect(try bytes(copy, at: size / 2, count: 6) == Array("MIDDLE".utf8))
        #expect(try bytes(copy, at: size - 3, count: 3) == Array("END".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int == size)

        #expect(try build.rebuild().written.isEmpty, "nothing changed")
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, source, &times, 0) == 0)
        #expect(try build.rebuild().written.isEmpty, "a touch changes no byte")

        try writeSparse(source, size: size, marks: [(0, "START"), (size / 2, "MIDDLE"), (size - 3, "FIN")], truncate: false)
        #expect(try build.rebuild().written == ["media/big.bin"])
        #expect(try bytes(copy, at: size - 3, count: 3) == Array("FIN".utf8))

        let growth = peakMemory() - before
        #expect(growth < size / 4, "peak memory grew by \(growth / 1_048_576) MB for a \(size / 1_048_576) MB file")
    }
}

/// A file of `size` bytes that are zero except for `marks`, made with ftruncate so it takes no disk space;
/// with `truncate: false` only the marks are written over the existing file.
func writeSparse(_ path: String, size: Int, marks: [(Int, String)], truncate: Bool = true) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : 0), 0o644)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(size)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    for (offset, text) in marks {
        let bytes = Array(text.utf8)
        guard pwrite(descriptor, bytes, bytes.count, off_t(offset)) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// `count` bytes of the file at `path` from `offset`.
private func bytes(_ path: String, at offset: Int, count: Int) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: count)
    guard pread(descriptor, &buffer, count, off_t(offset)) == count else { throw CocoaError(.fileReadUnknown) }
    return buffer
}

/// The highest resident memory this process has had, in bytes.
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}
