// Parsed and rendered pages kept between the preview's rebuilds. An entry is reused only when the file's bytes
// and everything it is parsed or rendered against are unchanged, so reuse can never change the output.
import Foundation

public struct RenderCache: Sendable {
    private struct Parsed: Sendable {
        var kind: ContentKind
        var text: String
        var result: (Document?, [Diagnostic])
    }

    /// What rendering a page reads besides the page itself: settings, the glossary and every page's address.
    struct RenderInputs: Sendable {
        var settings: String
        var sitePaths: [String: String]
        var sources: Set<String>

        func matches(_ other: RenderInputs) -> Bool {
            identical(settings, other.settings) && sitePaths == other.sitePaths && sources == other.sources
        }
    }

    private var parseSettings: String?
    private var parsed: [String: Parsed] = [:]
    /// Content paths whose file was the same as last time in the current build.
    private var unchanged: Set<String> = []
    private var renderInputs: RenderInputs?
    private var rendered: [String: (Page, [Diagnostic])] = [:]

    public init() {}

    /// `parse` run only on files that are new or changed since the last build with the same settings.
    mutating func parse(_ files: [ContentSource.File], config: SiteConfig,
                        _ parse: ([ContentSource.File]) -> [(Document?, [Diagnostic])]) -> [(Document?, [Diagnostic])]
    {
        // A dump of the value compares every string byte for byte (String's == accepts other normalisations).
        let settings = String(reflecting: config)
        if parseSettings.map({ !identical($0, settings) }) ?? true { parsed = [:] }
        parseSettings = settings
        var results: [(Document?, [Diagnostic])?] = Array(repeating: nil, count: files.count)
        var missing: [Int] = []
        unchanged = []
        for (index, file) in files.enumerated() {
            if let entry = parsed[file.contentPath], entry.kind == file.kind, identical(entry.text, file.text) {
                results[index] = entry.result
                unchanged.insert(file.contentPath)
            } else {
                missing.append(index)
            }
        }
        for (index, result) in zip(missing, parse(missing.map { files[$0] })) { results[index] = result }
        var next: [String: Parsed] = [:]
        for (file, result) in zip(files, results) { next[file.contentPath] = Parsed(kind: file.kind, text: file.text, result: result!) }
        parsed = next
        return results.map { $0! }
    }

    /// `render` run only on documents whose file changed, or on all when anything they are rendered against did.
    mutating func render(_ documents: [Document], inputs: RenderInputs,
                         _ render: ([Document]) -> [(Page, [Diagnostic])]) -> [(Page, [Diagnostic])]
    {
        if renderInputs.map({ !$0.matches(inputs) }) ?? true { rendered = [:] }
        renderInputs = inputs
        var results: [(Page, [Diagnostic])?] = Array(repeating: nil, count: documents.count)
        var missing: [Int] = []
        for (index, document) in documents.enumerated() {
            if unchanged.contains(document.contentPath), let entry = rendered[document.contentPath] {
                results[index] = entry
            } else {
                missing.append(index)
            }
        }
        for (index, result) in zip(missing, render(missing.map { documents[$0] })) { results[index] = result }
        rendered = Dictionary(zip(documents.map(\.contentPath), results.map { $0! }), uniquingKeysWith: { a, _ in a })
        return results.map { $0! }
    }
}

/// Byte-for-byte equality: `==` on String treats canonically equivalent texts as equal, which would reuse a page
/// rendered from other bytes.
func identical(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
}
