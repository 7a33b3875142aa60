// Documents to analyses: each field tokenized once, each distinct token stemmed once per analyzer, terms counted in place.

/// Analyses documents, remembering the term of every token it has met: a site has millions of words but
/// thousands of distinct ones, and stemming is the costly step. The memory only saves time:
/// `analyze(_:)` gives the same analysis for the same document whatever was analysed before.
/// One analyzer per thread (it is a mutable value, not shared), and one language per analyzer.
public struct SearchAnalyzer {
    /// How tokens become terms: this language's stop words and stemmer.
    public let language: SearchLanguage
    /// Each token met so far, with its term's number (or -1 for a stop word).
    private var tokens = ByteTable()
    private var terms: [String] = []
    private var termNumbers: [String: Int32] = [:]
    /// Per term number: the last result that counted it (by `serial`), and its counts in that result so far.
    private var lastSeen: [Int32] = []
    private var tally: [UInt32] = []
    private var serial: Int32 = 0
    /// The term number of each token of the field being analysed (-1 for a stop word).
    private var found: [Int32] = []

    public init(language: SearchLanguage = .english) { self.language = language }

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
        var lengths = [Int](repeating: 0, count: SearchField.count)
        for (field, text) in fields.enumerated() where !text.isEmpty {
            // First every token's term, then the counting, which can then run on raw buffers.
            found.removeAll(keepingCapacity: true)
            var text = text
            text.withUTF8 { utf8 in
                if Self.isASCII(utf8) {
                    SearchText.forEachASCIIToken(in: utf8) { found.append(term(of: $0)) }
                } else {
                    for var token in SearchText.tokens(String(decoding: utf8, as: UTF8.self)) {
                        found.append(token.withUTF8 { term(of: $0) })
                    }
                }
            }
            lengths[field] = count(found, field: field, into: &order)
        }
        var counts: [UInt16] = []
        counts.reserveCapacity(order.count * SearchField.count)
        tally.withUnsafeMutableBufferPointer { tally in
            for term in order {
                let start = Int(term) * SearchField.count
                for index in start..<(start + SearchField.count) {
                    counts.append(UInt16(clamping: tally[index]))
                    tally[index] = 0
                }
            }
        }
        return SearchAnalysis.Result(result: result, lengths: lengths, terms: order.map { terms[Int($0)] }, counts: counts)
    }

    /// Adds the field's terms to the tally, appending each term the result has not had yet to `order`;
    /// returns the field's length in terms.
    private mutating func count(_ found: [Int32], field: Int, into order: inout [Int32]) -> Int {
        let serial = serial
        var length = 0
        lastSeen.withUnsafeMutableBufferPointer { lastSeen in
            tally.withUnsafeMutableBufferPointer { tally in
                for term in found where term >= 0 {
                    let number = Int(term)
                    if lastSeen[number] != serial {
                        lastSeen[number] = serial
                        order.append(term)
                    }
                    tally[number * SearchField.count + field] += 1
                    length += 1
                }
            }
        }
        return length
    }

    /// The number of the token's term, or -1 for a stop word.
    @inline(__always)
    private mutating func term(of token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let key = ByteTable.key(token)
        if let known = tokens.value(for: token, key: key) { return known }
        let number: Int32
        if let term = SearchText.term(String(decoding: token, as: UTF8.self), language: language) {
            if let known = termNumbers[term] {
                number = known
            } else {
                number = Int32(terms.count)
                terms.append(term)
                termNumbers[term] = number
                lastSeen.append(0)
                tally.append(contentsOf: repeatElement(0, count: SearchField.count))
            }
        } else {
            number = -1
        }
        tokens.insert(token, key: key, value: number)
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
