// Media are copied and compared in chunks: a build's memory does not grow with the size of the files it copies.
import Foundation
import SalveCore
import Testing

@Suite("Large media")
struct LargeMediaTests {
    /// Runs `salve build` under /usr/bin/time and returns its exit status and peak resident memory in KB.
    func build(_ site: TestSite) throws -> (Int32, Int) {
        let result = try run("/usr/bin/time", ["-f", "max-rss-kb=%M", salveBinary.path, "build", "--root", site.root.path])
        let line = result.stderr.split(separator: "\n").last { $0.hasPrefix("max-rss-kb=") } ?? ""
        return (result.status, Int(line.dropFirst("max-rss-kb=".count)) ?? -1)
    }

    @Test("a 300 MB media file is copied, compared with the old copy and recopied when it changes, in little memory")
    func bigMediaFileUsesLittleMemory() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        let size: UInt64 = 300 << 20
        let media = site.root.appendingPathComponent("content/media/scan.bin")
        try site.write("content/media/scan.bin", "start")
        // Sparse: the file takes no disk space, but a reader gets 300 MB of bytes.
        let handle = try FileHandle(forWritingTo: media)
        try handle.truncate(atOffset: size)
        try handle.close()
        let copy = site.output.appendingPathComponent("media/scan.bin")
        for (round, lastByte) in [(1, UInt8(0)), (2, 0), (3, 0), (4, 7)] {
            if lastByte != 0 {
                let handle = try FileHandle(forWritingTo: media)
                try handle.seek(toOffset: size - 1)
                try handle.write(contentsOf: [lastByte])
                try handle.close()
            }
            let (status, kilobytes) = try build(site)
            #expect(status == 0)
            #expect(kilobytes > 0 && kilobytes < 150_000, "build \(round) peaked at \(kilobytes) KB")
            let attributes = try FileManager.default.attributesOfItem(atPath: copy.path)
            #expect((attributes[.size] as? NSNumber)?.uint64Value == size)
            let read = try FileHandle(forReadingFrom: copy)
            #expect(try read.read(upToCount: 5) == Data("start".utf8))
            try read.seek(toOffset: size - 1)
            #expect(try read.read(upToCount: 1) == Data([lastByte]), "build \(round)")
            try read.close()
        }
    }
}
