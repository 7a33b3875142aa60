// The user's files in the output (a gh-pages worktree's .git, CNAME, .nojekyll, salve.yml `keep:`) survive every
// build untouched, and a symlinked output stays a link.
import Foundation
import SalveCore
import Testing

/// What would show that a file was rewritten or replaced: its inode, modification time and bytes.
struct FileIdentity: Equatable, CustomStringConvertible {
    var inode: UInt64
    var modified: Int
    var modifiedNanoseconds: Int
    var bytes: Data?

    init(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            (inode, modified, modifiedNanoseconds, bytes) = (0, 0, 0, nil)
            return
        }
        inode = UInt64(info.st_ino)
        modified = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
        bytes = info.st_mode & S_IFMT == S_IFREG ? FileManager.default.contents(atPath: path) : nil
    }

    var description: String { "inode \(inode), mtime \(modified).\(modifiedNanoseconds), \(bytes?.count ?? -1) bytes" }
}

/// Sets the modification time of `path` far in the past, so a rewrite would show.
func age(_ path: URL) throws {
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: path.path)
}

@Suite("The output keeps the user's files")
struct KeptEntriesTests {
    @Test("a gh-pages worktree in site/ keeps .git, CNAME, .nojekyll and .well-known untouched over three builds")
    func ghPagesWorktreeSurvives() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("Version 0")])
        defer { site.remove() }
        let userFiles = [
            "site/.git/HEAD": "ref: refs/heads/gh-pages\n", "site/.git/config": "[core]\n\tbare = false\n",
            "site/.git/objects/ab/cdef0123": "blob 4\0abcd", "site/CNAME": "health.example.org\n", "site/.nojekyll": "",
            "site/.well-known/security.txt": "Contact: mailto:security@example.org\n",
        ]
        for (path, contents) in userFiles { try site.write(path, contents) }
        let watched = userFiles.keys.sorted() + ["site/.git", "site/.git/objects", "site/.well-known"]
        for path in watched { try age(site.root.appendingPathComponent(path)) }
        let before = watched.map { FileIdentity(site.root.appendingPathComponent($0).path) }

        for round in 1...3 {
            try site.write("content/articles/a.md", TestSite.page("Version \(round)"))
            try site.build()
            #expect(try site.read("articles/a/index.html").contains("Version \(round)"))
            let after = watched.map { FileIdentity(site.root.appendingPathComponent($0).path) }
            for (path, (old, new)) in zip(watched, zip(before, after)) {
                #expect(old == new, "build \(round): \(path) was \(old), is \(new)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".salve-output").path))
    }

    @Test("names listed under keep: in salve.yml survive every build, and other files of a marked site are Salve's")
    func keepListSurvives() throws {
        let site = try TestSite([
            "salve.yml": TestSite.config + "\nkeep: [downloads, google1234.html]\n",
            "content/articles/a.md": TestSite.page("A"),
        ])
        defer { site.remove() }
        try site.build()
        try site.write("site/downloads/leaflet.pdf", "%PDF-1.4 leaflet")
        try site.write("site/google1234.html", "google-site-verification: google1234.html")
        try site.write("site/stray.html", "not listed, so it is Salve's to replace")
        let kept = ["site/downloads/leaflet.pdf", "site/downloads", "site/google1234.html"]
        let before = kept.map { FileIdentity(site.root.appendingPathComponent($0).path) }
        for round in 1...2 {
            try site.write("content/articles/a.md", TestSite.page("A \(round)"))
            try site.build()
            #expect(kept.map { FileIdentity(site.root.appendingPathComponent($0).path) } == before, "build \(round)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("stray.html").path))
    }

    @Test("a kept name that the site also writes is an error naming both, and site/ is not changed")
    func keptNameCollision() throws {
        let site = try TestSite([
            "salve.yml": TestSite.config + "\nkeep: [assets]\n",
            "content/articles/a.md": TestSite.page("A"),
        ])
        defer { site.remove() }
        try site.write("site/.salve-output", "")
        try site.write("site/assets/mine.css", "body {}")
        let before = try TestSite.snapshot(of: site.output)
        #expect {
            try site.build()
        } throws: { error in
            let text = "\(error)"
            return text.contains("the site writes assets/") && text.contains("(from templates/assets/")
                && text.contains("but assets is kept in the output (salve.yml lists it under `keep:`)")
        }
        #expect(try TestSite.snapshot(of: site.output) == before)
    }

    @Test("a keep: item that is not a top-level name is an error with its line")
    func keepItemMustBeAName() throws {
        let site = try TestSite([
            "salve.yml": TestSite.config + "\nkeep:\n  - CNAME\n  - media/x.pdf\n",
            "content/articles/a.md": TestSite.page("A"),
        ])
        defer { site.remove() }
        let errors = try site.errors()
        #expect(errors == [
            .error("salve.yml", line: 6, "`keep` item \"media/x.pdf\" is not a name at the top of the output folder",
                   fix: "list names such as CNAME or downloads, without `/`"),
        ])
    }

    @Test("a symlinked site/ stays a link, and its target gets the new site")
    func symlinkedOutputStaysALink() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("First")])
        defer { site.remove() }
        let target = site.root.appendingPathComponent("published")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try site.write("published/CNAME", "health.example.org\n")
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: "published")
        let cname = FileIdentity(target.appendingPathComponent("CNAME").path)
        for title in ["First", "Second", "Third"] {
            try site.write("content/articles/a.md", TestSite.page(title))
            try site.build()
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == "published")
            #expect(try String(contentsOf: target.appendingPathComponent("articles/a/index.html"), encoding: .utf8).contains(title))
            #expect(FileIdentity(target.appendingPathComponent("CNAME").path) == cname)
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }.sorted()
        #expect(beside == [".published.previous"])
    }

    @Test("a kept folder that a killed build had moved into its staging folder goes back into site/")
    func killedSwapIsRepaired() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        try site.build()
        // The moment between moving site/.git into the staging folder and the swap, in a build that died there.
        var dead: Int32 = 999_999
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let staging = ".site.tmp-\(dead)"
        try site.write("\(staging)/.git/HEAD", "ref: refs/heads/gh-pages\n")
        let head = FileIdentity(site.root.appendingPathComponent("\(staging)/.git/HEAD").path)
        try site.build()
        #expect(FileIdentity(site.output.appendingPathComponent(".git/HEAD").path) == head)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(staging).path))
    }
}
