// One problem found in the input: where it is, how bad it is, and how to fix it.

/// A problem in a site's input, reported with the file and line it came from.
public struct Diagnostic: Sendable, Equatable, Hashable, Codable, Error {
    public enum Severity: String, Sendable, Comparable, Codable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// Path relative to the project root, as an editor would type it (`content/articles/ldn.md`).
    public var path: String
    /// 1-based line in `path`, when known.
    public var line: Int?
    /// 1-based column in `path`, when known.
    public var column: Int?
    public var message: String
    /// What the editor should do about it.
    public var fix: String?
    /// A remark printed under the diagnostic, such as how many links to a broken page wait for its fix.
    public var note: String?

    public init(
        _ severity: Severity, path: String, line: Int? = nil, column: Int? = nil,
        _ message: String, fix: String? = nil, note: String? = nil
    ) {
        self.note = note
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }

    public static func error(
        _ path: String, line: Int? = nil, column: Int? = nil, _ message: String, fix: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, column: column, message, fix: fix)
    }

    public static func warning(
        _ path: String, line: Int? = nil, column: Int? = nil, _ message: String, fix: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, column: column, message, fix: fix)
    }
}

extension Diagnostic: Comparable {
    /// Orders diagnostics by file, then line, so an editor reads them top to bottom.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0, lhs.message)
            < (rhs.path, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// A build that stopped because its input has errors; holds every diagnostic found, warnings included.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]

    /// Keeps at most `limitPerFile` diagnostics per file (a pasted document can hold thousands of problems),
    /// replacing the rest with one line that says how many were left out.
    public init(_ diagnostics: [Diagnostic], limitPerFile: Int = 50) {
        var kept: [Diagnostic] = []
        for (path, found) in Dictionary(grouping: diagnostics, by: \.path) {
            let sorted = found.sorted()
            kept += sorted.prefix(limitPerFile)
            if sorted.count > limitPerFile {
                kept.append(.error(path, line: sorted[limitPerFile].line,
                                   "\(sorted.count - limitPerFile) more problems in this file are not shown",
                                   fix: "fix the ones above and build again"))
            }
        }
        self.diagnostics = kept.sorted()
    }
}
