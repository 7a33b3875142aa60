// The preview's rebuild: the whole pipeline in memory, then only files whose bytes changed are written (each
// atomically) and files that no longer exist are deleted, so the folder always equals a full build.
import Foundation

/// What one rebuild changed in the output folder.
public struct RebuildReport: Sendable, Equatable {
    /// Output paths written because their bytes changed (or are new), sorted.
    public var written: [String]
    /// Output paths deleted because the build no longer makes them, sorted.
    public var deleted: [String]
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]

    /// Pages (HTML files) among the written ones.
    public var pagesWritten: Int { written.filter { $0.hasSuffix(".html") }.count }
    /// True when only stylesheets changed, so open tabs can swap them without a reload.
    public var onlyStylesheets: Bool { deleted.isEmpty && !written.isEmpty && written.allSatisfy { $0.hasSuffix(".css") } }
}

/// Keeps the bytes last written to the output folder between rebuilds.
/// Correctness over speed: every rebuild runs the whole pipeline (peers' dependency-tracking incremental modes
/// are known to miss changes), reusing only parsed and rendered Markdown of unchanged files (`RenderCache`);
/// templates, listings, feeds and the search index are made anew, and only changed bytes reach the disk.
public struct IncrementalBuild: Sendable {
    public let options: BuildOptions
    private var written: [String: Data] = [:]
    private var cache = RenderCache()
    private let folder: OutputFolder

    /// Starts from an empty output folder: whatever an earlier session left there is removed first.
    public init(_ options: BuildOptions) throws {
        self.options = options
        folder = OutputFolder(root: options.output.standardizedFileURL)
        try folder.reset()
    }

    /// Builds the site and brings the output folder up to date.
    /// - Throws: `BuildFailure` with every diagnostic (the folder keeps the last good site), or an I/O error.
    public mutating func rebuild() throws -> RebuildReport {
        var timings = Timings()
        let model = try Build.makeModel(options, cache: &cache, timings: &timings)
        let output = CollectedOutput()
        try Build.emit(model, threads: options.threads, into: output, timings: &timings)
        let files = output.files
        let warnings = model.warnings
        var next: [String: Data] = [:]
        next.reserveCapacity(files.count)
        var changed: [String] = []
        for file in files {
            guard file.isContained else { throw SiteWriter.WriteError.pathEscapes(file.path) }
            let bytes: Data
            switch file.contents {
            case .text(let text): bytes = Data(text.utf8)
            case .copy(let source): bytes = try Data(contentsOf: source)
            }
            if written[file.path] != bytes { changed.append(file.path) }
            next[file.path] = bytes
        }
        let gone = written.keys.filter { next[$0] == nil }.sorted()
        for path in changed { try folder.replace(path, with: next[path]!) }
        for path in gone { try folder.remove(path) }
        written = next
        return RebuildReport(written: changed.sorted(), deleted: gone, warnings: warnings)
    }
}
