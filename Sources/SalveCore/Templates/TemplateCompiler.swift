// Turns parsed templates into a TemplateSet: partials linked by index, diagnostics with line and column.

/// The one-shot work of `TemplateSet.compile`: parse each source, then lower the trees into flat render plans.
struct TemplateCompiler {
    private let sources: [TemplateSource]
    private var bodies: [[TemplateSet.Op]] = []
    private var diagnostics: [Diagnostic] = []
    private var index: [String: Int] = [:]

    init(sources: [TemplateSource]) {
        // Sorted by name so indices, and so every plan, do not depend on the order files were listed in.
        var unique: [String: TemplateSource] = [:]
        for source in sources { unique[source.name] = source }
        self.sources = unique.values.sorted { $0.name < $1.name }
    }

    mutating func compile() -> (TemplateSet, [Diagnostic]) {
        for (position, source) in sources.enumerated() { index[source.name] = position }
        let trees: [[TemplateNode]] = sources.map { source in
            switch TemplateParser.parse(source.text) {
            case .success(let nodes):
                return nodes
            case .failure(let error):
                let (line, column) = TemplateParser.location(of: error.offset, in: source.text)
                diagnostics.append(.error(source.displayPath, line: line, column: column,
                                          "template syntax error: \(error.message)", fix: error.fix))
                return []
            }
        }
        // Each template's own body comes first, so template i's plan is body i.
        bodies = Array(repeating: [], count: sources.count)
        for (position, tree) in trees.enumerated() {
            let ops = lower(tree, in: sources[position])
            bodies[position] = ops
        }
        let set = TemplateSet(
            bodies: bodies, index: index, templateBodies: Array(sources.indices),
            usesBlocks: blockUse(templateCount: sources.count))
        return (set, diagnostics.sorted())
    }

    /// Lowers nodes into ops, appending nested bodies to `bodies`.
    private mutating func lower(_ nodes: [TemplateNode], in source: TemplateSource) -> [TemplateSet.Op] {
        var ops: [TemplateSet.Op] = []
        ops.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text(let text):
                ops.append(.text(Array(text.utf8)))
            case .variable(let path, let escaped):
                ops.append(.value(path, escaped: escaped))
            case .section(let path, let children, let inverted):
                ops.append(.section(path, body: add(children, in: source), inverted: inverted))
            case .block(let name, let children, let indentation):
                ops.append(.block(name: name, body: add(children, in: source), indentation: Array(indentation.utf8)))
            case .definition:
                // Only found inside a parent, where the parser turned it into an override.
                continue
            case .partial(let name, let indentation, let overrides, let offset):
                guard let target = index[name] else {
                    report(unknown: name, isParent: overrides != nil, at: offset, in: source)
                    continue
                }
                let linked = overrides?.map { TemplateSet.Override(name: $0.0, body: add($0.1, in: source)) }
                ops.append(.partial(template: target, indentation: indentation.map { Array($0.utf8) },
                                    overrides: linked))
            }
        }
        return ops
    }

    private mutating func add(_ nodes: [TemplateNode], in source: TemplateSource) -> Int {
        let position = bodies.count
        bodies.append([])
        let ops = lower(nodes, in: source)
        bodies[position] = ops
        return position
    }

    private mutating func report(unknown name: String, isParent: Bool, at offset: Int, in source: TemplateSource) {
        let (line, column) = TemplateParser.location(of: offset, in: source.text)
        let folder = source.displayFolder
        let what = isParent ? "parent template" : "partial"
        diagnostics.append(.error(
            source.displayPath, line: line, column: column,
            "the \(what) \"\(name)\" does not exist",
            fix: "create \(folder)/\(name).mustache, or correct the name (templates are named by their path under "
                + "\(folder)/ without .mustache, such as partials/card)"))
    }

    /// For each template, whether rendering it can reach a block expansion (directly, in a section, or through
    /// partials and parents), found by iterating to a fixed point since partials may be recursive.
    private func blockUse(templateCount: Int) -> [Bool] {
        var bodyUses = Array(repeating: false, count: bodies.count)
        var changed = true
        while changed {
            changed = false
            for (position, ops) in bodies.enumerated() where !bodyUses[position] {
                let uses = ops.contains { op in
                    switch op {
                    case .text, .value: false
                    case .section(_, let body, _): bodyUses[body]
                    case .block: true
                    case .partial(let template, _, let overrides): overrides != nil || bodyUses[template]
                    }
                }
                if uses {
                    bodyUses[position] = true
                    changed = true
                }
            }
        }
        return Array(bodyUses.prefix(templateCount))
    }
}
