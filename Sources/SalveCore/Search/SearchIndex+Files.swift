// The index as files: an entry point, term shards, result chunks and word lists, so a query fetches only what it needs.
import Synchronization

extension SearchIndex {
    /// A term shard is closed once its JSON passes this many bytes (a very common term can make one larger).
    static let shardBytes = 12_000
    /// Results per chunk file: ten results, the first page of answers, cost at most ten small fetches.
    static let resultsPerChunk = 10
    static let folder = "search/"

    /// `search-index.json` and everything under `search/` (beside the search page's own `search/index.html`),
    /// sorted by path. Each file under `search/` carries the hash of its own bytes (`H`), listed in
    /// `search-index.json`: the entry point (served no-cache) and the files it names always come from one build,
    /// and a file whose bytes did not change keeps its name, so a rebuild uploads only what changed.
    ///
    /// - `search-index.json`: where the rest is, the first term and hash of each term shard, the hash of each
    ///   result chunk and word list, the synonym groups, and the language's code (`"language":"es"`) when it is not
    ///   English (an English index has no `language`, as before languages, and the browser reads none as English).
    /// - `search/terms/N.H.json`: `{term: [idf, result, score, result gap, score, …]}` for a sorted range of terms.
    /// - `search/results/N.H.json`: `[[url, kind, title, snippet, last reviewed], …]` for results N×10 to N×10+9.
    /// - `search/words/L.H.json`: every term of L letters without digits, for typo tolerance (fetched only when a
    ///   word has no match).
    public func encodedFiles() -> [File] {
        var files = shards.indices.map { File(path: Self.shardPath($0, hash: shardHash($0)), bytes: shards[$0].bytes) }
        files += chunks.indices.map { File(path: Self.chunkPath($0, hash: chunkHash($0)), bytes: chunks[$0]) }
        files += words.keys.map { File(path: Self.wordsPath($0, hash: wordsHash($0)), bytes: words[$0]!) }
        files.append(File(path: Self.entryPointPath, bytes: entryPoint))
        return files.sorted { $0.path < $1.path }
    }

    /// The same files as text, for the site's writer.
    public func files() -> [OutputFile] {
        encodedFiles().map { OutputFile($0.path, .text(String(decoding: $0.bytes, as: UTF8.self))) }
    }

    static let entryPointPath = "search-index.json"
    static func shardPath(_ number: Int, hash: String) -> String { "\(folder)terms/\(number).\(hash).json" }
    static func chunkPath(_ number: Int, hash: String) -> String { "\(folder)results/\(number).\(hash).json" }
    static func wordsPath(_ length: Int, hash: String) -> String { "\(folder)words/\(length).\(hash).json" }
    static func shardPath(_ number: Int, _ bytes: [UInt8]) -> String { shardPath(number, hash: ContentHash.of(bytes)) }
    static func chunkPath(_ number: Int, _ bytes: [UInt8]) -> String { chunkPath(number, hash: ContentHash.of(bytes)) }
    static func wordsPath(_ length: Int, _ bytes: [UInt8]) -> String { wordsPath(length, hash: ContentHash.of(bytes)) }

    /// The current files' hashes, from `hashes` (the names and the entry point both need them).
    func shardHash(_ number: Int) -> String { hashes.of("t\(number)", shards[number].bytes) }
    func chunkHash(_ number: Int) -> String { hashes.of("r\(number)", chunks[number]) }
    func wordsHash(_ length: Int) -> String { hashes.of("w\(length)", words[length]!) }

    /// A term's entry in its shard: `"term":[idf,result,score,gap,score,…]`.
    static func entry(_ term: String, _ scored: ScoredTerm) -> [UInt8] {
        var json = SearchJSON(capacity: 24 + scored.postings.count * 7)
        json.append(string: term)
        json.append(ascii: ":[")
        json.append(scored.idf)
        var previous = 0
        for posting in scored.postings {
            json.append(UInt8(ascii: ","))
            json.append(posting.result - previous)
            json.append(UInt8(ascii: ","))
            json.append(posting.score)
            previous = posting.result
        }
        json.append(UInt8(ascii: "]"))
        return json.bytes
    }

    /// Where each shard starts in `order` and how many terms it holds: a shard closes once it passes `shardBytes`.
    func layOutShards() -> [(start: Int, count: Int)] {
        var layout: [(start: Int, count: Int)] = []
        var start = 0
        var size = 0
        for (position, term) in order.enumerated() {
            size += entries[Int(term)].count + 1
            if size >= Self.shardBytes {
                layout.append((start, position + 1 - start))
                start = position + 1
                size = 0
            }
        }
        if start < order.count { layout.append((start, order.count - start)) }
        return layout
    }

    func encodeShard(start: Int, count: Int) -> [UInt8] {
        let terms = order[start..<(start + count)]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(terms.reduce(2) { $0 + entries[Int($1)].count + 1 })
        bytes.append(UInt8(ascii: "{"))
        for (index, term) in terms.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += entries[Int(term)]
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    var chunkCount: Int { (results.count + Self.resultsPerChunk - 1) / Self.resultsPerChunk }

    func encodeChunk(_ number: Int) -> [UInt8] {
        let start = number * Self.resultsPerChunk
        var json = SearchJSON(capacity: 2048)
        json.append(UInt8(ascii: "["))
        for (index, result) in results[start..<Swift.min(start + Self.resultsPerChunk, results.count)].enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            json.append(string: result.url)
            json.append(UInt8(ascii: ","))
            json.append(string: result.kind)
            json.append(UInt8(ascii: ","))
            json.append(string: result.title)
            json.append(UInt8(ascii: ","))
            json.append(string: result.snippet)
            json.append(UInt8(ascii: ","))
            json.append(string: result.lastReviewed)
            json.append(UInt8(ascii: "]"))
        }
        json.append(UInt8(ascii: "]"))
        return json.bytes
    }

    /// Each word list, by length. Numbers are left out: a typo in a number is another number, and on big sites
    /// they fill these lists.
    func encodeWords() -> [Int: [UInt8]] {
        var byLength: [Int: [String]] = [:]
        for number in order {
            let term = vocabulary[Int(number)]
            guard !term.unicodeScalars.contains(where: SearchText.isDigit) else { continue }
            byLength[term.unicodeScalars.count, default: []].append(term)
        }
        return byLength.mapValues { words in
            var json = SearchJSON(capacity: words.count * 10)
            json.append(strings: words)
            return json.bytes
        }
    }

    func encodeEntryPoint() -> [UInt8] {
        var entry: JSONValue = [
            "version": .number(3),
            "terms": [
                "path": .string(Self.folder + "terms/"),
                "first": .array(shards.map { .string(vocabulary[Int(order[$0.start])]) }),
                "files": .array(shards.indices.map { .string(shardHash($0)) }),
            ],
            "results": [
                "path": .string(Self.folder + "results/"), "count": .number(Double(results.count)),
                "chunk": .number(Double(Self.resultsPerChunk)),
                "files": .array(chunks.indices.map { .string(chunkHash($0)) }),
            ],
            "words": [
                "path": .string(Self.folder + "words/"),
                "lengths": .array(words.keys.sorted().map { .number(Double($0)) }),
                "files": .array(words.keys.sorted().map { .string(wordsHash($0)) }),
            ],
            "synonyms": .array(synonyms.groups.map { group in
                .array(group.map { phrase in .array(phrase.map(JSONValue.string)) })
            }),
        ]
        if language != .english, case .object(var members) = entry {
            members["language"] = .string(language.code)
            entry = .object(members)
        }
        return Array((entry.scriptSafeJSON() + "\n").utf8)
    }
}

/// Each search file's content hash, kept with the bytes it was taken of: the preview updates a few files of
/// thousands, and hashing every file twice per rebuild (names and the entry point) was a tenth of its time.
/// Shared by copies of an index; an entry is used only for the very same bytes, so sharing cannot give a wrong name.
final class FileHashes: Sendable {
    private let table = Mutex<[String: (bytes: [UInt8], hash: String)]>([:])

    func of(_ key: String, _ bytes: [UInt8]) -> String {
        if let kept = table.withLock({ $0[key] }), kept.bytes == bytes { return kept.hash }
        let hash = ContentHash.of(bytes)
        table.withLock { $0[key] = (bytes, hash) }
        return hash
    }
}
