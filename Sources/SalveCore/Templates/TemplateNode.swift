// The parsed form of a template: a tree of nodes, before partials are linked into a render plan.

/// Where a name is looked up: `.` is the current item; `a.b` searches the context stack for `a`, then reads `b`
/// from it; `.a` reads `a` from the current item only.
struct TemplatePath: Sendable, Hashable {
    /// The dotted parts, empty for the current item.
    var names: [String]
    /// True for a leading dot: only the innermost view is asked.
    var anchored: Bool

    /// Splits a tag's name the way swift-mustache does (empty parts between dots are dropped).
    init(_ name: String) {
        anchored = name.first == "." && name != "."
        names = name == "." ? [] : name.split(separator: ".").map(String.init)
    }

    var description: String { names.isEmpty ? "." : (anchored ? "." : "") + names.joined(separator: ".") }
}

/// One piece of a parsed template. `offset` fields are character offsets of the tag in the template text.
indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{$name}}…{{/name}}` outside a parent: the block's default content.
    case block(String, [TemplateNode], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside a parent: the child's replacement for the parent's block.
    case definition(String, [TemplateNode])
    /// `{{> name}}` (no overrides) or `{{< name}}` (with the child's block definitions as overrides).
    case partial(String, indentation: String?, overrides: [(String, [TemplateNode])]?, offset: Int)
}

/// A syntax error at a character offset, with the message and fix a `Diagnostic` carries.
struct TemplateSyntaxError: Error {
    var offset: Int
    var message: String
    var fix: String
}
