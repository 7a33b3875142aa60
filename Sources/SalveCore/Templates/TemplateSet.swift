// The compiled theme: every template as a render plan with partials linked by index; immutable and Sendable.

/// A set of Mustache templates compiled into render plans.
///
/// Compiling parses every template, links each `{{> partial}}` and `{{<parent}}` to the template it names and
/// reports each problem as a `Diagnostic` with file, line and column. Rendering walks the plan over typed views
/// and writes UTF-8 bytes; the output is byte-identical to swift-mustache 2.1's (a differential test keeps it so).
/// Set-delimiter tags are supported; transforms, dynamic partials, pragmas and lambdas are not (they are errors).
public struct TemplateSet: Sendable {
    /// One step of a render plan. Every payload is an index or a range into the set's flat tables, so an op is
    /// a plain value: reading one while rendering retains nothing (two threads retaining the same shared text
    /// arrays on every op was a fifth of all template time).
    enum Op: Sendable {
        /// Bytes of `text`.
        case text(Range<Int>)
        /// `paths[path]`, escaped or not.
        case value(path: Int, escaped: Bool)
        /// `paths[path]` opening `bodies[body]`.
        case section(path: Int, body: Int, inverted: Bool)
        /// A block a parent declares: the child's override by this name if there is one, else `body`.
        /// The name is a number (blocks' names are numbered when compiling); the indentation is bytes of `text`.
        case block(name: Int, body: Int, indentation: Range<Int>)
        /// The partial `template`, with its indentation (bytes of `text`) and its overrides (of `overrides`).
        case partial(template: Int, indentation: Range<Int>?, overrides: Range<Int>?)
    }

    /// A block a child template gives its parent: its numbered name and its body.
    struct Override: Sendable {
        var name: Int
        var body: Int
    }

    /// Every body's ops, one after another; `bodies[i]` is where body i's ops are.
    let ops: [Op]
    let bodies: [Range<Int>]
    /// Every text op's bytes, one after another.
    let text: [UInt8]
    /// Every name looked up, by number: the ops and the fragment memo's recorded conditions name them so.
    let paths: [TemplatePath]
    /// Each path's first name, numbered (-1 for `.`), and how many first names there are.
    let firstNames: [Int]
    let nameCount: Int
    let overrides: [Override]
    /// Template name -> its number, which is also the number of its own body.
    let index: [String: Int]
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
