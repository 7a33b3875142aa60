// The index after an edit: the changed documents' postings are replaced, and only what they touched is scored and encoded again.

extension SearchIndex {
    /// What `update(to:)` did: the files to write and remove, and counts of the work, for callers and tests.
    public struct Update: Sendable, Equatable {
        /// New files and files whose bytes changed, sorted by path. Files not listed are unchanged.
        public var written: [File] = []
        /// Files no longer in the index (fewer shards, chunks or word lengths), sorted.
        public var removed: [String] = []
        /// Documents whose analysis differed from the one the index held.
        public var changedDocuments = 0
        /// Terms whose postings were scored again.
        public var scoredTerms = 0
        /// Term shards encoded again (some may come out the same bytes, and are then not in `written`).
        public var encodedShards = 0
        /// True when results were added, removed or renamed, which renumbers them: the whole index was assembled again.
        public var reassembled = false
    }

    /// Brings the index to what `SearchIndex(analyses, synonyms:)` gives, byte for byte, redoing only what changed.
    ///
    /// When every changed document keeps its results' URLs, the results keep their numbers: the changed results'
    /// postings are replaced, their terms are scored again, and only the shards, chunks and lists holding
    /// something that changed are encoded again. A change in a field's total length changes the average
    /// that BM25 normalises by, so then every term is scored again (cheap), though most come out the same.
    /// Adding, removing or renaming a page renumbers the results after it, so the index is assembled again.
    public mutating func update(to analyses: [SearchAnalysis], synonyms: Synonyms? = nil, threads: Int? = nil) -> Update {
        let changed = analyses.count == self.analyses.count ? analyses.indices.filter { analyses[$0] != self.analyses[$0] } : []
        let keepsNumbers = analyses.count == self.analyses.count && changed.allSatisfy { index in
            analyses[index].results.map(\.result.url) == self.analyses[index].results.map(\.result.url)
        }
        guard keepsNumbers else {
            let before = encodedFiles()
            self = SearchIndex(analyses, synonyms: synonyms ?? self.synonyms, language: language, threads: threads)
            var update = Self.difference(from: before, to: encodedFiles())
            update.changedDocuments = analyses.count
            update.scoredTerms = order.count
            update.encodedShards = shards.count
            update.reassembled = true
            return update
        }
        var update = Update(changedDocuments: changed.count)
        let before = (order: order, shards: shards, chunks: chunks, words: words, entryPoint: entryPoint,
                      averages: averageLengths)
        var touched: Set<Int32> = []
        var newLengths: [Int] = []
        var dirtyChunks: Set<Int> = []
        for document in changed {
            for (item, (old, new)) in zip(self.analyses[document].results, analyses[document].results).enumerated() {
                let number = Int(numbers[document][item])
                if old.result != new.result {
                    results[number] = new.result
                    dirtyChunks.insert(number / Self.resultsPerChunk)
                }
                let rescore = old.lengths != new.lengths || old.result.prior != new.result.prior
                if old.lengths != new.lengths {
                    for field in 0..<SearchField.count {
                        lengthTotals[field] += new.lengths[field] - old.lengths[field]
                        lengths[number * SearchField.count + field] = new.lengths[field]
                    }
                    newLengths.append(number)
                }
                touched.formUnion(replaceOccurrences(of: Int32(number), old: old, new: new, rescoreAll: rescore))
            }
            self.analyses[document] = analyses[document]
        }
        if let synonyms { self.synonyms = synonyms }

        let averages = averageLengths
        if averages != before.averages {
            scorer.norms = makeScorer().norms
        } else {
            for number in newLengths {
                for field in 0..<SearchField.count {
                    let index = number * SearchField.count + field
                    scorer.norms[index] = Self.norm(length: lengths[index], field: field, averages: averages)
                }
            }
        }
        scorer.priors = results.map(\.prior)
        let rescored: [Int32]
        if averages != before.averages {
            // A field's average length is in the scores of the terms found in that field only (a term found in no
            // title keeps its scores when titles get longer); finding them is a scan with no allocation.
            let fields = SearchField.allCases.filter { averages[$0.rawValue] != before.averages[$0.rawValue] }
            let (occurrences, touched) = (occurrences, touched)
            let affected = order.parallelMap(threads: threads) { term in
                touched.contains(term) || occurrences[Int(term)].contains { occurrence in
                    fields.contains { occurrence.counts[$0] > 0 }
                }
            }
            rescored = zip(order, affected).compactMap { $1 ? $0 : nil }
        } else {
            rescored = touched.filter { !occurrences[Int($0)].isEmpty }
        }
        let changedEntries = rescore(rescored, threads: threads)
        for term in touched where occurrences[Int(term)].isEmpty {
            scored[Int(term)] = .none
            entries[Int(term)] = []
        }
        update.scoredTerms = rescored.count

        reencodeShards(since: before.order, before.shards, changedEntries: changedEntries, into: &update)
        for number in dirtyChunks.sorted() {
            chunks[number] = encodeChunk(number)
            if chunks[number] != before.chunks[number] {
                update.written.append(File(path: Self.chunkPath(number, chunks[number]), bytes: chunks[number]))
                update.removed.append(Self.chunkPath(number, before.chunks[number]))
            }
        }
        if order != before.order {
            words = encodeWords()
            for (length, bytes) in words where before.words[length] != bytes {
                update.written.append(File(path: Self.wordsPath(length, bytes), bytes: bytes))
            }
            update.removed += before.words.filter { words[$0.key] != $0.value }.map { Self.wordsPath($0.key, $0.value) }
        }
        entryPoint = encodeEntryPoint()
        if entryPoint != before.entryPoint { update.written.append(File(path: Self.entryPointPath, bytes: entryPoint)) }
        update.written.sort { $0.path < $1.path }
        update.removed.sort()
        return update
    }

    /// Replaces one result's occurrences (`old` to `new`) in its terms' lists; returns the terms whose lists changed.
    /// With `rescoreAll`, every term of the result counts as changed (its length or prior, and so its scores, did).
    private mutating func replaceOccurrences(of number: Int32, old: SearchAnalysis.Result, new: SearchAnalysis.Result,
                                             rescoreAll: Bool) -> Set<Int32>
    {
        var touched: Set<Int32> = []
        var oldCounts: [String: FieldCounts] = [:]
        for (index, term) in old.terms.enumerated() {
            oldCounts[term] = FieldCounts(old.counts[(index * SearchField.count)..<((index + 1) * SearchField.count)])
        }
        for (index, term) in new.terms.enumerated() {
            let counts = FieldCounts(new.counts[(index * SearchField.count)..<((index + 1) * SearchField.count)])
            let previous = oldCounts.removeValue(forKey: term)
            guard previous != counts || rescoreAll else { continue }
            let termNumber = self.number(of: term)
            let position = Self.position(of: number, in: occurrences[Int(termNumber)])
            if previous == nil {
                if occurrences[Int(termNumber)].isEmpty { insertIntoOrder(termNumber) }
                occurrences[Int(termNumber)].insert(Occurrence(result: number, counts: counts), at: position)
            } else {
                occurrences[Int(termNumber)][position].counts = counts
            }
            touched.insert(termNumber)
        }
        for term in oldCounts.keys {
            let termNumber = termNumbers.value(for: term)!
            occurrences[Int(termNumber)].remove(at: Self.position(of: number, in: occurrences[Int(termNumber)]))
            if occurrences[Int(termNumber)].isEmpty { order.remove(at: orderPosition(of: vocabulary[Int(termNumber)])) }
            touched.insert(termNumber)
        }
        return touched
    }

    /// The term's number, given one if it is new.
    private mutating func number(of term: String) -> Int32 {
        let number = termNumbers.value(for: term, storingIfNew: Int32(vocabulary.count))
        guard number == vocabulary.count else { return number }
        vocabulary.append(term)
        occurrences.append([])
        scored.append(.none)
        entries.append([])
        return number
    }

    /// Where `result` is or would go in a list sorted by result.
    private static func position(of result: Int32, in list: [Occurrence]) -> Int {
        list.partitionPoint { $0.result < result }
    }

    /// Where `term` is or would go in `order`.
    private func orderPosition(of term: String) -> Int {
        order.partitionPoint { SearchOrder.utf16Precedes(vocabulary[Int($0)], term) }
    }

    private mutating func insertIntoOrder(_ term: Int32) {
        order.insert(term, at: orderPosition(of: vocabulary[Int(term)]))
    }

    /// Scores the terms again and re-encodes the entries that changed; returns those terms.
    private mutating func rescore(_ terms: [Int32], threads: Int?) -> Set<Int32> {
        let scorer = scorer
        let occurrences = occurrences
        let vocabulary = vocabulary
        let previous = scored
        let redone = terms.parallelMap(threads: threads) { term -> (ScoredTerm, [UInt8])? in
            let new = scorer.score(occurrences[Int(term)])
            return new == previous[Int(term)] ? nil : (new, Self.entry(vocabulary[Int(term)], new))
        }
        var changed: Set<Int32> = []
        for (term, redone) in zip(terms, redone) {
            guard let (new, entry) = redone else { continue }
            scored[Int(term)] = new
            entries[Int(term)] = entry
            changed.insert(term)
        }
        return changed
    }

    /// Lays the shards out again and encodes those whose terms or entries changed.
    private mutating func reencodeShards(since oldOrder: [Int32], _ oldShards: [Shard], changedEntries: Set<Int32>,
                                         into update: inout Update)
    {
        var shards: [Shard] = []
        for (number, (start, count)) in layOutShards().enumerated() {
            let terms = order[start..<(start + count)]
            if number < oldShards.count, oldShards[number].count == count,
                oldOrder[oldShards[number].start..<(oldShards[number].start + count)].elementsEqual(terms),
                !terms.contains(where: changedEntries.contains)
            {
                shards.append(Shard(start: start, count: count, bytes: oldShards[number].bytes))
                continue
            }
            let bytes = encodeShard(start: start, count: count)
            update.encodedShards += 1
            shards.append(Shard(start: start, count: count, bytes: bytes))
            if number >= oldShards.count || oldShards[number].bytes != bytes {
                update.written.append(File(path: Self.shardPath(number, bytes), bytes: bytes))
                if number < oldShards.count { update.removed.append(Self.shardPath(number, oldShards[number].bytes)) }
            }
        }
        update.removed += (shards.count..<Swift.max(shards.count, oldShards.count)).map { Self.shardPath($0, oldShards[$0].bytes) }
        self.shards = shards
    }

    /// The files of `after` that are new or differ from `before`, and the paths of `before` that are gone.
    static func difference(from before: [File], to after: [File]) -> Update {
        let old = Dictionary(before.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let new = Set(after.map(\.path))
        return Update(written: after.filter { old[$0.path] != $0.bytes },
                      removed: before.map(\.path).filter { !new.contains($0) }.sorted())
    }
}
