// Two builds of one project at once do not break each other, and a failed write says what really went wrong.
import Foundation
import SalveCore
import Synchronization
import Testing

@Suite("Builds at the same time, and write errors that name their cause")
struct ConcurrentBuildTests {
    @Test("two salve build processes started at once both succeed (or the second says another build is running)")
    func twoProcessesAtOnce() throws {
        var files: [String: String] = [:]
        for n in 0..<60 { files["content/articles/page-\(n).md"] = TestSite.page("Page \(n)", body: "Text of page \(n).") }
        let site = try TestSite(files)
        defer { site.remove() }
        for round in 0..<6 {
            try site.write("content/articles/page-0.md", TestSite.page("Page 0, round \(round)"))
            let processes = (0..<2).map { _ in
                let process = Process()
                process.executableURL = salveBinary
                process.arguments = ["build", "--root", site.root.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = Pipe()
                return process
            }
            for process in processes { try process.run() }
            for process in processes {
                let stderr = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0 || stderr.contains("another build of this project is running (pid "),
                        "round \(round): \(stderr)")
                #expect(!stderr.contains("could not write the site"), "round \(round): \(stderr)")
            }
            #expect(try site.read("articles/page-0/index.html").contains("Page 0, round \(round)"))
        }
    }

    @Test("a staged site takes files from many threads at once, shows nothing until finish, then swaps them in whole")
    func stagedSiteFromManyThreads() throws {
        let site = try TestSite()
        defer { site.remove() }
        let staged = try SiteWriter(output: site.output, project: site.root).begin()
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 400) { n in
            do { try staged.write(OutputFile("pages/\(n % 20)/\(n)/index.html", .text("page \(n)"))) } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing is visible before finish")
        #expect(throws: SiteWriter.WriteError.conflictingPaths("pages/3/123/index.html")) {
            try staged.write(OutputFile("pages/3/123/index.html", .text("again")))
        }
        try staged.finish()
        let files = try TestSite.snapshot(of: site.output)
        #expect(files.count == 401, "400 pages and the .salve-output marker")
        #expect(files["pages/3/123/index.html"] == Data("page 123".utf8))
        #expect(throws: SiteWriter.WriteError.closed) { try staged.write(OutputFile("late.html", .text("x"))) }
    }

    @Test("a build that cannot get the lock in time names the pid that holds it; the lock is free again after")
    func busyNamesThePid() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        let first = try SiteWriter(output: site.output).begin()
        #expect {
            _ = try SiteWriter(output: site.output, lockWait: .milliseconds(200)).begin()
        } throws: { error in
            (error as? SiteWriter.WriteError) == .busy(site.output.path, getpid())
                && "\(error)".hasPrefix("another build of this project is running (pid \(getpid()))")
        }
        first.abandon()
        try SiteWriter(output: site.output, lockWait: .zero).begin().abandon()
    }

    @Test("staging folders of builds that are gone are removed, those of running processes are left alone")
    func onlyDeadStagingFoldersAreRemoved() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        var dead: Int32 = 999_999
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        try site.write(".site.tmp-\(dead)/index.html", "left by a killed build")
        try site.write(".site.tmp-1/index.html", "belongs to a running process (pid 1)")
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.tmp-\(dead)").path))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.tmp-1/index.html").path))
    }

    @Test("a name too long for the file system is reported as that, naming the path, not as a full disk")
    func nameTooLong() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        let long = String(repeating: "n", count: 300)
        #expect {
            try SiteWriter(output: site.output, project: site.root).write([OutputFile("conditions/\(long)/index.html", .text("x"))])
        } throws: { error in
            "\(error)" == "could not write the site (File name too long, creating the folder site/conditions/\(long)); site/ was left"
                + " as it was — a name in site/conditions/\(long) is longer than the file system allows (255 bytes); shorten the slug or file name"
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("a media file that cannot be read is named as the source, and nothing is written")
    func unreadableSource() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        try site.build()
        let before = try TestSite.snapshot(of: site.output)
        let missing = site.root.appendingPathComponent("content/media/gone.pdf")
        #expect {
            try SiteWriter(output: site.output, project: site.root).write([OutputFile("media/gone.pdf", .copy(missing))])
        } throws: { error in
            let text = "\(error)"
            return text.contains("(No such file or directory, reading content/media/gone.pdf)") && text.contains("was it deleted during the build?")
        }
        #expect(try TestSite.snapshot(of: site.output) == before)
    }

    @Test("each cause of a failed write gets its own advice", arguments: [
        (ENOSPC, "free some disk space"), (EDQUOT, "free some disk space"), (EACCES, "check the permissions of site/x"),
        (EROFS, "site/x is on a read-only file system"), (ENAMETOOLONG, "shorten the slug or file name"),
        (EMFILE, "ulimit -n"), (EIO, "input/output error"),
    ])
    func adviceFitsTheCause(_ code: Int32, _ advice: String) {
        let failure = FileSystemFailure(code: code, action: .writing, path: "site/x")
        #expect(failure.fix.contains(advice))
        if code != ENOSPC, code != EDQUOT { #expect(!failure.fix.contains("disk space")) }
    }
}
