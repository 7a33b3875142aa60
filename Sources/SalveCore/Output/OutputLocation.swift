// Where the site really goes (symbolic links resolved) and whether Salve may replace what is there.
import Foundation

/// The output folder as the file system sees it. A symlinked output is resolved, so the site is built beside the
/// link's target and swapped in there, and the link itself stays a link.
struct OutputLocation: Sendable {
    /// The real path of the output folder (it may not exist yet).
    let folder: String
    /// The output as the user named it, for messages (`site`, `/tmp/preview`).
    let shown: String

    static let marker = ".salve-output"
    static let markerText = """
        This folder is built by Salve (salve build), which replaces it on every build.
        Hidden entries (.git, .nojekyll, .well-known), CNAME and the names listed under `keep:` in salve.yml are kept.

        """

    init(_ output: URL, shown: String) {
        folder = OutputLocation.resolve(output.path)
        self.shown = shown
    }

    var parent: String { (folder as NSString).deletingLastPathComponent }
    var name: String { (folder as NSString).lastPathComponent }

    /// `.NAME.suffix` beside the real output folder, on the same file system, so renames stay atomic.
    func sibling(_ suffix: String) -> String {
        (parent as NSString).appendingPathComponent(".\(name).\(suffix)")
    }

    /// The error that stops a build before it changes anything, or nil when the output may be replaced:
    /// it must be a folder (or nothing yet), apart from the project's own files, and either marked as Salve's
    /// or holding nothing but kept entries.
    func refusal(project: URL?, kept: KeptEntries) throws -> SiteWriter.WriteError? {
        var info = stat()
        let exists = lstat(folder, &info) == 0
        if exists, info.st_mode & S_IFMT != S_IFDIR {
            return .refused(shown, "it is a file, not a folder", "give --output a folder (a new one is fine)")
        }
        if let project {
            let root = OutputLocation.resolve(project.path)
            let parts = [("content/", root + "/content"), ("templates/", root + "/templates"), ("salve.yml", root + "/salve.yml")]
            if folder == root || OutputLocation.isInside(root, folder) {
                return .refused(shown, folder == root ? "it is the project folder" : "it holds the project folder",
                                "build into a folder of its own, such as site")
            }
            for (label, path) in parts where folder == path || OutputLocation.isInside(folder, path) {
                return .refused(shown, folder == path ? "it is the project's \(label)" : "it is inside the project's \(label)",
                                "build into a folder of its own, such as site")
            }
        }
        guard exists, lstat(folder + "/" + OutputLocation.marker, &info) != 0 else { return nil }
        let foreign = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !kept.contains($0) }.sorted()
        guard !foreign.isEmpty else { return nil }
        let listed = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
        return .refused(
            shown, "it holds files Salve did not make (\(listed)) and no \(OutputLocation.marker) marker",
            "choose a new or empty folder; if an earlier Salve built it, mark it with `touch \(shown)/\(OutputLocation.marker)`"
                + " (hidden entries, CNAME and salve.yml's `keep:` names are always kept)")
    }

    /// True when `path` is strictly inside `folder`.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    /// `path` made absolute with every symbolic link resolved, like realpath(3), except that a missing tail is
    /// kept as written (the output may not exist yet).
    static func resolve(_ path: String) -> String {
        var pending = Array(path.split(separator: "/").map(String.init).reversed())
        var resolved: [String] = []
        var hops = 0
        while let part = pending.popLast() {
            if part.isEmpty || part == "." { continue }
            if part == ".." {
                _ = resolved.popLast()
                continue
            }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            var info = stat()
            guard hops < 40, lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)
            else {
                resolved.append(part)
                continue
            }
            hops += 1
            if target.hasPrefix("/") { resolved = [] }
            pending += target.split(separator: "/").map(String.init).reversed()
        }
        return "/" + resolved.joined(separator: "/")
    }
}
