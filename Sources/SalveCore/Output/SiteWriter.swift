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

    var retired: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
    }

    /// Writes `files` and replaces the output folder with them. Throws without touching the old output.
    public func write(_ files: [OutputFile]) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try writeAll(files, into: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try swapIn()
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
                try Data(text.utf8).write(to: target)
            case .copy(let source):
                try FileManager.default.copyItem(at: source, to: target)
            }
        }
    }

    private func swapIn() throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: retired)
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        try? fileManager.removeItem(at: retired)
    }

    public enum WriteError: Error, CustomStringConvertible {
        case pathEscapes(String)

        public var description: String {
            switch self {
            case .pathEscapes(let path): "refusing to write \(path): it would leave the output folder"
            }
        }
    }
}
