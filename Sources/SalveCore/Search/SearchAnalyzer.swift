// Documents to analyses: each field tokenized once, each distinct token stemmed once per analyzer, terms counted in place.

/// Analyses documents, remembering the term of every token it has met: a site has millions of words but
/// thousands of distinct ones, and stemming is the costly step. The memory only saves time:
/// `analyze(_:)` gives the same analysis for the same document whatever was analysed before.
/// One analyzer per thread (it is a mutable value, not shared).
public struct SearchAnalyzer {
    /// Each token met so far, with its term's number (or -1 for a stop word).
    private var tokens = ByteTable()
    private var terms: [String] = []
    private var termNumbers: [String: Int32] = [:]
    /// Per term number: the last result that counted it, and where in that result's list it is.
    private var lastSeen: [Int32] = []
    private var position: [Int32] = []
    private var serial: Int32 = 0

    public init() {}

    /// The document's results, each with its fields' lengths and its terms' counts.
    public mutating func analyze(_ document: SearchDocument) -> SearchAnalysis {
        SearchAnalysis(results: document.results().map { analyze($0.result, fields: $0.fields) })
    }

    private mutating func analyze(_ result: SearchResult, fields: [String]) -> SearchAnalysis.Result {
        if serial == .max {
            lastSeen = [Int32](repeating: 0, count: lastSeen.count)
            serial = 0
        }
        serial += 1
        var order: [Int32] = []
        var counts: [UInt32] = []
        var lengths = [Int](repeating: 0, count: SearchField.count)
        for (field, text) in fields.enumerated() where !text.isEmpty {
            var text = text
            text.withUTF8 { utf8 in
                if Self.isASCII(utf8) {
                    SearchText.forEachASCIIToken(in: utf8) { token in
                        count(term(of: token), field: field, order: &order, counts: &counts, lengths: &lengths)
                    }
                } else {
                    for var token in SearchText.tokens(String(decoding: utf8, as: UTF8.self)) {
                        let number = token.withUTF8 { term(of: $0) }
                        count(number, field: field, order: &order, counts: &counts, lengths: &lengths)
                    }
                }
            }
        }
        return SearchAnalysis.Result(result: result, lengths: lengths, terms: order.map { terms[Int($0)] }, counts: counts)
    }

    @inline(__always)
    private mutating func count(_ term: Int32, field: Int, order: inout [Int32], counts: inout [UInt32], lengths: inout [Int]) {
        guard term >= 0 else { return }
        let number = Int(term)
        if lastSeen[number] != serial {
            lastSeen[number] = serial
            position[number] = Int32(order.count)
            order.append(term)
            counts.append(contentsOf: repeatElement(0, count: SearchField.count))
        }
        counts[Int(position[number]) * SearchField.count + field] += 1
        lengths[field] += 1
    }

    /// The number of the token's term, or -1 for a stop word.
    @inline(__always)
    private mutating func term(of token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = ByteTable.hash(token)
        if let known = tokens.value(for: token, hash: hash) { return known }
        let number: Int32
        if let term = SearchText.term(String(decoding: token, as: UTF8.self)) {
            if let known = termNumbers[term] {
                number = known
            } else {
                number = Int32(terms.count)
                terms.append(term)
                termNumbers[term] = number
                lastSeen.append(0)
                position.append(0)
            }
        } else {
            number = -1
        }
        tokens.insert(token, hash: hash, value: number)
        return number
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        var any: UInt64 = 0
        while index + 8 <= raw.count {
            any |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            any |= UInt64(raw[index])
            index += 1
        }
        return any & 0x8080_8080_8080_8080 == 0
    }
}
