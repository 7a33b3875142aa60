// Big files are streamed: a Range request reads only its range, and parallel downloads do not hold the file.
import Foundation
import SalvePreview
import Testing

@Suite("salve serve: big files")
struct StreamingTests {
    @Test("a 1 KB Range of a 512 MB file and two whole downloads leave peak memory far below the file's size")
    func streamsBigFiles() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        let port = preview.port

        // Sparse: no disk blocks and no time to write, yet every read of it costs memory if read whole.
        let size = 512 * 1024 * 1024
        let middle = size / 2
        let path = site.output.appendingPathComponent("media/big.bin").path
        try FileManager.default.createDirectory(atPath: site.output.appendingPathComponent("media").path,
                                                withIntermediateDirectories: true)
        try writeSparse(path, size: size, marks: [(0, "START"), (middle, "MIDDLE"), (size - 3, "END")])
        let before = peakMemory()

        let part = try await fetch(port, "/media/big.bin", headers: ["Range": "bytes=\(middle)-\(middle + 1023)"])
        #expect(part.status == 206)
        #expect(part.headers["content-range"] == "bytes \(middle)-\(middle + 1023)/\(size)")
        #expect(part.body.count == 1024)
        #expect(part.body.starts(with: Array("MIDDLE".utf8)))
        #expect(part.body.dropFirst(6).allSatisfy { $0 == 0 })

        let end = try await fetch(port, "/media/big.bin", headers: ["Range": "bytes=\(size - 3)-"])
        #expect(end.status == 206)
        #expect(end.text == "END")

        async let first = download(port, "/media/big.bin")
        async let second = download(port, "/media/big.bin")
        for (status, received, tail) in try await [first, second] {
            #expect(status == 200)
            #expect(received == size)
            #expect(tail == Array("END".utf8))
        }
        let growth = peakMemory() - before
        #expect(growth < size / 4, "peak memory grew by \(growth / 1_048_576) MB serving a \(size / 1_048_576) MB file")
        await preview.stop()
    }
}

/// A file of `size` bytes that are zero except for `marks`, made with ftruncate so it takes no disk space.
func writeSparse(_ path: String, size: Int, marks: [(Int, String)]) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw LoopbackError(description: "cannot create \(path)") }
    defer { close(descriptor) }
    guard ftruncate(descriptor, off_t(size)) == 0 else { throw LoopbackError(description: "ftruncate failed") }
    for (offset, text) in marks {
        let bytes = Array(text.utf8)
        guard pwrite(descriptor, bytes, bytes.count, off_t(offset)) == bytes.count else {
            throw LoopbackError(description: "pwrite failed")
        }
    }
}

/// The highest resident memory this process has had, in bytes.
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// A whole GET read and dropped in pieces: its status, how many body bytes came, and the last three.
private func download(_ port: Int, _ target: String) async throws -> (Int, Int, [UInt8]) {
    try await offload {
        let connection = try LoopbackConnection(port: port, readTimeout: 60)
        try connection.send("GET", target, headers: ["Connection": "close"])
        let (status, headers) = try connection.head()
        let (received, tail) = try connection.drain(count: Int(headers["content-length"] ?? "0") ?? 0, keeping: 3)
        return (status, received, tail)
    }
}
