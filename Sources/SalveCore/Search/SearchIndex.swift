// The search index: every page and every FAQ question as a result, and each term's postings with BM25F scores.
import Foundation

/// The parts of a result that search looks at, strongest first.
public enum SearchField: Int, CaseIterable, Sendable {
    case title, alsoCalled, headings, summary, body

    static let count = allCases.count

    /// How much a match here counts against a match in the body.
    var weight: Double {
        switch self {
        case .title, .alsoCalled: 6
        case .headings: 2.5
        case .summary: 2
        case .body: 1
        }
    }

    /// BM25's length normalisation: short fields (a title) are barely normalised, long ones fully.
    var lengthNormalisation: Double {
        switch self {
        case .title, .alsoCalled: 0.3
        case .headings, .summary, .body: 0.75
        }
    }
}

/// One thing a search can find: a page, or one question on a FAQ page (which links to its anchor).
public struct SearchResult: Sendable, Equatable {
    public var url: String
    /// Article, FAQ or Comparison; a FAQ question is a FAQ.
    public var kind: String
    public var title: String
    /// The text shown under the title, with matched words marked by the browser.
    public var snippet: String
    public var lastReviewed: String
    /// A multiplier on every score: a FAQ page is a list of questions that are results of their own,
    /// so it ranks a little below an article about the same thing.
    public var prior: Double = 1
}

/// A result containing a term, with the term's precomputed weight in that result.
public struct Posting: Sendable, Equatable {
    // Kept in 32 bits each: a cold build holds a posting for every term of every result at once.
    private let storedResult: Int32
    private let storedScore: Int32

    public var result: Int { Int(storedResult) }
    /// BM25F's term-frequency part (0 to k1 + 1) times 100, rounded, at least 1: whole numbers keep the
    /// JSON short. The browser multiplies it by the term's IDF, or, for synonyms, by the IDF of the word
    /// typed, so that a rare synonym does not outrank the word the patient asked for.
    public var score: Int { Int(storedScore) }

    public init(result: Int, score: Int) {
        (storedResult, storedScore) = (Int32(result), Int32(score))
    }
}

/// The index assembled from the analyses of every document, with its files encoded. It keeps what it was
/// made from, so `update(to:)` can bring it up to date after an edit by redoing only what the edit touched.
public struct SearchIndex: Sendable {
    /// Sorted by URL; a posting's `result` is an index into this.
    public internal(set) var results: [SearchResult]
    public internal(set) var synonyms: Synonyms
    /// The language the analyses were made in (their analyzer's), which the browser needs to make the same terms.
    public internal(set) var language: SearchLanguage
    /// The content hashes of the files as last encoded (`encodedFiles()`).
    let hashes = FileHashes()

    /// BM25 saturation: how quickly repeats of a word stop adding to the score.
    static let k1 = 3.0
    /// A word found in thousands of results keeps its best this many: a query never needs more to rank the top.
    static let maxPostings = 1000
    /// Snippets of FAQ answers are cut to about this many characters, at a word boundary.
    static let snippetLength = 200

    /// One result holding a term, with how often the term is in each of its fields.
    struct Occurrence: Sendable, Equatable {
        var result: Int32
        var counts: FieldCounts
    }

    /// A count for each field, by `SearchField.rawValue`.
    struct FieldCounts: Sendable, Equatable {
        var title: UInt16, alsoCalled: UInt16, headings: UInt16, summary: UInt16, body: UInt16

        init<Counts: RandomAccessCollection<UInt16>>(_ counts: Counts) where Counts.Index == Int {
            let start = counts.startIndex
            (title, alsoCalled, headings, summary, body) =
                (counts[start], counts[start + 1], counts[start + 2], counts[start + 3], counts[start + 4])
        }

        subscript(field: SearchField) -> UInt16 {
            switch field {
            case .title: title
            case .alsoCalled: alsoCalled
            case .headings: headings
            case .summary: summary
            case .body: body
            }
        }
    }

    // What the index was made from.
    var analyses: [SearchAnalysis]
    /// For each analysis, the number (the position in `results`) of each of its results.
    var numbers: [[Int32]]
    /// Each result's field lengths, `lengths[result * SearchField.count + field]`.
    var lengths: [Int]
    /// Each field's length summed over every result.
    var lengthTotals: [Int]

    // The terms.
    /// Each term's number, by its UTF-8 bytes.
    var termNumbers: ByteTable
    var vocabulary: [String]
    /// Per term number: every result that holds it, in result order (a term may be left with none after an edit).
    var occurrences: [[Occurrence]]
    /// The numbers of the terms found in some result, in UTF-16 order (the browser's `<` on strings).
    var order: [Int32]

    /// Each result's length normalisation and prior.
    var scorer: Scorer

    // What the files are made from.
    /// Per term number: its IDF times 100, and the postings it keeps.
    var scored: [ScoredTerm]
    /// Per term number: `"term":[idf,result,score,gap,score,…]`, its entry in a term shard.
    var entries: [[UInt8]]
    var shards: [Shard]
    /// Each result chunk's bytes.
    var chunks: [[UInt8]]
    /// Each word list's bytes, by word length.
    var words: [Int: [UInt8]]
    var entryPoint: [UInt8]

    /// A term's IDF and the postings kept for it.
    struct ScoredTerm: Sendable, Equatable {
        var idf: Int
        var postings: [Posting]

        static let none = ScoredTerm(idf: 0, postings: [])
    }

    /// A run of terms in `order`, written as one file.
    struct Shard: Sendable, Equatable {
        var start: Int
        var count: Int
        var bytes: [UInt8]
    }

    /// One file of the index.
    public struct File: Sendable, Equatable {
        /// Inside the output folder: `search-index.json` or under `search/`.
        public var path: String
        public var bytes: [UInt8]
    }

    /// Each term's postings, sorted by result. Very common terms keep only their best `maxPostings`.
    public var postings: [String: [Posting]] {
        Dictionary(uniqueKeysWithValues: order.map { (vocabulary[Int($0)], scored[Int($0)].postings) })
    }

    /// Each term's inverse document frequency times 100, rounded.
    public var idf: [String: Int] {
        Dictionary(uniqueKeysWithValues: order.map { (vocabulary[Int($0)], scored[Int($0)].idf) })
    }

    /// Analyses the documents (on every core) in `language` and assembles the index. `synonyms` must have been made
    /// in the same language (`Synonyms(names:language:)`), so that their terms are the index's.
    /// - Parameter updatable: false for an index that is written once and let go (a cold build), whose analyses
    ///   go while they are inverted; `update` then makes it afresh.
    public static func make(from documents: [SearchDocument], synonyms: Synonyms = .empty,
                            language: SearchLanguage = .english, threads: Int? = nil, updatable: Bool = true) -> SearchIndex
    {
        SearchIndex(analyze(documents, language: language, threads: threads), synonyms: synonyms, language: language,
                    threads: threads, updatable: updatable)
    }

    /// The analysis of each document, on every core, each worker with an analyzer of its own.
    public static func analyze(_ documents: [SearchDocument], language: SearchLanguage = .english,
                               threads: Int? = nil) -> [SearchAnalysis]
    {
        documents.parallelMap(threads: threads, state: { SearchAnalyzer(language: language) }) { analyzer, document in
            analyzer.analyze(document)
        }
    }

    /// Assembles the index from every document's analysis, in the documents' order; `language` is the one the
    /// analyses were made in (`SearchAnalyzer.language`).
    /// - Parameter updatable: false keeps neither the analyses nor the terms' occurrences, which only `update`
    ///   reads: each result's terms go as soon as they are inverted, so the index is not built on top of them.
    public init(_ analyses: consuming [SearchAnalysis], synonyms: Synonyms = .empty,
                language: SearchLanguage = .english, threads: Int? = nil, updatable: Bool = true)
    {
        self.synonyms = synonyms
        self.language = language
        var numbered: [SearchAnalysis.Result]
        (numbered, numbers) = Self.number(analyses, threads: threads)
        self.analyses = updatable ? analyses : []
        _ = consume analyses
        results = numbered.parallelMap(threads: threads) { $0.result }
        var lengths: [Int] = []
        lengths.reserveCapacity(numbered.count * SearchField.count)
        for result in numbered { lengths += result.lengths }
        var totals = [Int](repeating: 0, count: SearchField.count)
        for (index, length) in lengths.enumerated() { totals[index % SearchField.count] += length }
        self.lengths = lengths
        lengthTotals = totals
        (termNumbers, vocabulary, occurrences, order) = (ByteTable(), [], [], [])
        scorer = Scorer(norms: [], priors: [], resultCount: 0)
        scored = []
        entries = []
        shards = []
        chunks = []
        words = [:]
        entryPoint = []
        let scorer = makeScorer()
        self.scorer = scorer
        let (termNumbers, vocabulary, found) = Self.numberTerms(&numbered, releasing: !updatable, threads: threads)
        self.termNumbers = termNumbers
        self.vocabulary = vocabulary
        if updatable {
            occurrences = Self.occurrences(of: numbered, found: found)
            scored = occurrences.parallelMap(threads: threads) { scorer.score($0) }
        } else {
            // Scored as they are inverted: the occurrences, which only `update` reads, are never made.
            occurrences = []
            scored = Self.scoredTerms(of: &numbered, found: found, scorer: scorer, threads: threads)
        }
        order = Array(0..<Int32(vocabulary.count))
        order.sort { SearchOrder.utf16Precedes(vocabulary[Int($0)], vocabulary[Int($1)]) }
        entries = Array(zip(vocabulary, scored)).parallelMap(threads: threads) { Self.entry($0.0, $0.1) }
        shards = layOutShards().map { Shard(start: $0.start, count: $0.count, bytes: encodeShard(start: $0.start, count: $0.count)) }
        chunks = Array(0..<chunkCount).parallelMap(threads: threads) { [self] in encodeChunk($0) }
        words = encodeWords()
        // The entry point names every file by its hash: hashed on every core first (FileHashes keeps them).
        _ = Array(shards.indices).parallelMap(threads: threads) { [self] in shardHash($0) }
        _ = Array(chunks.indices).parallelMap(threads: threads) { [self] in chunkHash($0) }
        entryPoint = encodeEntryPoint()
    }

    /// The results of every analysis sorted by URL, and the number (the position in that order) each got.
    static func number(_ analyses: [SearchAnalysis], threads: Int? = nil) -> ([SearchAnalysis.Result], [[Int32]]) {
        // Each result by its analysis and place in it, and the URLs in one buffer, so that sorting compares bytes
        // and moves integers, not strings; the results are copied once, into their sorted places, on every core
        // (a copy retains every string and array of a result, cold in memory since the analysis made it).
        var places: [(analysis: Int, result: Int)] = []
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        for (analysis, item) in analyses.enumerated() {
            for (place, result) in item.results.enumerated() {
                var url = result.result.url
                url.withUTF8 { url in
                    spans.append((bytes.count, url.count))
                    bytes.append(contentsOf: url)
                }
                places.append((analysis, place))
            }
        }
        var sorted = Array(0..<Int32(places.count))
        bytes.withUnsafeBufferPointer { bytes in
            sorted.sort { a, b in
                let (x, y) = (spans[Int(a)], spans[Int(b)])
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + x.start, bytes.baseAddress! + y.start, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        var numberOf = [Int32](repeating: 0, count: places.count)
        for (number, index) in sorted.enumerated() { numberOf[Int(index)] = Int32(number) }
        var numbers: [[Int32]] = []
        var next = 0
        for analysis in analyses {
            numbers.append(Array(numberOf[next..<(next + analysis.results.count)]))
            next += analysis.results.count
        }
        let numbered = sorted.parallelMap(threads: threads) { [places] index in
            let place = places[Int(index)]
            return analyses[place.analysis].results[place.result]
        }
        return (numbered, numbers)
    }

    /// Where each result's terms are, numbered: `terms[i]` of each result in turn is term `numbers[next + i]`.
    struct FoundTerms {
        var numbers: [Int32]
        /// How many results hold each term, by term number.
        var results: [Int32]
    }

    /// Numbers every term of every result, in result order, and counts the results that hold each.
    /// Runs of results are numbered on every core, each run's terms in the order they first appear in it; then the
    /// runs' vocabularies are merged in run order, which gives every term the number one pass in result order gives.
    /// - Parameter releasing: empty each result's terms once they are numbered.
    static func numberTerms(_ numbered: inout [SearchAnalysis.Result], releasing: Bool, threads: Int? = nil)
        -> (ByteTable, [String], FoundTerms)
    {
        let runLength = 256
        let count = numbered.count
        var runs = numbered.withUnsafeMutableBufferPointer { buffer in
            // Each run reads and empties its own results only.
            nonisolated(unsafe) let results = buffer
            return Array(stride(from: 0, to: count, by: runLength)).parallelMap(threads: threads) { start in
                var table = ByteTable()
                var run = (vocabulary: [String](), numbers: [Int32]())
                for number in start..<Swift.min(start + runLength, count) {
                    for term in results[number].terms {
                        let termNumber = table.value(for: term, storingIfNew: Int32(run.vocabulary.count))
                        if termNumber == run.vocabulary.count { run.vocabulary.append(term) }
                        run.numbers.append(termNumber)
                    }
                    if releasing { results[number].terms = [] }
                }
                return run
            }
        }
        var termNumbers = ByteTable()
        var vocabulary: [String] = []
        var found = FoundTerms(numbers: [], results: [])
        // Made at its size: grown by doubling, its last copy and the one it outgrew would both be in memory.
        found.numbers.reserveCapacity(runs.reduce(0) { $0 + $1.numbers.count })
        for index in runs.indices {
            let numbers = runs[index].vocabulary.map { term in
                let termNumber = termNumbers.value(for: term, storingIfNew: Int32(vocabulary.count))
                if termNumber == vocabulary.count {
                    vocabulary.append(term)
                    found.results.append(0)
                }
                return termNumber
            }
            for local in runs[index].numbers {
                let termNumber = numbers[Int(local)]
                found.numbers.append(termNumber)
                found.results[Int(termNumber)] += 1
            }
            runs[index] = ([], [])
        }
        return (termNumbers, vocabulary, found)
    }

    /// Every term's list of the results that hold it, in result order. Each list is made at its size: lists grown by
    /// appending leave the heap full of the smaller buffers they outgrew.
    static func occurrences(of numbered: [SearchAnalysis.Result], found: FoundTerms) -> [[Occurrence]] {
        var occurrences = found.results.map { count in
            var list: [Occurrence] = []
            list.reserveCapacity(Int(count))
            return list
        }
        var next = 0
        for (number, result) in numbered.enumerated() {
            result.counts.withUnsafeBufferPointer { counts in
                for start in stride(from: 0, to: counts.count, by: SearchField.count) {
                    let fieldCounts = FieldCounts(counts[start..<(start + SearchField.count)])
                    occurrences[Int(found.numbers[next])].append(Occurrence(result: Int32(number), counts: fieldCounts))
                    next += 1
                }
            }
        }
        return occurrences
    }

    /// Every term's IDF and postings, scored straight from the results' counts, each emptied once read. A run of
    /// results at a time is scored on every core, its counts let go on the workers, and its postings dealt to their
    /// terms in result order (on every core, each worker its share of the terms); then each term's postings are cut
    /// to the best on every core. (All results scored at once held every posting twice before they were dealt:
    /// 301 MiB at 10,000 pages.)
    static func scoredTerms(of numbered: inout [SearchAnalysis.Result], found: FoundTerms, scorer: Scorer,
                            threads: Int?) -> [ScoredTerm]
    {
        var postings = found.results.map { count in
            var list: [Posting] = []
            list.reserveCapacity(Int(count))
            return list
        }
        var next = 0
        let runLength = 1024
        for runStart in stride(from: 0, to: numbered.count, by: runLength) {
            var counts = (runStart..<Swift.min(runStart + runLength, numbered.count)).map { number in
                defer { numbered[number].counts = [] }
                return (number: number, counts: numbered[number].counts)
            }
            let scored = counts.parallelMapEmptying(threads: threads) { number, counts in
                stride(from: 0, to: counts.count, by: SearchField.count).map { start in
                    scorer.posting(result: number, counts: FieldCounts(counts[start..<(start + SearchField.count)]))
                }
            }
            // Each worker deals the postings of its own share of the terms, so no two touch one list, and every
            // list still gets its postings in result order.
            let (first, shares) = (next, threads ?? ProcessInfo.processInfo.activeProcessorCount)
            postings.withUnsafeMutableBufferPointer { lists in
                nonisolated(unsafe) let lists = lists
                _ = Array(0..<shares).parallelMap(threads: threads) { share in
                    var next = first
                    for result in scored {
                        for posting in result {
                            let term = Int(found.numbers[next])
                            if term % shares == share { lists[term].append(posting) }
                            next += 1
                        }
                    }
                }
            }
            next += scored.reduce(0) { $0 + $1.count }
        }
        return postings.parallelMapEmptying(threads: threads) { scorer.scored($0) }
    }

    static func shorten(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            // ASCII without `\r` has one character per byte (`\r\n` is one character): count bytes, not characters.
            // Only the bytes up to the cut and the one after it (which could join the last) need to be such.
            guard bytes.count > snippetLength else { return text }
            guard bytes[...snippetLength].allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return shorten(characters: text) }
            let cut = UnsafeBufferPointer(rebasing: bytes[..<snippetLength])
            let end = cut.lastIndex(of: UInt8(ascii: " ")) ?? cut.endIndex
            return String(decoding: cut[..<end], as: UTF8.self) + "…"
        }
    }

    private static func shorten(characters text: String) -> String {
        guard text.count > snippetLength else { return text }
        let cut = text.prefix(snippetLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
