// Writes the site into a temporary folder beside the output and swaps it in only once everything is written,
// so a failed build never leaves a half-written site.
import Foundation

public struct SiteWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Where a build writes before the swap: beside the output, so the final rename stays on one file system.
    var staging: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tmp-\(getpid())")
    }

    /// Writes `files` and replaces the output folder with them. Throws without touching the old output.
    public func write(_ files: [OutputFile]) throws {
        let fileManager = FileManager.default
        removeLeftovers()
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
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

    private func writeAll(_ files: [OutputFile], into root: URL) throws {
        var folders: Set<String> = []
        for file in files {
            guard file.isContained else { throw WriteError.pathEscapes(file.path) }
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folder.isEmpty, folders.insert(folder).inserted {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let target = root.appendingPathComponent(file.path)
            switch file.contents {
            case .text(let text):
                try writeFile(target.path, text)
            case .copy(let source):
                try FileManager.default.copyItem(at: source, to: target)
            }
        }
    }

    /// Plain POSIX writes: Foundation's `Data.write` syncs every file to disk, which made writing thousands of
    /// pages wait on the disk. The atomic swap, not per-file syncing, is what keeps the published site whole.
    private func writeFile(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
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
            let retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tmp-old")
            try FileManager.default.moveItem(at: output, to: retired)
            do { try FileManager.default.moveItem(at: staging, to: output) } catch {
                try? FileManager.default.moveItem(at: retired, to: output)
                throw error
            }
            try? FileManager.default.removeItem(at: retired)
            return
        }
        guard exchange(AT_FDCWD, staging.path, AT_FDCWD, output.path, renameExchangeFlag) == 0 else {
            throw WriteError.swapFailed(String(cString: strerror(errno)))
        }
        try? FileManager.default.removeItem(at: staging)
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
