// Writes the site into a temporary folder beside the output and swaps it in only once everything is written,
// so a failed build never leaves a half-written site.
//
// The site replaced by a swap is kept beside the output as `.NAME.previous` and becomes the next build's
// staging folder: files whose bytes did not change are left alone and the rest are overwritten in place.
// Deleting and recreating tens of thousands of files on every build cost more kernel time than rendering them.
import Foundation

public struct SiteWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Where a build writes before the swap: beside the output, so the final rename stays on one file system.
    var staging: URL { sibling("tmp-\(getpid())") }

    /// The site the last swap replaced, reused as the next staging folder.
    var previous: URL { sibling("previous") }

    private func sibling(_ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    /// Writes `files` and replaces the output folder with them. Throws without touching the old output.
    public func write(_ files: [OutputFile]) throws {
        let fileManager = FileManager.default
        removeLeftovers()
        do {
            if rename(previous.path, staging.path) != 0 {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            try writeAll(files, into: staging)
            try swapIn()
        } catch {
            try? fileManager.removeItem(at: staging)
            throw WriteError.failed(output.lastPathComponent, reason(error))
        }
    }

    private func reason(_ error: Error) -> String {
        if let error = error as? WriteError { return error.description }
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }

    /// Staging folders of builds that were killed before they finished.
    private func removeLeftovers() {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Makes `root` hold exactly `files`: what is not part of the new site goes, folders are made parents first,
    /// then the files are written on every core, skipping those whose bytes are already right.
    private func writeAll(_ files: [OutputFile], into root: URL) throws {
        if let escaping = files.first(where: { !$0.isContained }) { throw WriteError.pathEscapes(escaping.path) }
        var folders: Set<String> = []
        for file in files {
            var folder = (file.path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        try removeEntries(under: root, "", keepingFolders: folders, files: Set(files.map(\.path)))
        for folder in folders.sorted() {
            guard mkdir(root.appendingPathComponent(folder).path, 0o755) == 0 || errno == EEXIST else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        let failures = files.parallelMap { file -> Error? in
            let target = root.appendingPathComponent(file.path).path
            do {
                switch file.contents {
                case .text(let text):
                    var text = text
                    try text.withUTF8 { try writeUnlessSame(target, UnsafeRawBufferPointer($0)) }
                case .copy(let source):
                    try Data(contentsOf: source).withUnsafeBytes { try writeUnlessSame(target, $0) }
                }
                return nil
            } catch { return error }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Removes every entry below `folder` that the new site has no place for: anything that is neither one of
    /// its folders nor one of its files (symbolic links and other oddities included).
    private func removeEntries(under root: URL, _ folder: String, keepingFolders folders: Set<String>, files: Set<String>)
        throws
    {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
        for name in names {
            let path = folder.isEmpty ? name : folder + "/" + name
            let url = root.appendingPathComponent(path)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR where folders.contains(path):
                try removeEntries(under: root, path, keepingFolders: folders, files: files)
            case S_IFREG where files.contains(path):
                continue
            default:
                try FileManager.default.removeItem(at: url)
            }
        }
    }

    /// A file that already holds these bytes is not written again, so its modification time stays.
    private func writeUnlessSame(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        if !PlainFile.holds(path, bytes) { try PlainFile.write(path, bytes) }
    }

    /// Exchanges the staging folder and the output in one atomic step (Linux `renameat2` with
    /// RENAME_EXCHANGE), so at every instant the output is either the whole old site or the whole new one.
    private func swapIn() throws {
        guard FileManager.default.fileExists(atPath: output.path) else {
            try FileManager.default.moveItem(at: staging, to: output)
            return
        }
        guard let exchange = renameExchange else {
            // No atomic exchange on this system: two renames, with the old site restored if the second fails.
            try FileManager.default.moveItem(at: output, to: previous)
            do { try FileManager.default.moveItem(at: staging, to: output) } catch {
                try? FileManager.default.moveItem(at: previous, to: output)
                throw error
            }
            return
        }
        guard exchange(AT_FDCWD, staging.path, AT_FDCWD, output.path, renameExchangeFlag) == 0 else {
            throw WriteError.swapFailed(String(cString: strerror(errno)))
        }
        if rename(staging.path, previous.path) != 0 { try? FileManager.default.removeItem(at: staging) }
    }

    public enum WriteError: Error, CustomStringConvertible {
        case pathEscapes(String)
        case swapFailed(String)
        case failed(String, String)

        public var description: String {
            switch self {
            case .failed(let output, let reason):
                "could not write the site (\(reason)); \(output)/ was left as it was — free some disk space or check permissions"
            case .pathEscapes(let path): "refusing to write \(path): it would leave the output folder"
            case .swapFailed(let reason): "could not swap the new site in: \(reason)"
            }
        }
    }
}

/// glibc's `renameat2`, looked up at run time: Swift's Glibc module does not declare it.
private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
private let renameExchange: RenameAt2? = {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: RenameAt2.self)
}()
private let renameExchangeFlag: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>
