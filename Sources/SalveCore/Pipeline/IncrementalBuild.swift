// The preview's rebuild: every step of the pipeline runs, each reusing its results for the items whose inputs are
// unchanged (`BuildMemory`); then only files whose bytes changed are written (each atomically) and files that no
// longer exist are deleted, so the folder always equals a full build.
import Foundation

/// What one rebuild changed in the output folder.
public struct RebuildReport: Sendable, Equatable {
    /// Output paths written because their bytes changed (or are new), sorted.
    public var written: [String]
    /// Output paths deleted because the build no longer makes them, sorted.
    public var deleted: [String]
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// Each step with its time and how many items it computed and reused.
    public var steps: [StepTiming] = []

    /// Pages (HTML files) among the written ones.
    public var pagesWritten: Int { written.filter { $0.hasSuffix(".html") }.count }

    /// Items `step` computed and reused, when it ran.
    public func counts(_ step: String) -> StepCounts? { steps.first { $0.name == step }?.counts }
    /// True when only stylesheets changed, so open tabs can swap them without a reload: the pages written differ
    /// from before only in the content-hashed names of the stylesheets they link.
    public var onlyStylesheets = false
}

/// Keeps what was last written to the output folder between rebuilds: the bytes of generated files (pages,
/// feeds, the index) and, for copied files (theme assets, media, any size), only the source's stamp; and each
/// step's results with the values they were made from. Every step runs on every rebuild, so nothing can be
/// skipped by a hand-written rule that misses a case (peers' incremental modes are known to); a step redoes only
/// the items whose inputs changed, and when its output comes out as before, the steps after it reuse theirs.
public struct IncrementalBuild: Sendable {
    public let options: BuildOptions
    private var written: [String: WrittenFile] = [:]
    /// The last rebuild's files in the order the steps made them: a file is compared with the one at its own
    /// position first, since nearly all keep their place, so fourteen thousand paths are not hashed per rebuild.
    private var order: [(path: String, entry: WrittenFile)] = []
    private var memory: BuildMemory? = BuildMemory()
    private let folder: OutputFolder

    /// What one output path held after the last rebuild.
    private enum WrittenFile: Sendable, Equatable {
        case text([UInt8])
        /// A copy of `source` taken when the source had `stamp`; the copy's bytes are not kept in memory.
        case copy(source: String, stamp: FileStamp)
    }

    /// Starts from an empty output folder: whatever an earlier session left there is removed first.
    public init(_ options: BuildOptions) throws {
        self.options = options
        folder = OutputFolder(root: options.output.standardizedFileURL)
        try folder.reset()
    }

    /// Builds the site and brings the output folder up to date.
    /// - Parameter changed: paths relative to the project root that the watcher saw change; they are read again
    ///   even if their size and times look the same. Other files are read only when their stamp changed.
    ///   - trustingChanged: the watcher's paths are all that changed under content/, so the rest is not stat'ed
    ///     again; `staleContent()` afterwards is the safety net for what a watcher can miss.
    /// - Throws: `BuildFailure` with every diagnostic (the folder keeps the last good site), or an I/O error.
    public mutating func rebuild(changed: [String]? = nil, trustingChanged: Bool = false) throws -> RebuildReport {
        var timings = Timings()
        let content = changed.map { paths in
            Set(paths.filter { $0.hasPrefix("content/") }.map { String($0.dropFirst("content/".count)) })
        }
        // The content folder itself moved or went: only a listing tells what is there now.
        let trusted = trustingChanged && !(changed ?? []).contains("content")
        // A failed build leaves the memory holding results for the inputs it saw, each still true of its key.
        let model = try Build.makeModel(options, memory: &memory, changed: content, trustingChanged: trusted,
                                        timings: &timings)
        let output = CollectedOutput()
        try Build.emit(model, options: options, into: output, memory: &memory, timings: &timings)
        var writing = Timings()
        let report = try writing.step("write", unit: "files", count: { $0.written.count + $0.deleted.count }) {
            try write(output.files, warnings: model.warnings)
        }
        return RebuildReport(written: report.written, deleted: report.deleted, warnings: report.warnings,
                             steps: timings.steps + writing.steps, onlyStylesheets: report.onlyStylesheets)
    }

    /// Paths (`content/…`) whose size, times or presence differ from what the last build read: a stat of every
    /// file, the safety net after a rebuild that took the watcher's word. Empty when nothing was missed.
    public func staleContent() -> [String] {
        guard let content = memory?.content else { return [] }
        return ContentSource.stale(content, in: options.root.appendingPathComponent("content")).map { "content/" + $0 }
    }

    private mutating func write(_ files: [OutputFile], warnings: [Diagnostic]) throws -> RebuildReport {
        // Only what differs is collected: rebuilding the whole table per rebuild cost more than the writes.
        var updates: [(String, WrittenFile)] = []
        var changed: [String] = []
        // Paths that took another path's place, and the paths whose place they took: only among the second can a
        // path of the last rebuild have gone, and only if it is not among the first.
        var moved: Set<String> = []
        var displaced = order.dropFirst(files.count).map(\.path)
        var updated: [Int] = []
        var movedIndices: [Int] = []
        // Everything is read and compared before anything is written, so a missing source leaves the folder alone.
        for index in files.indices {
            let inPlace = index < order.count && order[index].path == files[index].path
            // Nearly every file is the last build's bytes at the last build's place: the same array, so this
            // compares two addresses and makes nothing.
            if inPlace, case .bytes(let bytes) = files[index].contents, case .text(let old) = order[index].entry, old == bytes {
                continue
            }
            let file = files[index]
            if !inPlace {
                movedIndices.append(index)
                moved.insert(file.path)
                if index < order.count { displaced.append(order[index].path) }
            }
            let last = inPlace ? order[index].entry : written[file.path]
            // A path written before was checked then.
            guard last != nil || file.isContained else { throw SiteWriter.WriteError.pathEscapes(file.path) }
            let entry: WrittenFile
            switch file.contents {
            case .text(let text):
                entry = .text(Array(text.utf8))
            case .bytes(let bytes):
                entry = .text(bytes)
            case .copy(let source):
                entry = .copy(source: source.path, stamp: try CopiedFile.stamp(source.path))
                // A new stamp with the same bytes (a touch, a save without edits) is no change.
                if case .copy = last, last != entry,
                   CopiedFile.same(source.path, folder.root.appendingPathComponent(file.path).path)
                {
                    updates.append((file.path, entry))
                    updated.append(index)
                    continue
                }
            }
            // Bytes handed on unchanged from the last build are the same array, compared without reading it.
            if last != entry {
                changed.append(file.path)
                updates.append((file.path, entry))
                updated.append(index)
            }
        }
        let gone = displaced.filter { !moved.contains($0) }.sorted()
        var next = Dictionary(updates, uniquingKeysWith: { _, b in b })
        for path in changed {
            switch next[path]! {
            case .text(let bytes):
                try folder.replace(path, with: Data(bytes))
            case .copy(let source, _):
                // The stamp of what was actually read, in case the source changed since it was compared.
                let stamp = try CopiedFile.copy(source, to: folder.root.appendingPathComponent(path).path)
                next[path] = .copy(source: source, stamp: stamp)
            }
        }
        for path in gone { try folder.remove(path) }
        let stylesheetsOnly = Self.onlyStylesheets(changed: changed, gone: gone, before: written, after: next)
        for (path, entry) in next { written[path] = entry }
        for path in gone { written[path] = nil }
        if files.count == order.count {
            // As many files as before: only the slots of updated files and of paths that took another's place
            // (a search file under its new content-hashed name) change.
            // `written` now holds every file's entry, updated or not.
            for index in Set(updated + movedIndices) { order[index] = (files[index].path, written[files[index].path]!) }
        } else {
            order = files.map { ($0.path, written[$0.path]!) }
        }
        return RebuildReport(written: changed.sorted(), deleted: gone, warnings: warnings, onlyStylesheets: stylesheetsOnly)
    }

    /// Whether a rebuild changed stylesheets and nothing else: pages may change, but only by naming the new
    /// hashed stylesheet where they named the old one (`style.1a2b3c4d.css` -> `style.5e6f7a8b.css`).
    private static func onlyStylesheets(changed: [String], gone: [String], before: [String: WrittenFile],
                                        after: [String: WrittenFile]) -> Bool
    {
        let css = { (path: String) in path.hasSuffix(".css") }
        guard changed.contains(where: css), gone.allSatisfy(css) else { return false }
        // The hashed names only: the plain `style.css` is written beside `style.1a2b3c4d.css`.
        let newNames = Dictionary(changed.filter { css($0) && unhashed($0) != $0 }.map { (unhashed($0), $0) },
                                  uniquingKeysWith: { a, _ in a })
        let renames = gone.compactMap { old in newNames[unhashed(old)].map { (old, $0) } }
        for path in changed where !css(path) {
            guard path.hasSuffix(".html"), case .text(let old)? = before[path], case .text(let new)? = after[path] else {
                return false
            }
            var text = String(decoding: old, as: UTF8.self)
            for (from, to) in renames {
                text = text.replacingOccurrences(of: (from as NSString).lastPathComponent, with: (to as NSString).lastPathComponent)
            }
            guard Array(text.utf8) == new else { return false }
        }
        return true
    }

    /// `assets/style.1a2b3c4d.css` -> `assets/style.css`; a name without a hash is returned as it is.
    private static func unhashed(_ path: String) -> String {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let hash = parts.dropLast().last, hash.count == 8,
            hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return path }
        return (parts.dropLast(2) + [parts.last!]).joined(separator: ".")
    }
}
