// Keeps a build's output short when one kind of warning hits many pages: the first few in full, then one line.
// `salve check` lists every one; `salve build` prints the digest.

/// Warnings to print in full, and one summary line per kind that was cut short.
public struct WarningDigest: Sendable, Equatable {
    public var shown: [Diagnostic]
    public var summaries: [String]

    /// Groups warnings by kind (their fix, which is the same for every warning of one kind); a kind found on more
    /// than `limit` pages keeps its first `keep` warnings. Errors are always shown.
    public init(_ diagnostics: [Diagnostic], limit: Int = 10, keep: Int = 3) {
        var byKind: [String: [Diagnostic]] = [:]
        var order: [String] = []
        for diagnostic in diagnostics where diagnostic.severity == .warning {
            let kind = diagnostic.fix ?? diagnostic.message
            if byKind[kind] == nil { order.append(kind) }
            byKind[kind, default: []].append(diagnostic)
        }
        var cut: Set<String> = []
        summaries = []
        for kind in order {
            let found = byKind[kind]!
            let pages = Set(found.map(\.path)).count
            guard pages > limit else { continue }
            cut.insert(kind)
            let keptPages = Set(found.prefix(keep).map(\.path)).count
            summaries.append(
                "… and \(Self.grouped(pages - keptPages)) more pages with the warning \"\(Self.label(found[0].message))\": "
                    + "run salve check to list them")
        }
        var kept: [String: Int] = [:]
        shown = diagnostics.filter { diagnostic in
            guard diagnostic.severity == .warning else { return true }
            let kind = diagnostic.fix ?? diagnostic.message
            guard cut.contains(kind) else { return true }
            kept[kind, default: 0] += 1
            return kept[kind]! <= keep
        }
    }

    /// The general part of a message: what comes before its first colon ("review overdue: next review was due on …").
    private static func label(_ message: String) -> String {
        message.split(separator: ":", maxSplits: 1).first.map(String.init) ?? message
    }

    /// 9997 as "9,997".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
