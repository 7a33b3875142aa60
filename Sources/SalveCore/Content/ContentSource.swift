// Finds the files under content/: Markdown pages by kind, and media to copy as they are.
import Foundation

/// What content/ holds, read from disk.
struct ContentSource: Sendable {
    struct File: Sendable {
        var kind: ContentKind
        /// Path under content/ (`articles/ldn.md`).
        var contentPath: String
        var text: String
        /// The file's stamp when it was read, so the next build (the preview's) can skip it while it is the same.
        var stamp: FileStamp? = nil
    }

    var files: [File] = []
    /// Paths under content/ of everything in media/.
    var media: [String] = []
    /// Every `.md` path, readable or not, so links to a broken file are not reported as missing.
    var markdownPaths: Set<String> = []
    /// The same paths in path order: when they are the last build's, its set is taken as it is.
    private var markdownList: [String] = []
    /// Everything under the folder as last listed, so the next build can take the watcher's word for what changed.
    var entries: [FolderScan.Entry] = []
    var diagnostics: [Diagnostic] = []
    /// Pages read from disk; the rest were taken from the last build's `files` because their stamp was the same.
    var filesRead = 0
    /// The indices in `files` of the pages read from disk, when every other page is the last build's file at its
    /// own index; nil when pages came, went or could not be read.
    var reread: [Int]?
    /// A page read again whose text is the same as before up to Unicode normalisation (NFC and NFD of one text):
    /// String's `==` cannot tell such values apart, so the preview starts afresh rather than trust its keys.
    var normalisationOnlyChange = false

    static let mediaFolder = "media"
    /// A patient-education page is kilobytes; a bigger file is a mistake (a pasted export, a binary) and would
    /// cost seconds and gigabytes to render.
    static let maxFileSize = 5 * 1_048_576

    /// Reads every file under `folder`; `displayFolder` is its name in diagnostics (`content`).
    /// - Parameters:
    ///   - last: the previous build's content: a page whose stamp (inode, size, modification and change times)
    ///     is the same is taken from it without reading, unless `changed` names it.
    ///   - changed: paths under `folder` the watcher saw change; nil when not known.
    ///   - trustingChanged: only the `changed` paths are stat'ed again, the rest of the last listing is taken as
    ///     it is (`stale` is the check that this missed nothing).
    static func load(from folder: URL, displayFolder: String, last: ContentSource? = nil, changed: Set<String>? = nil,
                     trustingChanged: Bool = false) -> ContentSource
    {
        var source = ContentSource()
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: folder.path) else {
            source.diagnostics.append(
                .error(displayFolder, "the content folder does not exist", fix: "create \(displayFolder)/articles/ and add a page"))
            return source
        }
        let boundary = FolderBoundary(folder)
        var pages: [(kind: ContentKind, path: String, stamp: FileStamp)] = []
        let patched = trustingChanged ? changed.flatMap { paths in
            last.flatMap { FolderScan.patch($0.entries, in: folder.path, changed: paths) }
        } : nil
        if let last, let patched, let changed,
            let quick = last.rereading(changed, entries: patched, in: folder, displayFolder: displayFolder)
        {
            return quick
        }
        source.entries = patched ?? FolderScan.entries(of: folder.path)
        pages.reserveCapacity(source.entries.count)
        source.markdownList.reserveCapacity(source.entries.count)
        for entry in source.entries {
            let path = entry.path
            // A symlink may not bring in files from elsewhere on the machine.
            guard !entry.isLink || boundary.contains(folder.appendingPathComponent(path)) else {
                source.diagnostics.append(
                    .error("\(displayFolder)/\(path)", "this is a link to a file outside the content folder",
                           fix: "copy the file into \(displayFolder)/ instead of linking to it"))
                continue
            }
            guard let info = entry.info else {
                if path.hasSuffix(".md") {
                    source.diagnostics.append(
                        .error("\(displayFolder)/\(path)", "the file cannot be read (it is a link to nothing)",
                               fix: "remove the link or point it at a file in \(displayFolder)/"))
                }
                continue
            }
            guard info.st_mode & S_IFMT != S_IFDIR else { continue }
            // The top folder: the page's kind, or media.
            let slash = path.utf8.firstIndex(of: UInt8(ascii: "/"))
            let top = slash.map { path[..<$0] } ?? Substring(path)
            if top == mediaFolder {
                source.media.append(path)
                continue
            }
            guard path.hasSuffix(".md") else { continue }
            source.markdownList.append(path)
            guard slash != nil, let kind = ContentKind(folder: String(top)) else {
                source.diagnostics.append(
                    .error("\(displayFolder)/\(path)", "this page is not in articles/, faqs/ or comparisons/",
                           fix: "move it into the folder of its kind"))
                continue
            }
            let size = Int(info.st_size)
            guard size <= maxFileSize else {
                let megabytes = String(Double(size * 10 / 1_048_576) / 10)
                source.diagnostics.append(
                    .error("\(displayFolder)/\(path)", "the file is \(megabytes) MB; pages can be at most \(maxFileSize / 1_048_576) MB",
                           fix: "split it into several pages"))
                continue
            }
            pages.append((kind, path, FileStamp(info)))
        }
        source.markdownPaths = last.flatMap { $0.markdownList == source.markdownList ? $0.markdownPaths : nil }
            ?? Set(source.markdownList)
        // Each page's last reading (its position in the last list: a file is copied once, into the new list) and
        // whether it holds (same kind and stamp). Both lists are in path order, so they are walked side by side.
        var before: [Int?] = []
        var holds: [Bool] = []
        before.reserveCapacity(pages.count)
        holds.reserveCapacity(pages.count)
        let lastFiles = last?.files ?? []
        var next = 0
        for page in pages {
            while next < lastFiles.count, lastFiles[next].contentPath < page.path { next += 1 }
            let found = next < lastFiles.count && lastFiles[next].contentPath == page.path
            before.append(found ? next : nil)
            holds.append(found && lastFiles[next].kind == page.kind && lastFiles[next].stamp == page.stamp)
        }
        for path in changed ?? [] {
            let index = pages.partitionPoint { $0.path < path }
            if index < pages.count, pages[index].path == path { holds[index] = false }
        }
        // Reading and decoding are independent per file: on all cores, results kept in path order.
        let toRead = pages.indices.filter { !holds[$0] }
        let folderPath = folder.path
        var read = toRead.map { pages[$0] }.parallelMap { page in
            readPage(page.path, kind: page.kind, stamp: page.stamp, in: folderPath, displayFolder: displayFolder)
        }.makeIterator()
        source.filesRead = toRead.count
        source.files.reserveCapacity(pages.count)
        for index in pages.indices {
            guard !holds[index] else {
                source.files.append(lastFiles[before[index]!])
                continue
            }
            switch read.next()! {
            case .success(let file):
                if let old = before[index].map({ lastFiles[$0] }), old.text == file.text, !identical(old.text, file.text) {
                    source.normalisationOnlyChange = true
                }
                source.files.append(file)
            case .failure(let diagnostic): source.diagnostics.append(diagnostic)
            }
        }
        let inPlace = last != nil && source.files.count == pages.count && pages.count == lastFiles.count
            && before.indices.allSatisfy { before[$0] == $0 }
        source.reread = inPlace ? toRead : nil
        return source
    }

    /// This content with the `changed` pages read again, when those are all it takes: each is a page this content
    /// read without a problem, still a plain file, no bigger than a page may be, and read again without one; and
    /// no entry came or went. Then the ten thousand other pages are not looked at one by one. nil otherwise.
    private func rereading(_ changed: Set<String>, entries patched: [FolderScan.Entry], in folder: URL,
                           displayFolder: String) -> ContentSource?
    {
        guard patched.count == entries.count else { return nil }
        var source = self
        source.entries = patched
        source.normalisationOnlyChange = false
        var indices: [Int] = []
        for path in changed.sorted() {
            let index = files.partitionPoint { $0.contentPath < path }
            let at = patched.partitionPoint { $0.path < path }
            guard index < files.count, files[index].contentPath == path, at < patched.count, patched[at].path == path,
                !patched[at].isLink, let info = patched[at].info, info.st_mode & S_IFMT == S_IFREG,
                Int(info.st_size) <= Self.maxFileSize,
                !diagnostics.contains(where: { $0.path == "\(displayFolder)/\(path)" }),
                case .success(let file) = Self.readPage(path, kind: files[index].kind, stamp: FileStamp(info), in: folder.path,
                                                        displayFolder: displayFolder)
            else { return nil }
            if files[index].text == file.text, !identical(files[index].text, file.text) { source.normalisationOnlyChange = true }
            source.files[index] = file
            indices.append(index)
        }
        source.filesRead = indices.count
        source.reread = indices
        return source
    }

    /// Paths under `folder` whose entry differs from the last listing's: what a build that trusted the watcher
    /// would have missed. A full listing and a stat of every file, so it runs after the rebuild is served.
    static func stale(_ last: ContentSource, in folder: URL) -> [String] {
        FolderScan.differences(last.entries, FolderScan.entries(of: folder.path))
    }

    private static func readPage(_ path: String, kind: ContentKind, stamp: FileStamp, in folderPath: String,
                                 displayFolder: String)
        -> Result<File, Diagnostic>
    {
        let displayPath = "\(displayFolder)/\(path)"
        // Joined as text: URL's own joining was a fifth of reading a page.
        guard let data = FileManager.default.contents(atPath: folderPath + "/" + path) else {
            return .failure(.error(displayPath, "the file cannot be read", fix: "check its permissions"))
        }
        switch decodeUTF8(data) {
        case .success(let text):
            return .success(File(kind: kind, contentPath: path, text: text, stamp: stamp))
        case .failure(let line):
            return .failure(.error(displayPath, line: line.value, "the file is not valid UTF-8 text",
                                   fix: "save the file as UTF-8 in your editor"))
        }
    }

    /// Decodes UTF-8, dropping a byte order mark and turning CRLF into LF; on failure, the line of the bad byte.
    static func decodeUTF8(_ data: Data) -> Result<String, LineNumber> {
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Validated in place, without a copy of the bytes first.
        let valid = data.withUnsafeBytes { raw in
            String(validating: UnsafeRawBufferPointer(rebasing: raw[bom...]).bindMemory(to: UInt8.self), as: UTF8.self)
        }
        guard var text = valid else {
            let bytes = [UInt8](data.dropFirst(bom))
            var line = 1
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            loop: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): if scalar.count == 1 && scalar.first == 10 { line += 1 }
                case .error: break loop
                case .emptyInput: break loop
                }
            }
            return .failure(LineNumber(line))
        }
        text = text.replacingCRLF()
        return .success(text)
    }

    struct LineNumber: Error {
        var value: Int
        init(_ value: Int) { self.value = value }
    }
}
