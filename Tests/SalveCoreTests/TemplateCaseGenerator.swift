// Seeded random templates and contexts for the differential test of our engine against swift-mustache.
import SalveCore

/// A small deterministic generator (SplitMix64), so a failing case is reproduced by its seed.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One generated case: templates (`main` is rendered) and the root view.
struct GeneratedCase {
    var templates: [String: String]
    var view: TestView
}

/// Names have a fixed kind everywhere, so the generator knows which tags both engines render the same way
/// (a variable naming a list or a view prints a Swift description in swift-mustache; that is left out).
struct TemplateCaseGenerator {
    static let textNames = ["t", "title", "u"]
    static let flagNames = ["f", "on"]
    static let numberNames = ["n"]
    static let listNames = ["items", "kids"]
    static let viewNames = ["v", "w"]
    static let missingNames = ["zz", "nope"]
    static let texts = [
        "plain", "<b>&amp;</b>", "\"quoted\" and 'single'", "é — ü, 日本", "<\u{301}x", "\u{600}<y", "a&\u{200D}b",
        "", "line\nbreak", "🙂&", ">", "a'b\"c<d>e&f",
    ]
    static let chunks = [
        "Hello", " ", "<p class=\"x\">", "</p>", "&", "é", "—", "'", "\"", ">", "<", "}", "x}}y", "  ", "\t", "日本",
    ]

    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(state: seed) }

    mutating func makeCase() -> GeneratedCase {
        var templates: [String: String] = [:]
        templates["p2"] = body(depth: 2, top: .view, partials: [], blocks: random.chance(30))
        templates["p1"] = body(depth: 2, top: .view, partials: ["p2"], blocks: random.chance(30))
        templates["layout"] = body(depth: 2, top: .view, partials: ["p1", "p2"], blocks: true)
        var main = body(depth: 3, top: .view, partials: ["p1", "p2"], blocks: false)
        if random.chance(35) {
            var child = "{{<layout}}" + random.pick(["", "\n", "\n  "])
            for block in ["b1", "b2"] where random.chance(60) {
                // No partials in an override: a partial that expands the same block would recurse forever
                // (swift-mustache then overflows its stack).
                child += "{{$\(block)}}" + random.pick(["", "\n"]) + body(depth: 2, top: .view, partials: [],
                                                                       blocks: false)
                child += "{{/\(block)}}" + random.pick(["", "\n", "  \n"])
            }
            main = child + "{{/layout}}" + random.pick(["", "\n"]) + main
        }
        templates["main"] = main
        return GeneratedCase(templates: templates, view: view(depth: 3))
    }

    enum Top { case view, scalar, unknown }

    private mutating func body(depth: Int, top: Top, partials: [String], blocks: Bool) -> String {
        var text = ""
        for _ in 0..<(depth + random.below(6)) {
            text += piece(depth: depth, top: top, partials: partials, blocks: blocks)
        }
        return text
    }

    private mutating func piece(depth: Int, top: Top, partials: [String], blocks: Bool) -> String {
        let lineStart = random.chance(30)
        let indent = lineStart ? random.pick(["", " ", "  ", "\t"]) : ""
        let lineEnd = lineStart ? random.pick(["\n", "\n", "\r\n", " \n"]) : ""
        let prefix = lineStart ? "\n" + indent : ""
        switch random.below(12) {
        case 0, 1:
            return random.pick(Self.chunks) + (random.chance(25) ? "\n" : "")
        case 2, 3:
            return prefix + variable(top: top) + lineEnd
        case 4...6 where depth > 0:
            let inverted = random.chance(30)
            let name = random.pick(Self.textNames + Self.flagNames + Self.numberNames + Self.listNames
                                   + Self.viewNames + Self.missingNames + ["v.t", "v.items", "w.on"])
            let inner: Top = inverted ? .unknown
                : Self.textNames.contains(name) || Self.numberNames.contains(name) || name == "v.t" ? .scalar
                : Self.flagNames.contains(name) || name == "w.on" ? top
                : Self.missingNames.contains(name) ? .unknown : .view
            let open = "{{\(inverted ? "^" : "#")\(name)}}"
            let content = body(depth: depth - 1, top: inner, partials: partials, blocks: blocks)
            let closeIndent = random.chance(50) ? indent : ""
            return prefix + open + lineEnd + content + (lineStart ? "\n" + closeIndent : "") + "{{/\(name)}}" + lineEnd
        case 7:
            return prefix + "{{! a comment\nover lines }}" + lineEnd
        case 8 where !partials.isEmpty:
            return prefix + "{{> \(random.pick(partials))}}" + lineEnd
        case 9 where blocks && depth > 0:
            let name = random.pick(["b1", "b2"])
            return prefix + "{{$\(name)}}" + lineEnd + body(depth: depth - 1, top: top, partials: partials, blocks: false)
                + "{{/\(name)}}" + lineEnd
        case 10 where top == .scalar:
            return prefix + random.pick(["{{.}}", "{{{.}}}", "{{ . }}"]) + lineEnd
        default:
            return random.pick(Self.chunks)
        }
    }

    private mutating func variable(top: Top) -> String {
        let name = random.pick(Self.textNames + Self.flagNames + Self.numberNames + Self.missingNames
                               + ["v.t", "v.w.title", "w.n", ".t", "items.t", "v.zz"])
        switch random.below(4) {
        case 0: return "{{{\(name)}}}"
        case 1: return "{{&\(name)}}"
        case 2: return "{{ \(name) }}"
        default: return "{{\(name)}}"
        }
    }

    private mutating func view(depth: Int) -> TestView {
        var values: [String: TemplateValue] = [:]
        for name in Self.textNames where random.chance(75) { values[name] = .text(random.pick(Self.texts)) }
        for name in Self.flagNames where random.chance(75) { values[name] = .flag(random.chance(50)) }
        for name in Self.numberNames where random.chance(50) { values[name] = .number(random.below(3) - 1) }
        if depth > 0 {
            for name in Self.listNames where random.chance(65) {
                values[name] = .list((0..<random.below(4)).map { _ in view(depth: depth - 1) })
            }
            for name in Self.viewNames where random.chance(65) { values[name] = .view(view(depth: depth - 1)) }
        }
        return TestView(values)
    }
}
