// The compiled theme: every template as a render plan with partials linked by index; immutable and Sendable.

/// A set of Mustache templates compiled into render plans.
///
/// Compiling parses every template, links each `{{> partial}}` and `{{<parent}}` to the template it names and
/// reports each problem as a `Diagnostic` with file, line and column. Rendering walks the plan over typed views
/// and writes UTF-8 bytes; the output is byte-identical to swift-mustache 2.1's (a differential test keeps it so).
/// Set-delimiter tags are supported; transforms, dynamic partials, pragmas and lambdas are not (they are errors).
public struct TemplateSet: Sendable {
    /// One step of a render plan. Bodies (a template's, a section's, a block's) are indices into `bodies`.
    enum Op: Sendable {
        case text([UInt8])
        case value(TemplatePath, escaped: Bool)
        case section(TemplatePath, body: Int, inverted: Bool)
        /// A block a parent declares: the child's override by this name if there is one, else `body`.
        case block(name: String, body: Int, indentation: [UInt8])
        case partial(template: Int, indentation: [UInt8]?, overrides: [Override]?)
    }

    /// A block a child template gives its parent.
    struct Override: Sendable {
        var name: String
        var body: Int
    }

    let bodies: [[Op]]
    /// Template name -> index into `templateBodies`.
    let index: [String: Int]
    let templateBodies: [Int]
    /// Whether rendering the template can expand a block, through its partials too: then its output depends
    /// on the overrides in force, and it is never memoized as a fragment.
    let usesBlocks: [Bool]

    /// The names of the compiled templates, sorted.
    public var names: [String] { index.keys.sorted() }

    /// Whether a template called `name` exists.
    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// Compiles `sources`; a template with a syntax error is left out of the set's plans (it renders nothing)
    /// and reported. Unknown partials and parents are reported at the tag that names them.
    public static func compile(_ sources: [TemplateSource]) -> (TemplateSet, [Diagnostic]) {
        var compiler = TemplateCompiler(sources: sources)
        return compiler.compile()
    }
}
