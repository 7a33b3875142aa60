// Loads the theme's Mustache templates once per build and compiles them; every problem becomes a diagnostic with
// file, line and column.
import Foundation

/// The theme: every `*.mustache` file under templates/, named by its path without the extension.
public struct TemplateLibrary: Sendable {
    /// Page templates the build renders; partials and the base layout are whatever these use.
    public static let required = ["home", "article", "faq", "comparison", "list", "search", "glossary", "404"]

    /// The templates compiled by Salve's own engine.
    public let compiled: TemplateSet
    /// Files under assets/ (paths inside it) to copy into the site: from the same listing the symlink rule
    /// checked, so a link leading out of templates/ is never among them.
    let assets: [String]
    /// Each template's text by name.
    var texts: [String: String] = [:]
    /// Each template's fingerprint (`fingerprint(of:in:)`), by name: made once per load, and handed on with the
    /// compiled set while the bytes are the same, so that unchanged fingerprints are the last build's arrays.
    private(set) var fingerprints: [String: [ExactText]] = [:]
    /// The texts of the theme's strings files (`strings/es.yml`), by language code.
    var strings: [String: String] = [:]
    /// What `compiled` was made from, and what the compiler found: the preview compiles again only when a
    /// template's bytes changed.
    private var sources: [TemplateSource] = []
    private var compileDiagnostics: [Diagnostic] = []

    /// Reads the templates in `folder`; `displayFolder` is how diagnostics name it (`templates`).
    /// - Parameter last: the library the last build loaded, whose compiled templates are reused when made from
    ///   the same bytes.
    public static func load(from folder: URL, displayFolder: String, last: TemplateLibrary? = nil) -> (TemplateLibrary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entries = ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { !$0.split(separator: "/").contains(where: { $0.hasPrefix(".") }) }
        // The content/ rule, for templates and assets alike: a link out of templates/ would publish that file.
        let boundary = FolderBoundary(folder)
        let outside = Set(entries.filter { !boundary.contains(folder.appendingPathComponent($0), relativePath: $0) })
        for entry in outside.sorted() {
            diagnostics.append(
                .error("\(displayFolder)/\(entry)", "this is a link to a file outside the templates folder",
                       fix: "copy the file into \(displayFolder)/ instead of linking to it"))
        }
        let templates = entries.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
        // A linked-out template is reported once, above, not again by every template that uses it.
        let names = Set(templates.map { String($0.dropLast(".mustache".count)) })
        var sources: [TemplateSource] = []
        var texts: [String: String] = [:]
        for file in templates where !outside.contains(file) {
            let path = "\(displayFolder)/\(file)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.append(.error(path, "cannot read the template as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            diagnostics += unknownPartials(in: text, path: path, names: names)
            sources.append(TemplateSource(name: String(file.dropLast(".mustache".count)), text: text, displayPath: path))
            texts[String(file.dropLast(".mustache".count))] = text
        }
        let same = last.map { last in
            last.sources.count == sources.count && zip(last.sources, sources).allSatisfy { old, new in
                old.name == new.name && old.displayPath == new.displayPath && identical(old.text, new.text)
            }
        } ?? false
        let (compiled, compileDiagnostics) = same ? (last!.compiled, last!.compileDiagnostics) : TemplateSet.compile(sources)
        let fingerprints = same ? last!.fingerprints
            : Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, fingerprint(of: $0, in: texts).map(ExactText.init)) })
        // The checks above come first; the compiler's own findings (unknown partials and parents among them)
        // are added only when they found nothing, so one mistake is not reported twice.
        if diagnostics.isEmpty { diagnostics += compileDiagnostics }
        for name in required where !compiled.contains(name) && diagnostics.isEmpty {
            diagnostics.append(
                .error("\(displayFolder)/\(name).mustache", "the theme has no \(name) template",
                       fix: "add \(displayFolder)/\(name).mustache (copy it from the default theme)"))
        }
        let assets = entries.filter { entry in
            var info = stat()
            return entry.hasPrefix("assets/") && !outside.contains(entry)
                && stat(folder.appendingPathComponent(entry).path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }.map { String($0.dropFirst("assets/".count)) }
        var strings: [String: String] = [:]
        for entry in entries where entry.hasPrefix("strings/") && entry.hasSuffix(".yml") && !outside.contains(entry) {
            let code = String(entry.dropFirst("strings/".count).dropLast(".yml".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(entry).path) else { continue }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(.error("\(displayFolder)/\(entry)", "cannot read the strings file as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            strings[code] = text
        }
        return (TemplateLibrary(compiled: compiled, assets: assets, texts: texts, fingerprints: fingerprints, strings: strings,
                                sources: sources, compileDiagnostics: compileDiagnostics), diagnostics)
    }

    /// A partial the theme does not have renders as nothing (`{{> ../../etc/passwd}}` too): an error instead.
    static func unknownPartials(in text: String, path: String, names: Set<String>) -> [Diagnostic] {
        PartialTag.scan(text).filter { !names.contains($0.name) }.map { tag in
            .error(path, line: tag.line, column: tag.column, "the template uses the partial `\(tag.name)`, which the theme does not have",
                   fix: "name a template by its path under templates/ without .mustache, such as `partials/card`")
        }
    }

    /// The text of `name` and of every template it reaches through partials and parents, so a page's HTML is
    /// kept as long as none of the templates it is made from changed. A dynamic partial (`{{>*name}}`) can reach
    /// any template, so a theme that has one is fingerprinted whole.
    private static func fingerprint(of name: String, in texts: [String: String]) -> [String] {
        if texts.values.contains(where: { $0.contains("{{>*") }) {
            return texts.keys.sorted().flatMap { [$0, texts[$0]!] }
        }
        var reached: Set<String> = [name]
        var queue = [name]
        while let next = queue.popLast() {
            for tag in PartialTag.scan(texts[next] ?? "") where reached.insert(tag.name).inserted { queue.append(tag.name) }
        }
        return reached.sorted().flatMap { [$0, texts[$0] ?? ""] }
    }

    /// Renders the page template `name` with a typed view; `fragments` reuses shared cards within one build.
    func render(_ name: String, _ view: any TemplateContext, fragments: FragmentMemo?) -> [UInt8] {
        compiled.render(name, view, fragments: fragments)
    }
}
