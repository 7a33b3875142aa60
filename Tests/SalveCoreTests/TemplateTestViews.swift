// Test views for the template engine: a dictionary-backed view and the swift-mustache adapter over any view.
import Mustache
import SalveCore

/// A view whose names are a dictionary, so tests can build any shape of context.
struct TestView: TemplateContext {
    var values: [String: TemplateValue]
    var fragmentID: Int?

    init(_ values: [String: TemplateValue], fragmentID: Int? = nil) {
        self.values = values
        self.fragmentID = fragmentID
    }

    func templateValue(_ name: String) -> TemplateValue? { values[name] }
}

extension TemplateValue {
    static func views(_ views: [TestView]) -> TemplateValue { .list(views) }
    static func object(_ values: [String: TemplateValue]) -> TemplateValue { .view(TestView(values)) }
}

/// swift-mustache reads a typed view through this adapter (`MustacheParent`, so no reflection): the oracle
/// for our engine, and the "swift-mustache with typed contexts" side of the benchmark.
struct MustacheView: MustacheParent {
    let view: any TemplateContext

    func child(named name: String) -> Any? {
        switch view.templateValue(name) {
        case nil: nil
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map(MustacheView.init)
        case .view(let inner): MustacheView(view: inner)
        }
    }
}

/// The same sources compiled by both engines.
struct BothEngines {
    let ours: TemplateSet
    let oracle: MustacheLibrary

    init(_ templates: [String: String]) throws {
        let sources = templates.map { TemplateSource(name: $0.key, text: $0.value, displayPath: "t/\($0.key).mustache") }
        let (set, diagnostics) = TemplateSet.compile(sources)
        guard diagnostics.isEmpty else { throw CompileFailure(diagnostics: diagnostics) }
        ours = set
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        oracle = library
    }

    func ourText(_ name: String, _ view: any TemplateContext, memo: FragmentMemo? = nil) -> String {
        ours.renderText(name, view, fragments: memo)
    }

    func oracleText(_ name: String, _ view: any TemplateContext) -> String {
        oracle.render(MustacheView(view: view), withTemplate: name) ?? "<no template \(name)>"
    }
}

struct CompileFailure: Error {
    var diagnostics: [Diagnostic]
}
