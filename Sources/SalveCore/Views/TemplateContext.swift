// What a template can read from a view: the one interface between typed views and the template engine.

/// A value a template tag can name.
public enum TemplateValue: Sendable {
    /// Escaped by `{{name}}`, written as it is by `{{{name}}}`. Any text, even empty, opens a section.
    case text(String)
    /// Opens a section when true, an inverted section when false.
    case flag(Bool)
    case number(Int)
    /// A section repeats once for each item; an empty list counts as false.
    case list([any TemplateContext])
    /// A section is rendered once with this view pushed onto the context stack.
    case view(any TemplateContext)
}

/// A typed view: a struct that answers the names its template uses.
public protocol TemplateContext: Sendable {
    /// The value called `name`, or nil when this view has none: the template then looks in the enclosing views,
    /// as Mustache does.
    func templateValue(_ name: String) -> TemplateValue?

    /// Identifies a shared fragment (a page's card) within one build, so a partial rendered with it can be
    /// rendered once and reused; nil for views that are not shared. Views with the same id must be equal.
    var fragmentID: Int? { get }
}

extension TemplateContext {
    public var fragmentID: Int? { nil }
}

extension TemplateValue {
    /// A list of typed views, each boxed by code made for its type: `[Card]` handed over as `[any TemplateContext]`
    /// went through the runtime's dynamic cast for every card, each time a template read the list.
    public static func list<View: TemplateContext>(of items: [View]) -> TemplateValue { .list(items.map { $0 }) }
}
