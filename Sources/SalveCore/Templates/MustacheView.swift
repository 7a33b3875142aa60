// A typed view as swift-mustache reads it, until the compiled engine replaces it.
import Mustache

struct MustacheView: MustacheParent {
    let view: any TemplateContext

    func child(named name: String) -> Any? {
        view.templateValue(name).map(MustacheView.value)
    }

    static func value(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .list(let items): items.map { MustacheView(view: $0) }
        case .view(let view): MustacheView(view: view)
        }
    }
}
