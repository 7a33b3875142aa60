// Rendering a TemplateSet's plans over typed views into UTF-8 bytes.

extension TemplateSet {
    /// Renders the template `name` with `view` as the outermost context. With `fragments`, partials rendered
    /// with a view that has a `fragmentID` are rendered once and reused where that is exact.
    /// An unknown name renders nothing (`compile` has already reported unknown partials and parents).
    public func render(_ name: String, _ view: any TemplateContext, fragments: FragmentMemo? = nil) -> [UInt8] {
        var out: [UInt8] = []
        render(name, view, fragments: fragments, into: &out)
        return out
    }

    /// Appends the rendering to `out`; reserve its capacity (for example to the last page's size) to avoid copies.
    public func render(_ name: String, _ view: any TemplateContext, fragments: FragmentMemo? = nil,
                       into out: inout [UInt8]) {
        guard let template = index[name] else { return }
        withPlan { plan in
            var renderer = TemplateRenderer(plan: plan, root: view, memo: fragments, out: out)
            out = []
            renderer.renderTemplate(template)
            out = renderer.out
        }
    }

    /// The tables as buffers for one render: reading a buffer's element retains nothing.
    private func withPlan(_ body: (TemplateRenderer.Plan) -> Void) {
        ops.withUnsafeBufferPointer { ops in
            bodies.withUnsafeBufferPointer { bodies in
                text.withUnsafeBufferPointer { text in
                    overrides.withUnsafeBufferPointer { overrides in
                        usesBlocks.withUnsafeBufferPointer { usesBlocks in
                            firstNames.withUnsafeBufferPointer { firstNames in
                                body(TemplateRenderer.Plan(ops: ops, bodies: bodies, text: text, paths: paths,
                                                           firstNames: firstNames, nameCount: nameCount,
                                                           overrides: overrides, usesBlocks: usesBlocks))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Renders into a `String` (for tests and callers that want text).
    public func renderText(_ name: String, _ view: any TemplateContext, fragments: FragmentMemo? = nil) -> String {
        String(decoding: render(name, view, fragments: fragments), as: UTF8.self)
    }
}

/// The state of one render: the output, the context stack, the block overrides and indentation in force.
struct TemplateRenderer {
    /// One entry of the context stack. Sections over text or a number push the value, as swift-mustache does.
    enum Frame {
        case view(any TemplateContext)
        case text(String)
        case number(Int)
        /// A value that answers no names (an empty list pushed by an inverted section).
        case opaque
    }

    /// A fragment being rendered for the memo: names that fell through below `floor` and what they found.
    struct Recording {
        var floor: Int
        var conditions: [(path: Int, FragmentMemo.Resolution)] = []
        var exact = true
    }

    /// A TemplateSet's tables, valid for one render.
    struct Plan {
        let ops: UnsafeBufferPointer<TemplateSet.Op>
        let bodies: UnsafeBufferPointer<Range<Int>>
        let text: UnsafeBufferPointer<UInt8>
        let paths: [TemplatePath]
        let firstNames: UnsafeBufferPointer<Int>
        let nameCount: Int
        let overrides: UnsafeBufferPointer<TemplateSet.Override>
        let usesBlocks: UnsafeBufferPointer<Bool>
    }

    /// Partials nest at most this deep; a template that includes itself forever stops here instead of crashing.
    static let maximumDepth = 100

    let plan: Plan
    let memo: FragmentMemo?
    var out: [UInt8]
    var stack: [Frame]
    var overrides: [TemplateSet.Override] = []
    var indentation: [UInt8] = []
    var recording: Recording?
    var depth = 0
    /// What the root view answered to each first name so far. The root (a page's view, with `site` and `page`)
    /// answers most names, each a fresh value: `page` boxed a copy of the whole page for every `page.title`.
    var rootAnswers: [RootAnswer]

    enum RootAnswer {
        case unasked, missing
        case found(TemplateValue)
    }

    init(plan: Plan, root: any TemplateContext, memo: FragmentMemo?, out: [UInt8]) {
        self.plan = plan
        self.memo = memo
        self.out = out
        self.stack = [.view(root)]
        stack.reserveCapacity(16)
        rootAnswers = Array(repeating: .unasked, count: plan.nameCount)
    }

    mutating func renderTemplate(_ template: Int) {
        // Template i's own body is body i.
        renderBody(template)
    }

    /// Renders one body. With indentation in force, swift-mustache indents each op's non-empty output that
    /// starts right after a newline written earlier in the same body; this follows it exactly.
    mutating func renderBody(_ body: Int) {
        let ops = plan.bodies[body]
        if indentation.isEmpty {
            for op in ops { render(plan.ops[op]) }
            return
        }
        let start = out.count
        for op in ops {
            let op = plan.ops[op]
            let before = out.count
            let afterNewline = before > start && out[before - 1] == 0x0A
                && !(before - 1 > start && out[before - 2] == 0x0D)
            render(op)
            if afterNewline, out.count > before {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    mutating func render(_ op: TemplateSet.Op) {
        switch op {
        case .text(let bytes):
            out.append(contentsOf: plan.text[bytes])
        case .value(let path, let escaped):
            switch resolve(path) {
            case .text(let text):
                if escaped {
                    HTMLEscape.append(text, to: &out)
                } else {
                    var text = text
                    text.withUTF8 { out.append(contentsOf: $0) }
                }
            case .flag(let flag):
                out.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
            case .number(let number):
                out.append(contentsOf: String(number).utf8)
            case .list, .view, nil:
                // swift-mustache prints a Swift description here; nothing is the only useful output.
                break
            }
        case .section(let path, let body, let inverted):
            renderSection(resolve(path), body: body, inverted: inverted)
        case .block(let name, let body, let blockIndentation):
            let chosen = overrides.first { $0.name == name }?.body ?? body
            let saved = indentation
            indentation += plan.text[blockIndentation]
            renderBody(chosen)
            indentation = saved
        case .partial(let template, let partialIndentation, let partialOverrides):
            renderPartial(template, indentation: partialIndentation, overrides: partialOverrides)
        }
    }

    mutating func renderSection(_ value: TemplateValue?, body: Int, inverted: Bool) {
        if inverted {
            switch value {
            case nil, .flag(false): renderBody(body)
            case .list(let items) where items.isEmpty: push(.opaque, body)
            default: break
            }
            return
        }
        switch value {
        case nil, .flag(false): break
        case .flag(true): renderBody(body)
        case .text(let text): push(.text(text), body)
        case .number(let number): push(.number(number), body)
        case .view(let view): push(.view(view), body)
        case .list(let items):
            for item in items { push(.view(item), body) }
        }
    }

    private mutating func push(_ frame: Frame, _ body: Int) {
        stack.append(frame)
        renderBody(body)
        stack.removeLast()
    }

    mutating func renderPartial(_ template: Int, indentation partialIndentation: Range<Int>?,
                                overrides partialOverrides: Range<Int>?) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        let savedIndentation = indentation
        let savedOverrides = overrides
        if let partialIndentation { indentation += plan.text[partialIndentation] }
        if let partialOverrides {
            // The outer template's overrides win over the ones this parent call adds, as in swift-mustache.
            overrides += plan.overrides[partialOverrides]
        }
        if !renderFragment(template) {
            renderTemplate(template)
        }
        indentation = savedIndentation
        overrides = savedOverrides
    }
}
