// The entries at the top of the output that are the user's (hidden ones, CNAME, salve.yml `keep:`), and how they
// cross from the old site to the new one at the swap without being copied, rewritten or touched.
import Foundation

struct KeptEntries: Sendable {
    /// Names kept besides hidden ones: CNAME (GitHub Pages' custom domain) and salve.yml's `keep:`.
    let listed: Set<String>

    /// Hidden names Salve itself uses in the output (the marker, temporary files): never the user's.
    static let reservedPrefix = ".salve-"
    static let alwaysListed = "CNAME"

    init(listed: [String]) {
        self.listed = Set(listed).union([KeptEntries.alwaysListed])
    }

    func contains(_ name: String) -> Bool {
        (name.hasPrefix(".") && !name.hasPrefix(KeptEntries.reservedPrefix)) || listed.contains(name)
    }

    /// Why `name` is kept, for messages.
    func reason(_ name: String) -> String {
        if name.hasPrefix(".") { return "hidden entries are kept" }
        if name == KeptEntries.alwaysListed { return "CNAME is always kept" }
        return "salve.yml lists it under `keep:`"
    }

    /// The kept entries of `folder`, sorted; none when it does not exist.
    func entries(in folder: String) throws -> [String] {
        try names(in: folder).filter(contains)
    }

    /// Puts the kept entries of `output` into `staging` just before the swap: files (and links) are hard-linked,
    /// so the output holds them at every instant; folders are moved, one rename each. Returns the moved names,
    /// which `moveBack` returns if the swap does not happen.
    func carry(from output: String, into staging: String, shown: String) throws -> [String] {
        var moves: [String] = []
        for name in try entries(in: output) {
            let source = output + "/" + name, target = staging + "/" + name
            if isFolder(source) {
                moves.append(name)
            } else if link(source, target) != 0 {
                // No hard links here (some file systems, or another user's file): move it like a folder.
                guard [EXDEV, EPERM, EMLINK, EOPNOTSUPP].contains(errno) else {
                    throw FileSystemFailure.errno(.writing, shown + "/" + name)
                }
                moves.append(name)
            }
        }
        var moved: [String] = []
        for name in moves {
            guard rename(output + "/" + name, staging + "/" + name) == 0 else {
                let failure = FileSystemFailure.errno(.swapping, shown + "/" + name)
                moveBack(moved, from: staging, to: output)
                throw failure
            }
            moved.append(name)
        }
        return moved
    }

    func moveBack(_ names: [String], from staging: String, to output: String) {
        for name in names { rename(staging + "/" + name, output + "/" + name) }
    }

    /// Empties a folder Salve left behind (a killed build's staging folder, the previous site) of kept entries.
    /// A folder there was moved by a build that stopped before its swap, and a file with no other link is the
    /// only copy: both go back into `output` when it lacks them. Every other file is a hard link to the output's
    /// own (or to an older version of it) and is unlinked. A folder that the output also has is an error: Salve
    /// cannot tell which one the user wants.
    func rescue(from leftover: String, into output: String, shownLeftover: String, shownOutput: String) throws {
        for name in try entries(in: leftover) {
            let source = leftover + "/" + name, target = output + "/" + name
            var info = stat(), existing = stat()
            guard lstat(source, &info) == 0 else { continue }
            let outputHasIt = lstat(target, &existing) == 0
            let folder = info.st_mode & S_IFMT == S_IFDIR
            if !outputHasIt, folder || info.st_nlink == 1 {
                guard mkdir(output, 0o755) == 0 || errno == EEXIST, rename(source, target) == 0 else {
                    throw FileSystemFailure.errno(.writing, shownOutput + "/" + name)
                }
            } else if folder {
                throw SiteWriter.WriteError.refused(
                    shownOutput, "both \(shownOutput)/\(name) and \(shownLeftover)/\(name) exist (a build was stopped while moving it)",
                    "keep the one you want, delete the other, and build again")
            } else if unlink(source) != 0, errno != ENOENT {
                throw FileSystemFailure.errno(.removing, shownLeftover + "/" + name)
            }
        }
    }

    private func names(in folder: String) throws -> [String] {
        guard let directory = opendir(folder) else {
            if errno == ENOENT { return [] }
            throw FileSystemFailure.errno(.reading, folder)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
