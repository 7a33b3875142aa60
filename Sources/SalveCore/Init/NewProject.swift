// `salve init`: starts a project in an empty folder with settings, the default theme, sample pages and a glossary.
import Foundation

public enum NewProject {
    /// Writes a new project into `folder` (created when missing) and returns the paths written, from `folder`.
    /// - Throws: `NewProjectError.notEmpty` when `folder` holds anything, so nothing of the editor's is replaced.
    public static func create(at folder: URL, today: Day) throws -> [String] {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw NewProjectError.notAFolder(folder.path) }
            let entries = try fileManager.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty else { throw NewProjectError.notEmpty(folder.path) }
        }
        var files = StarterFiles.files(today: today)
        for (path, text) in BundledTheme.files { files["templates/" + path] = text }
        for path in files.keys.sorted() {
            let url = folder.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(files[path]!.utf8).write(to: url, options: .withoutOverwriting)
        }
        return files.keys.sorted()
    }

    public enum NewProjectError: Error, Equatable, CustomStringConvertible {
        case notEmpty(String)
        case notAFolder(String)

        public var description: String {
            switch self {
            case .notEmpty(let path):
                "\(path) is not empty; salve init starts a project only in an empty or new folder"
            case .notAFolder(let path): "\(path) is a file, not a folder; name a new folder for the project"
            }
        }
    }
}
