// `salve build` refuses, changing nothing, to replace an output that is not Salve's: a folder of user files,
// the project's own folders, or a file.
import Foundation
import SalveCore
import Testing

/// Every entry under `folder`, hidden ones and folders included, with the bytes of each file.
func everything(in folder: URL) throws -> [String: Data?] {
    var entries: [String: Data?] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
        var isFolder: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        entries[path] = isFolder.boolValue ? nil : try Data(contentsOf: url)
    }
    return entries
}

@Suite("salve build refuses an output that is not its own")
struct OutputRefusalTests {
    static func project() throws -> TestSite {
        try TestSite([
            "content/articles/a.md": TestSite.page("A"),
            "content/media/leaflet.pdf": "%PDF-1.4",
            "documents/notes.txt": "my notes",
            "documents/photos/one.jpg": "JPEG",
            "documents/.hidden": "hidden",
            "report.txt": "a file, not a folder",
        ])
    }

    /// Every output here lies inside the test's own folder, so even a Salve without these checks could only
    /// damage that folder.
    func expectRefusal(_ output: String, saying reason: String, shown: String? = nil) throws {
        let site = try OutputRefusalTests.project()
        defer { site.remove() }
        let shown = shown ?? output
        let before = try everything(in: site.root)
        let result = try run(salveBinary.path, ["build", "--root", site.root.path, "--output", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to build into \(shown): \(reason)"), "\(result.stderr)")
        #expect(!result.stderr.contains("free some disk space"))
        #expect(try everything(in: site.root) == before, "the project changed")
    }

    @Test("--output pointing at a folder of user files is refused and nothing changes")
    func folderOfUserFiles() throws {
        try expectRefusal("documents", saying: "it holds files Salve did not make (notes.txt, photos) and no .salve-output marker")
    }

    @Test("--output content, templates, the project folder or a folder inside content/ is refused")
    func projectFolders() throws {
        try expectRefusal("content", saying: "it is the project's content/")
        try expectRefusal("templates", saying: "it is the project's templates/")
        try expectRefusal(".", saying: "it is the project folder")
        try expectRefusal("content/media/site", saying: "it is inside the project's content/")
    }

    @Test("an output that holds the project folder is refused")
    func ancestorOfProject() throws {
        let site = try OutputRefusalTests.project()
        defer { site.remove() }
        try site.write("inner/salve.yml", TestSite.config)
        let before = try everything(in: site.root)
        #expect {
            _ = try SiteWriter(output: site.root, project: site.root.appendingPathComponent("inner")).begin()
        } throws: { error in
            "\(error)" == "refusing to build into \(site.root.path): it holds the project folder — build into a folder of its own, such as site"
        }
        #expect(try everything(in: site.root) == before)
    }

    @Test("--output naming a regular file is refused and the file is unchanged")
    func regularFile() throws {
        try expectRefusal("report.txt", saying: "it is a file, not a folder")
    }

    @Test("a site/ that holds only hidden entries and CNAME is built into; a marked one is rebuilt")
    func emptyButKeptIsAccepted() throws {
        let site = try TestSite(["content/articles/a.md": TestSite.page("A")])
        defer { site.remove() }
        try site.write("site/.git", "gitdir: /elsewhere/worktrees/site\n")
        try site.write("site/CNAME", "health.example.org\n")
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
        #expect(try run(salveBinary.path, ["build", "--root", site.root.path]).status == 0)
        #expect(try site.read(".git") == "gitdir: /elsewhere/worktrees/site\n")
    }
}
