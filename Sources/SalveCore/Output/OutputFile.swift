// One file of the built site, described before it is written.
import Foundation

public struct OutputFile: Sendable, Equatable {
    public enum Contents: Sendable, Equatable {
        case text(String)
        /// UTF-8 text as the template engine writes it.
        case bytes([UInt8])
        /// Copied byte for byte from a source file (theme assets, content/media).
        case copy(URL)
    }

    /// Path inside the output folder, `/`-separated, never absolute, never with `..`.
    public var path: String
    public var contents: Contents

    public init(_ path: String, _ contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// True when `path` stays inside the output folder.
    var isContained: Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}
