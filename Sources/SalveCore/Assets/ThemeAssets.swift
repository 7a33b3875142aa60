// The theme's assets under content-hashed names (`assets/style.3f9a1c2e.css`), so a cache that keeps a file
// forever never serves a page of one build with a stylesheet or script of another. A script or stylesheet that
// names another asset (`import "./search-engine.js"`, `url(logo.svg)`) is published naming its hashed file, and
// its own hash covers those names, so a change anywhere below renames everything that depends on it.
import Foundation

/// Every theme asset under its plain name (as the source, for templates written before hashed names) and its
/// hashed name, and the hashed name of each.
public struct ThemeAssets: Sendable, Equatable {
    /// Path under assets/ -> hashed path under assets/ (`style.css` -> `style.3f9a1c2e.css`).
    public var hashed: [String: String] = [:]
    /// What the build writes: `assets/NAME` copied as it is and `assets/HASHED` with its references renamed.
    var files: [OutputFile] = []

    public init() {}

    /// Assets whose references to other assets are renamed: text the browser resolves relative to the file.
    static let linkingExtensions: Set<String> = ["css", "js", "mjs"]

    /// Hashes `assets` (path under assets/, source file). An unreadable file, or scripts that import each other in
    /// a circle (neither hash can be known before the other), is an error naming the file.
    /// - Parameter last: the previous build's result (the preview's), reused when every asset has the same bytes.
    static func make(_ assets: [(String, URL)], last: Made? = nil) -> Made {
        var diagnostics: [Diagnostic] = []
        var bytes: [String: [UInt8]] = [:]
        for (path, url) in assets {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(.error("templates/assets/" + path, "this asset cannot be read",
                                          fix: "check the file's permissions"))
                continue
            }
            bytes[path] = Array(data)
        }
        if let last, last.bytes == bytes, last.sources == assets.map(\.1), diagnostics.isEmpty { return last }
        let (made, found) = make(bytes, sources: assets)
        return Made(bytes: bytes, sources: assets.map(\.1), assets: made, diagnostics: diagnostics + found)
    }

    /// The assets made from their bytes, with what they were made from.
    struct Made: Sendable {
        var bytes: [String: [UInt8]]
        var sources: [URL]
        var assets: ThemeAssets
        var diagnostics: [Diagnostic]
    }

    private static func make(_ bytes: [String: [UInt8]], sources assets: [(String, URL)]) -> (ThemeAssets, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let paths = bytes.keys.sorted()
        var result = ThemeAssets()
        var rewritten: [String: [UInt8]] = [:]
        var visiting: Set<String> = []
        func resolve(_ path: String) -> Bool {
            if result.hashed[path] != nil { return true }
            guard visiting.insert(path).inserted else { return false }
            defer { visiting.remove(path) }
            var content = bytes[path]!
            if linkingExtensions.contains((path as NSString).pathExtension.lowercased()) {
                let text = String(decoding: content, as: UTF8.self)
                var renamed = text
                for other in paths where other != path {
                    guard let relative = relativePath(from: path, to: other) else { continue }
                    let needles = references(to: relative)
                    // A byte search: Foundation's `contains` on every pair of assets was a fifth of a small build.
                    guard needles.contains(where: { text.containsBytes(of: $0) }) else { continue }
                    guard resolve(other) else {
                        diagnostics.append(.error(
                            "templates/assets/" + path, "this file and templates/assets/\(other) name each other, so neither can get a content-hashed name",
                            fix: "break the circle: move what both need into a third file"))
                        return false
                    }
                    let target = relativePath(from: path, to: result.hashed[other]!)!
                    for (needle, replacement) in zip(needles, references(to: target)) {
                        renamed = renamed.replacingOccurrences(of: needle, with: replacement)
                    }
                }
                content = Array(renamed.utf8)
                rewritten[path] = content
            }
            result.hashed[path] = ContentHash.name(path, hash: ContentHash.of(content))
            return true
        }
        for path in paths where result.hashed[path] == nil {
            if !resolve(path) { return (ThemeAssets(), diagnostics) }
        }
        let sources = Dictionary(assets, uniquingKeysWith: { a, _ in a })
        for path in paths {
            result.files.append(OutputFile("assets/" + path, .copy(sources[path]!)))
            let hashedPath = "assets/" + result.hashed[path]!
            result.files.append(OutputFile(hashedPath, rewritten[path].map { .bytes($0) } ?? .copy(sources[path]!)))
        }
        return (result, diagnostics)
    }

    /// How a file names another relatively: in the same folder or below it (`./x.js`, `img/x.svg`); nil otherwise.
    static func relativePath(from path: String, to other: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { return other }
        return other.hasPrefix(folder + "/") ? String(other.dropFirst(folder.count + 1)) : nil
    }

    /// The spellings of a reference to `relative` that are renamed, quoted so `a.js` never matches `data.js`.
    static func references(to relative: String) -> [String] {
        ["\"./\(relative)\"", "'./\(relative)'", "url(\(relative))", "url(\"\(relative)\")", "url('\(relative)')",
         "url(./\(relative))", "url(\"./\(relative)\")", "url('./\(relative)')"]
    }

    /// The template name of an asset: its path with `.`, `/` and `-` as `_` (`search-engine.js` -> `search_engine_js`).
    public static func key(_ path: String) -> String {
        String(path.map { ".-/".contains($0) ? "_" : $0 })
    }
}
