// Name lookup on the context stack, and the fragment memo's record-and-reuse around partials.

extension TemplateRenderer {
    /// Resolves a path as swift-mustache does: the innermost view that answers the first name is used, the rest
    /// of the path is read from that value only, and a miss there does not look further out.
    mutating func resolve(_ number: Int) -> TemplateValue? {
        let path = plan.paths[number]
        guard let first = path.names.first else { return Self.value(of: stack[stack.count - 1]) }
        if path.anchored {
            guard case .view(let view) = stack[stack.count - 1], let found = view.templateValue(first) else {
                return nil
            }
            return Self.descend(found, path.names)
        }
        var level = stack.count - 1
        while level >= 0 {
            if case .view(let view) = stack[level],
                let found = level == 0 ? rootAnswer(view, first, plan.firstNames[number]) : view.templateValue(first)
            {
                let value = Self.descend(found, path.names)
                if let floor = recording?.floor, level < floor { record(number, value) }
                return value
            }
            level -= 1
        }
        if recording != nil { record(number, nil) }
        return nil
    }

    /// The root view's answer to a first name, asked once per render: views are values, so it cannot change.
    private mutating func rootAnswer(_ root: any TemplateContext, _ name: String, _ number: Int) -> TemplateValue? {
        switch rootAnswers[number] {
        case .found(let value): return value
        case .missing: return nil
        case .unasked:
            let value = root.templateValue(name)
            rootAnswers[number] = value.map(RootAnswer.found) ?? .missing
            return value
        }
    }

    /// Reads the names after the first one from `value`; only views have named values.
    static func descend(_ value: TemplateValue, _ names: [String]) -> TemplateValue? {
        var value = value
        for name in names.dropFirst() {
            guard case .view(let view) = value, let next = view.templateValue(name) else { return nil }
            value = next
        }
        return value
    }

    static func value(of frame: Frame) -> TemplateValue? {
        switch frame {
        case .view(let view): .view(view)
        case .text(let text): .text(text)
        case .number(let number): .number(number)
        case .opaque: nil
        }
    }

    /// What a path resolves to in the views below `floor` (the surroundings of a fragment at `floor`).
    func resolveBelow(_ floor: Int, _ number: Int) -> FragmentMemo.Resolution? {
        let path = plan.paths[number]
        guard let first = path.names.first else { return nil }
        var level = floor - 1
        while level >= 0 {
            if case .view(let view) = stack[level], let found = view.templateValue(first) {
                return Self.resolution(Self.descend(found, path.names))
            }
            level -= 1
        }
        return .missing
    }

    static func resolution(_ value: TemplateValue?) -> FragmentMemo.Resolution? {
        switch value {
        case nil: .missing
        case .text(let text): .text(text)
        case .flag(let flag): .flag(flag)
        case .number(let number): .number(number)
        case .list, .view: nil
        }
    }

    private mutating func record(_ path: Int, _ value: TemplateValue?) {
        guard let resolution = Self.resolution(value) else {
            recording?.exact = false
            return
        }
        recording?.conditions.append((path, resolution))
    }

    /// Renders a partial through the memo when the innermost view is a shared fragment; false when the partial
    /// must be rendered normally (no memo, no fragment, or output that could depend on blocks or indentation).
    mutating func renderFragment(_ template: Int) -> Bool {
        guard let memo, recording == nil, indentation.isEmpty, !plan.usesBlocks[template],
            case .view(let view) = stack[stack.count - 1], let id = view.fragmentID
        else { return false }
        let key = FragmentMemo.Key(template: template, id: id)
        let floor = stack.count - 1
        if let bytes = memo.lookup(key, where: { path, expected in resolveBelow(floor, path) == expected }) {
            out.append(contentsOf: bytes)
            return true
        }
        let start = out.count
        recording = Recording(floor: floor)
        renderTemplate(template)
        let finished = recording!
        recording = nil
        memo.store(key, finished.exact
            ? FragmentMemo.Entry(conditions: finished.conditions, bytes: Array(out[start...])) : nil)
        return true
    }
}
