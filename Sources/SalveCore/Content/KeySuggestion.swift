// "Did you mean `reviewed_by`?": the known key (or command) closest to a mistyped one, when one stands out.

public enum KeySuggestion {
    /// The known key an editor most likely meant by `key`: the one nearest by edit distance (a swap of two
    /// neighbouring letters counts as one edit, case is ignored) when it is within 2 edits, or when it is
    /// clearly nearer than every other key (by at least 2 edits, and within a third of the key's length).
    /// Nil when no key is close or two keys are equally close.
    public static func closest(to key: String, among known: Set<String>) -> String? {
        let typed = Array(key.lowercased())
        let ranked = known.map { (key: $0, distance: distance(typed, Array($0.lowercased()))) }
            .sorted { ($0.distance, $0.key) < ($1.distance, $1.key) }
        guard let best = ranked.first else { return nil }
        let runnerUp = ranked.dropFirst().first?.distance ?? Int.max
        guard runnerUp > best.distance else { return nil }
        if best.distance <= 2 { return best.key }
        if best.distance * 3 <= typed.count, runnerUp >= best.distance + 2 { return best.key }
        return nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
