// The index as files: an entry point, term shards, result chunks and word lists, so a query fetches only what it needs.

extension SearchIndex {
    /// A term shard is closed once its JSON passes this many bytes (a very common term can make one larger).
    static let shardBytes = 12_000
    /// Results per chunk file: ten results, the first page of answers, cost at most ten small fetches.
    static let resultsPerChunk = 10
    static let folder = "search/"

    /// `search-index.json` and everything under `search/` (beside the search page's own `search/index.html`).
    ///
    /// - `search-index.json`: where the rest is, the first term of each term shard, the synonym groups.
    /// - `search/terms/N.json`: `{term: [idf, result, score, result gap, score, …]}` for a sorted range of terms.
    /// - `search/results/N.json`: `[[url, kind, title, snippet, last reviewed], …]` for results N×10 to N×10+9.
    /// - `search/words/L.json`: every term of L letters without digits, for typo tolerance (fetched only when a word
    ///   has no match).
    public func files() -> [OutputFile] {
        var files: [OutputFile] = []
        // UTF-16 order, so the browser's `<` on strings agrees with the shard boundaries.
        let terms = postings.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        var boundaries: [JSONValue] = []
        var shard: [String] = []
        var shardFirst = ""
        var shardSize = 0
        func closeShard() {
            guard !shard.isEmpty else { return }
            files.append(OutputFile("\(Self.folder)terms/\(boundaries.count).json", .text("{" + shard.joined(separator: ",") + "}")))
            boundaries.append(.string(shardFirst))
            shard = []
            shardSize = 0
        }
        for term in terms {
            var numbers = [String(idf[term]!)]
            var previous = 0
            for posting in postings[term]! {
                numbers.append(String(posting.result - previous))
                numbers.append(String(posting.score))
                previous = posting.result
            }
            let entry = JSONValue.string(term).scriptSafeJSON() + ":[" + numbers.joined(separator: ",") + "]"
            if shard.isEmpty { shardFirst = term }
            shard.append(entry)
            shardSize += entry.utf8.count + 1
            if shardSize >= Self.shardBytes { closeShard() }
        }
        closeShard()

        for start in stride(from: 0, to: results.count, by: Self.resultsPerChunk) {
            let chunk = results[start..<Swift.min(start + Self.resultsPerChunk, results.count)].map { result -> JSONValue in
                [.string(result.url), .string(result.kind), .string(result.title), .string(result.snippet),
                 .string(result.lastReviewed)]
            }
            files.append(OutputFile("\(Self.folder)results/\(start / Self.resultsPerChunk).json",
                                    .text(JSONValue.array(chunk).scriptSafeJSON())))
        }

        var byLength: [Int: [String]] = [:]
        // Numbers are left out: a typo in a number is another number, and on big sites they fill these lists.
        for term in terms where !term.unicodeScalars.contains(where: SearchText.isDigit) {
            byLength[term.unicodeScalars.count, default: []].append(term)
        }
        for (length, words) in byLength {
            files.append(OutputFile("\(Self.folder)words/\(length).json",
                                    .text(JSONValue.array(words.map(JSONValue.string)).scriptSafeJSON())))
        }

        let entry: JSONValue = [
            "version": .number(2),
            "terms": ["path": .string(Self.folder + "terms/"), "first": .array(boundaries)],
            "results": [
                "path": .string(Self.folder + "results/"), "count": .number(Double(results.count)),
                "chunk": .number(Double(Self.resultsPerChunk)),
            ],
            "words": [
                "path": .string(Self.folder + "words/"),
                "lengths": .array(byLength.keys.sorted().map { .number(Double($0)) }),
            ],
            "synonyms": .array(synonyms.groups.map { group in
                .array(group.map { phrase in .array(phrase.map(JSONValue.string)) })
            }),
        ]
        files.append(OutputFile("search-index.json", .text(entry.scriptSafeJSON() + "\n")))
        return files.sorted { $0.path < $1.path }
    }
}
