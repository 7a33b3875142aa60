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
        /// A link to a draft is an error and a link to a file with errors is not checked, so which is which counts.
        var drafts: Set<String> = []
        /// Image sizes are written into the pages that show the images.
        var imageSizes: [String: ImageSize] = [:]

        func matches(_ other: RenderInputs) -> Bool {
            identical(settings, other.settings) && sitePaths == other.sitePaths && sources == other.sources
                && drafts == other.drafts && imageSizes == other.imageSizes
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
        unchanged = []
        let results = Self.reusing(files, compute: parse) { file -> (Document?, [Diagnostic])? in
            guard let entry = parsed[file.contentPath], entry.kind == file.kind, identical(entry.text, file.text)
            else { return nil }
            unchanged.insert(file.contentPath)
            return entry.result
        }
        var next: [String: Parsed] = [:]
        for (file, result) in zip(files, results) { next[file.contentPath] = Parsed(kind: file.kind, text: file.text, result: result) }
        parsed = next
        return results
    }

    /// `render` run only on documents whose file changed, or on all when anything they are rendered against did.
    mutating func render(_ documents: [Document], inputs: RenderInputs,
                         _ render: ([Document]) -> [(Page, [Diagnostic])]) -> [(Page, [Diagnostic])]
    {
        if renderInputs.map({ !$0.matches(inputs) }) ?? true { rendered = [:] }
        renderInputs = inputs
        let results = Self.reusing(documents, compute: render) { document in
            unchanged.contains(document.contentPath) ? rendered[document.contentPath] : nil
        }
        rendered = Dictionary(zip(documents.map(\.contentPath), results), uniquingKeysWith: { a, _ in a })
        return results
    }

    /// Each item's cached result where `cached` has one; `compute` runs once, on the rest, in their order.
    private static func reusing<Item, Result>(_ items: [Item], compute: ([Item]) -> [Result], cached: (Item) -> Result?)
        -> [Result]
    {
        var results = items.map(cached)
        let missing = results.indices.filter { results[$0] == nil }
        for (index, result) in zip(missing, compute(missing.map { items[$0] })) { results[index] = result }
        return results.map { $0! }
    }
}

/// Byte-for-byte equality: `==` on String treats canonically equivalent texts as equal, which would reuse a page
/// rendered from other bytes.
func identical(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
}
