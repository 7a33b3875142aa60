// Loads the theme's Mustache templates once per build; parse errors become diagnostics with file and line.
import Foundation
import Mustache

/// The theme: every `*.mustache` file under templates/, named by its path without the extension.
public struct TemplateLibrary: Sendable {
    /// Page templates the build renders; partials and the base layout are whatever these use.
    public static let required = ["home", "article", "faq", "comparison", "list", "search", "glossary", "404"]

    let library: MustacheLibrary
    /// The same templates compiled by Salve's own engine, for rendering typed views.
    public let compiled: TemplateSet

    /// Reads the templates in `folder`; `displayFolder` is how diagnostics name it (`templates`).
    public static func load(from folder: URL, displayFolder: String) -> (TemplateLibrary, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources: [TemplateSource] = []
        let files = ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }.sorted()
        for file in files {
            let path = "\(displayFolder)/\(file)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                let text = String(validating: data, as: UTF8.self)
            else {
                diagnostics.append(.error(path, "cannot read the template as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            sources.append(TemplateSource(name: String(file.dropLast(".mustache".count)), text: text, displayPath: path))
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(path, line: error.context.lineNumber, column: error.context.columnNumber,
                           "template syntax error: \(error.error)",
                           fix: "check that every {{#section}} has a matching {{/section}} and every tag is closed"))
            } catch {
                diagnostics.append(.error(path, "template error: \(error)"))
            }
        }
        let (compiled, compileDiagnostics) = TemplateSet.compile(sources)
        // The checks above come first; the compiler's own findings (unknown partials and parents among them)
        // are added only when they found nothing, so one mistake is not reported twice.
        if diagnostics.isEmpty { diagnostics += compileDiagnostics }
        for name in required where library.getTemplate(named: name) == nil && diagnostics.isEmpty {
            diagnostics.append(
                .error("\(displayFolder)/\(name).mustache", "the theme has no \(name) template",
                       fix: "add \(displayFolder)/\(name).mustache (copy it from the default theme)"))
        }
        return (TemplateLibrary(library: library, compiled: compiled), diagnostics)
    }

    /// Renders the page template `name` with a typed view; `fragments` reuses shared cards within one build.
    func render(_ name: String, _ view: any TemplateContext, fragments: FragmentMemo?) -> [UInt8] {
        compiled.render(name, view, fragments: fragments)
    }

    /// Renders the page template `name` with a dictionary context (swift-mustache, until the views replace it).
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
