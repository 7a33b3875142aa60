// Writes the site into a staging folder beside the output and swaps it in only once everything is written, so a
// failed build never leaves a half-written site, and never replaces a folder or a file that is not Salve's.
//
// The site replaced by a swap is kept beside the output as `.NAME.previous` and becomes the next build's staging
// folder: files whose bytes did not change are left alone, and the rest are written anew and renamed into place.
// Deleting and recreating tens of thousands of files on every build cost more kernel time than rendering them.
import Foundation

public struct SiteWriter: Sendable {
    public let output: URL
    /// The project folder: an output that is, holds or lies inside its content/, templates/ or salve.yml is refused.
    public let project: URL?
    /// Names at the top of the output that survive every build untouched, besides hidden entries and CNAME.
    public let keep: [String]
    /// How long `begin` waits for another build of the same output to finish.
    public let lockWait: Duration
    /// Whether the site gets a `.gz` beside each HTML, CSS, JS, JSON, XML and SVG file.
    public var compress = false
    /// How the output is named in messages; by default its path relative to the project, else the whole path.
    public let shown: String

    public init(output: URL, project: URL? = nil, keep: [String] = [], lockWait: Duration = .seconds(60), shown: String? = nil) {
        self.output = output.standardizedFileURL
        self.project = project?.standardizedFileURL
        self.keep = keep
        self.lockWait = lockWait
        let path = self.output.path
        self.shown = shown ?? self.project.flatMap { root -> String? in
            if path == root.path { return "." }
            return OutputLocation.isInside(path, root.path) ? String(path.dropFirst(root.path.count + 1)) : nil
        } ?? path
    }

    /// Writes `files` and replaces the output folder with them. Throws without touching the old output.
    public func write(_ files: [OutputFile]) throws {
        let site = try begin()
        let failures = files.parallelMap { file -> Error? in
            do { try site.write(file) } catch { return error }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            site.abandon()
            throw failure
        }
        try site.finish()
    }

    /// Checks the output, takes its lock and prepares the staging folder.
    /// - Throws: `WriteError.refused` when the output is not Salve's to replace, `.busy` when another build holds
    ///   the lock past `lockWait`, `.failed` for an I/O error. Nothing in or beside the output is changed then.
    public func begin() throws -> StagedSite {
        let location = OutputLocation(output, shown: shown)
        let kept = KeptEntries(listed: keep)
        if let refusal = try refusal(location, kept) { throw refusal }
        guard mkdirs(location.parent) else { throw failure(location, errno, .creating, location.parent) }
        let lock: BuildLock
        do {
            lock = try BuildLock.acquire(location.sibling("lock"), wait: lockWait)
        } catch let busy as BuildLock.Busy {
            throw WriteError.busy(location.shown, busy.pid)
        } catch let failure as FileSystemFailure {
            throw WriteError.failed(location.shown, failure)
        }
        do {
            // Checked again under the lock: a build that finished while this one waited may have changed the output.
            if let refusal = try refusal(location, kept) { throw refusal }
            let staging = location.sibling("tmp-\(getpid())")
            let previous = location.sibling("previous")
            try removeLeftovers(location, kept, keeping: previous)
            var info = stat()
            var startsEmpty = false
            if rename(previous, staging) != 0 || lstat(staging, &info) != 0 || info.st_mode & S_IFMT != S_IFDIR {
                // No previous site, or something that is not a folder in its place (it is Salve's own name).
                unlink(staging)
                guard mkdir(staging, 0o755) == 0 else { throw failure(location, errno, .creating, staging) }
                startsEmpty = true
            }
            return try StagedSite(location: location, project: project, kept: kept, staging: staging, previous: previous,
                                  lock: lock, compress: compress, startsEmpty: startsEmpty)
        } catch let failure as FileSystemFailure {
            lock.release()
            throw WriteError.failed(location.shown, failure)
        } catch {
            lock.release()
            throw error
        }
    }

    private func refusal(_ location: OutputLocation, _ kept: KeptEntries) throws -> WriteError? {
        do {
            return try location.refusal(project: project, kept: kept)
        } catch {
            throw failure(location, errno, .reading, location.shown)
        }
    }

    /// Staging folders of builds whose process is gone (a live one belongs to a build that does not lock, such as
    /// an older Salve, and is left alone), and the previous site's kept entries, which go back to the output
    /// when it lacks them.
    private func removeLeftovers(_ location: OutputLocation, _ kept: KeptEntries, keeping previous: String) throws {
        let prefix = ".\(location.name).tmp-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid == getpid() || kill(pid, 0) != 0 && errno == ESRCH
            else { continue }
            let folder = (location.parent as NSString).appendingPathComponent(name)
            try rescue(from: folder, location, kept)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try rescue(from: previous, location, kept)
    }

    private func rescue(from folder: String, _ location: OutputLocation, _ kept: KeptEntries) throws {
        do {
            try kept.rescue(from: folder, into: location.folder, shownLeftover: folder, shownOutput: location.shown)
        } catch let failure as FileSystemFailure {
            throw WriteError.failed(location.shown, failure)
        }
    }

    private func failure(_ location: OutputLocation, _ code: Int32, _ action: FileSystemFailure.Action, _ path: String)
        -> WriteError
    {
        .failed(location.shown, FileSystemFailure(code: code, action: action, path: path))
    }

    /// `mkdir -p`.
    private func mkdirs(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR || { errno = ENOTDIR; return false }() }
        guard mkdirs((path as NSString).deletingLastPathComponent) else { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }
}
