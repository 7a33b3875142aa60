// A new site being written beside the output: files arrive from any thread, then one atomic swap puts it in place.
import Foundation
import Synchronization

/// Made by `SiteWriter.begin()`, which holds the output's lock until `finish()` or `abandon()`.
///
/// The staging folder is the site the last swap replaced, so most files already hold the right bytes and are left
/// alone. A file that changed is written to a new file and renamed into place: an existing file is never written
/// through, so a hard-linked snapshot of an old site (`cp -al site snapshot`) never changes.
public final class StagedSite: Sendable {
    private let location: OutputLocation
    /// The project folder, so sources are named as `templates/assets/x.css` in messages.
    private let project: String?
    private let kept: KeptEntries
    /// Kept names of the output, and the names salve.yml keeps: the site may not write at these.
    private let forbidden: Set<String>
    private let staging: String
    private let previous: String
    private let lock: BuildLock
    /// Whether HTML, CSS, JS, JSON, XML and SVG files get a `.gz` beside them (`salve build --compress`).
    private let compress: Bool
    /// The staging folder was made empty (no previous site): every file is new, so each is created in place,
    /// with no comparison with old bytes and no temporary file to rename.
    private let startsEmpty: Bool
    private let state = Mutex(State())
    private let counter = Atomic<Int>(0)
    private let compressions = Atomic<Int>(0)

    /// How many `.gz` files were compressed anew; the others already held the same file's gzip.
    public var compressed: Int { compressions.load(ordering: .relaxed) }

    private struct State {
        var files: Set<String> = []
        var folders: Set<String> = [""]
        var open = true
    }

    init(location: OutputLocation, project: URL?, kept: KeptEntries, staging: String, previous: String, lock: BuildLock,
         compress: Bool = false, startsEmpty: Bool = false) throws
    {
        self.location = location
        self.compress = compress
        self.startsEmpty = startsEmpty
        self.project = project?.path
        self.kept = kept
        self.staging = staging
        self.previous = previous
        self.lock = lock
        forbidden = kept.listed.union(try kept.entries(in: location.folder))
    }

    /// A staged site dropped without `finish()` or `abandon()` (a caller that threw in between) gives up its lock.
    deinit {
        abandon()
    }

    /// Writes one file of the new site, unless the staging folder already holds these bytes. Safe to call from
    /// many threads at once.
    public func write(_ file: OutputFile) throws {
        guard file.isContained else { throw SiteWriter.WriteError.pathEscapes(file.path) }
        let top = String(file.path.prefix { $0 != "/" })
        let source: String? = if case .copy(let url) = file.contents { display(url) } else { nil }
        if forbidden.contains(top) || top.hasPrefix(KeptEntries.reservedPrefix) {
            throw SiteWriter.WriteError.keptNameWritten(top, kept.reason(top), file.path, source)
        }
        try place(file.path, file.contents)
        if compress, Gzip.applies(to: file.path) { try placeGzip(of: file.path, file.contents) }
    }

    /// Writes `path.gz` unless the staging folder already holds the gzip of these bytes (its CRC-32 and length).
    private func placeGzip(of path: String, _ contents: OutputFile.Contents) throws {
        let gzipPath = path + ".gz"
        try state.withLock { state in
            guard state.open else { throw SiteWriter.WriteError.closed }
            guard !state.folders.contains(gzipPath), state.files.insert(gzipPath).inserted else {
                throw SiteWriter.WriteError.conflictingPaths(gzipPath)
            }
        }
        let target = staging + "/" + gzipPath
        func place(_ raw: UnsafeRawBufferPointer) throws {
            guard raw.count <= Gzip.largest, startsEmpty || !Gzip.holds(target, trailer: Gzip.trailer(of: raw)) else { return }
            let gzip = Gzip.compress(raw)
            compressions.add(1, ordering: .relaxed)
            try gzip.withUnsafeBytes { bytes in
                try replace(target, shownAs: gzipPath) { temporary throws(Errno) in try PlainFile.create(temporary, bytes) }
            }
        }
        switch contents {
        case .text(var text): try text.withUTF8 { try place(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes): try bytes.withUnsafeBytes { try place($0) }
        case .copy:
            // The copy just placed holds the source's bytes; reading it back names the output in any error.
            guard let data = FileManager.default.contents(atPath: staging + "/" + path) else {
                throw failed(errno, .reading, path)
            }
            try data.withUnsafeBytes { try place($0) }
        }
    }

    private func place(_ path: String, _ contents: OutputFile.Contents) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try state.withLock { state in
            guard state.open else { throw SiteWriter.WriteError.closed }
            guard !state.folders.contains(path), state.files.insert(path).inserted else {
                throw SiteWriter.WriteError.conflictingPaths(path)
            }
            try makeFolder(folder, &state)
        }
        let target = staging + "/" + path
        switch contents {
        case .text(var text):
            try text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                if !startsEmpty, PlainFile.holds(target, raw) { return }
                try replace(target, shownAs: path) { temporary throws(Errno) in try PlainFile.create(temporary, raw) }
            }
        case .bytes(let bytes):
            try bytes.withUnsafeBytes { raw in
                if !startsEmpty, PlainFile.holds(target, raw) { return }
                try replace(target, shownAs: path) { temporary throws(Errno) in try PlainFile.create(temporary, raw) }
            }
        case .copy(let url):
            if !startsEmpty, PlainFile.holds(target, sameAs: url.path) { return }
            try replace(target, shownAs: path) { temporary in
                do throws(PlainFile.CopyFailure) {
                    try PlainFile.create(temporary, copying: url.path)
                } catch {
                    switch error {
                    case .reading(let failure): throw SourceUnreadable(code: failure.code, source: url)
                    case .writing(let failure): throw failure
                    }
                }
            }
        }
    }

    /// Thrown through `replace` so the error names the source file rather than the output.
    private struct SourceUnreadable: Error {
        var code: Int32
        var source: URL
    }

    /// Writes a temporary file beside `target`, then renames it over whatever `target` was.
    /// In a staging folder that started empty, `make` creates `target` itself (it cannot exist yet).
    private func replace(_ target: String, shownAs path: String, _ make: (String) throws -> Void) throws {
        let temporary = startsEmpty ? target : (target as NSString).deletingLastPathComponent + "/"
            + KeptEntries.reservedPrefix + "tmp-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        do {
            try make(temporary)
        } catch let failure as Errno {
            unlink(temporary)
            throw failed(failure.code, .writing, path)
        } catch let failure as SourceUnreadable {
            unlink(temporary)
            throw SiteWriter.WriteError.failed(location.shown, FileSystemFailure(code: failure.code, action: .reading,
                                                                                 path: display(failure.source)))
        }
        guard temporary != target else { return }
        if rename(temporary, target) != 0 {
            // A folder of the old site where the new one has a file: it goes, then the rename is tried again.
            if errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST, (try? FileManager.default.removeItem(atPath: target)) != nil,
                rename(temporary, target) == 0
            {
                return
            }
            let failure = failed(errno, .writing, path)
            unlink(temporary)
            throw failure
        }
    }

    /// Makes `folder` and its parents in the staging folder, replacing files of the old site in their way.
    private func makeFolder(_ folder: String, _ state: inout State) throws {
        guard !state.folders.contains(folder) else { return }
        guard !state.files.contains(folder) else { throw SiteWriter.WriteError.conflictingPaths(folder) }
        try makeFolder((folder as NSString).deletingLastPathComponent, &state)
        let path = staging + "/" + folder
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR, unlink(path) != 0 {
            throw failed(errno, .removing, folder)
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failed(errno, .creating, folder) }
        state.folders.insert(folder)
    }

    /// Removes what the new site does not have, writes the marker, carries the kept entries across and swaps the
    /// new site in, in one atomic step. The lock is released whatever happens; on failure the old output is
    /// left as it was and the staging folder is removed.
    public func finish() throws {
        let written: State
        do {
            try place(OutputLocation.marker, .text(OutputLocation.markerText))
            written = try state.withLock { state in
                guard state.open else { throw SiteWriter.WriteError.closed }
                state.open = false
                return state
            }
        } catch {
            abandon()
            throw error
        }
        do {
            // A staging folder made empty holds only what this build wrote: there is nothing of an old site to remove.
            if !startsEmpty { try prune("", files: written.files, folders: written.folders) }
            try swap()
        } catch let failure as FileSystemFailure {
            cleanUp()
            lock.release()
            throw SiteWriter.WriteError.failed(location.shown, failure)
        } catch {
            cleanUp()
            lock.release()
            throw error
        }
        lock.release()
    }

    /// Gives up: removes the staging folder (after putting back any kept entry in it) and releases the lock.
    public func abandon() {
        let wasOpen = state.withLock { state in
            defer { state.open = false }
            return state.open
        }
        guard wasOpen else { return }
        cleanUp()
        lock.release()
    }

    private func cleanUp() {
        try? kept.rescue(from: staging, into: location.folder, shownLeftover: staging, shownOutput: location.shown)
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes every entry below `folder` that is neither one of the new site's folders nor one of its files.
    /// readdir's entry types spare a stat of each of the site's files (about 14,000 at 10,000 pages).
    private func prune(_ folder: String, files: Set<String>, folders: Set<String>) throws {
        let absolute = folder.isEmpty ? staging : staging + "/" + folder
        guard let handle = opendir(absolute) else { throw failed(errno, .reading, folder) }
        var entries: [(path: String, type: Int32)] = []
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            var type = Int32(item.pointee.d_type)
            if type == DT_UNKNOWN {
                var info = stat()
                guard fstatat(dirfd(handle), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let mode = info.st_mode & S_IFMT
                type = mode == S_IFDIR ? Int32(DT_DIR) : mode == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            entries.append((folder.isEmpty ? name : folder + "/" + name, type))
        }
        closedir(handle)
        for (path, type) in entries {
            switch type {
            case Int32(DT_DIR) where folders.contains(path): try prune(path, files: files, folders: folders)
            case Int32(DT_REG) where files.contains(path): continue
            default:
                do { try FileManager.default.removeItem(atPath: staging + "/" + path) } catch {
                    throw failed(errno, .removing, path)
                }
            }
        }
    }

    /// Exchanges the staging folder and the output (Linux `renameat2` with RENAME_EXCHANGE), so at every instant
    /// the output is the whole old site or the whole new one. The kept files are hard-linked into the new site
    /// first, so they never leave the output; kept folders are moved in the instant before the exchange.
    private func swap() throws {
        let output = location.folder
        var info = stat()
        guard lstat(output, &info) == 0 else {
            guard rename(staging, output) == 0 else { throw failed(errno, .swapping, "") }
            return
        }
        let moved = try kept.carry(from: output, into: staging, shown: location.shown)
        guard let exchange = LinuxCalls.renameAt2 else {
            // No atomic exchange on this system: two renames, with the old site restored if the second fails.
            guard rename(output, previous) == 0 else {
                let failure = failed(errno, .swapping, "")
                kept.moveBack(moved, from: staging, to: output)
                throw failure
            }
            guard rename(staging, output) == 0 else {
                let failure = failed(errno, .swapping, "")
                rename(previous, output)
                kept.moveBack(moved, from: staging, to: output)
                throw failure
            }
            return
        }
        guard exchange(AT_FDCWD, staging, AT_FDCWD, output, LinuxCalls.renameExchange) == 0 else {
            let failure = failed(errno, .swapping, "")
            kept.moveBack(moved, from: staging, to: output)
            throw failure
        }
        // The old site is now at the staging path; it becomes the next build's staging folder.
        if rename(staging, previous) != 0 { try? FileManager.default.removeItem(atPath: staging) }
    }

    private func failed(_ code: Int32, _ action: FileSystemFailure.Action, _ path: String) -> SiteWriter.WriteError {
        .failed(location.shown, FileSystemFailure(code: code, action: action, path: path.isEmpty ? location.shown : location.shown + "/" + path))
    }

    /// A source path as the user knows it: relative to the project when inside it.
    private func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        guard let project, OutputLocation.isInside(path, project) else { return path }
        return String(path.dropFirst(project.count + 1))
    }
}
