// Turns parsed templates into a TemplateSet: partials linked by index, diagnostics with line and column.

/// The one-shot work of `TemplateSet.compile`: parse each source, then lower the trees into flat render plans.
struct TemplateCompiler {
    private let sources: [TemplateSource]
    private var bodies: [[TemplateSet.Op]] = []
    private var diagnostics: [Diagnostic] = []
    private var index: [String: Int] = [:]
    /// The set's flat tables, filled while lowering.
    private var text: [UInt8] = []
    private var paths: [TemplatePath] = []
    private var pathNumbers: [TemplatePath: Int] = [:]
    private var firstNames: [Int] = []
    private var nameNumbers: [String: Int] = [:]
    private var blockNumbers: [String: Int] = [:]
    private var overrides: [TemplateSet.Override] = []

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
        var ranges: [Range<Int>] = []
        var start = 0
        for ops in bodies {
            ranges.append(start..<start + ops.count)
            start += ops.count
        }
        let set = TemplateSet(
            ops: Array(bodies.joined()), bodies: ranges, text: text, paths: paths, firstNames: firstNames,
            nameCount: nameNumbers.count, overrides: overrides,
            index: index,
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
                ops.append(.text(bytes(text)))
            case .variable(let path, let escaped):
                ops.append(.value(path: number(path), escaped: escaped))
            case .section(let path, let children, let inverted):
                ops.append(.section(path: number(path), body: add(children, in: source), inverted: inverted))
            case .block(let name, let children, let indentation):
                ops.append(.block(name: number(block: name), body: add(children, in: source),
                                  indentation: bytes(indentation)))
            case .definition:
                // Only found inside a parent, where the parser turned it into an override.
                continue
            case .partial(let name, let indentation, let overrides, let offset):
                guard let target = index[name] else {
                    report(unknown: name, isParent: overrides != nil, at: offset, in: source)
                    continue
                }
                let linked = overrides.map { overrides in
                    let bodies = overrides.map { (number(block: $0.0), add($0.1, in: source)) }
                    let start = self.overrides.count
                    self.overrides += bodies.map { TemplateSet.Override(name: $0.0, body: $0.1) }
                    return start..<self.overrides.count
                }
                let indented = indentation.map { bytes($0) }
                ops.append(.partial(template: target, indentation: indented, overrides: linked))
            }
        }
        return ops
    }

    /// Appends `string` to the text table; its range there.
    private mutating func bytes(_ string: String) -> Range<Int> {
        let start = text.count
        text += string.utf8
        return start..<text.count
    }

    private mutating func number(_ path: TemplatePath) -> Int {
        if let number = pathNumbers[path] { return number }
        paths.append(path)
        pathNumbers[path] = paths.count - 1
        firstNames.append(path.names.first.map { Self.number($0, in: &nameNumbers) } ?? -1)
        return paths.count - 1
    }

    private mutating func number(block name: String) -> Int {
        Self.number(name, in: &blockNumbers)
    }

    /// The name's number in `numbers`, a new one the first time it is seen.
    private static func number(_ name: String, in numbers: inout [String: Int]) -> Int {
        if let number = numbers[name] { return number }
        numbers[name] = numbers.count
        return numbers.count - 1
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
