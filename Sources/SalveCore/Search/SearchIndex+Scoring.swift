// BM25F: each field's length against the average, each term's IDF, and the best postings of very common terms.
import Foundation

extension SearchIndex {
    /// What scoring one term needs from the whole index.
    struct Scorer: Sendable {
        /// `norms[result * SearchField.count + field]`: BM25's length normalisation of that field in that result.
        var norms: [Double]
        var priors: [Double]
        var resultCount: Int

        /// The term's IDF and its postings, from the results that hold it.
        func score(_ occurrences: [Occurrence]) -> ScoredTerm {
            scored(occurrences.map { posting(result: Int($0.result), counts: $0.counts) })
        }

        /// The term's IDF, and its postings (every result that holds it, in result order) cut to the best.
        func scored(_ postings: [Posting]) -> ScoredTerm {
            guard !postings.isEmpty else { return .none }
            let total = Double(resultCount)
            let found = Double(postings.count)
            let idf = Swift.max(1, Int((log(1 + (total - found + 0.5) / (found + 0.5)) * 100).rounded()))
            return ScoredTerm(idf: idf, postings: postings.count > SearchIndex.maxPostings ? Self.best(postings) : postings)
        }

        /// The weight of a term in one result, from how often it is in each of the result's fields.
        func posting(result: Int, counts: FieldCounts) -> Posting {
            let norm = result * SearchField.count
            // Field by field in `SearchField` order, as the sum has always been taken, so the rounding is the same.
            var weighted = 0.0
            if counts.title > 0 { weighted += SearchField.title.weight * Double(counts.title) / norms[norm] }
            if counts.alsoCalled > 0 { weighted += SearchField.alsoCalled.weight * Double(counts.alsoCalled) / norms[norm + 1] }
            if counts.headings > 0 { weighted += SearchField.headings.weight * Double(counts.headings) / norms[norm + 2] }
            if counts.summary > 0 { weighted += SearchField.summary.weight * Double(counts.summary) / norms[norm + 3] }
            if counts.body > 0 { weighted += SearchField.body.weight * Double(counts.body) / norms[norm + 4] }
            let score = priors[result] * weighted * (SearchIndex.k1 + 1) / (weighted + SearchIndex.k1)
            return Posting(result: result, score: Swift.max(1, Int((score * 100).rounded())))
        }

        /// The best `maxPostings` (by score, then the earlier result), in result order. Scores are small whole
        /// numbers, so counting them finds the cut without sorting.
        static func best(_ postings: [Posting]) -> [Posting] {
            let top = postings.lazy.map(\.score).max() ?? 0
            guard top < 1 << 16 else {
                let best = postings.sorted { ($0.score, $1.result) > ($1.score, $0.result) }.prefix(SearchIndex.maxPostings)
                return best.sorted { $0.result < $1.result }
            }
            var withScore = [Int](repeating: 0, count: top + 1)
            for posting in postings { withScore[posting.score] += 1 }
            var above = 0
            var cut = top
            while above + withScore[cut] < SearchIndex.maxPostings {
                above += withScore[cut]
                cut -= 1
            }
            var ties = SearchIndex.maxPostings - above
            var best: [Posting] = []
            best.reserveCapacity(SearchIndex.maxPostings)
            for posting in postings where posting.score >= cut {
                if posting.score == cut {
                    guard ties > 0 else { continue }
                    ties -= 1
                }
                best.append(posting)
            }
            return best
        }
    }

    /// Each field's average length over every result (at least 1), to three significant digits. BM25 does not
    /// need it finer, and rounded, an edit to one page of thousands leaves it as it was, so the preview rescores
    /// only that page's terms instead of every term of the index.
    var averageLengths: [Double] {
        lengthTotals.map { Self.threeDigits(Swift.max(1, Double($0) / Double(Swift.max(1, results.count)))) }
    }

    static func threeDigits(_ value: Double) -> Double {
        let scale = pow(10, (log10(value)).rounded(.down) - 2)
        return (value / scale).rounded() * scale
    }

    func makeScorer() -> Scorer {
        let averages = averageLengths
        var norms = [Double](repeating: 0, count: lengths.count)
        for index in norms.indices {
            norms[index] = Self.norm(length: lengths[index], field: index % SearchField.count, averages: averages)
        }
        return Scorer(norms: norms, priors: results.map(\.prior), resultCount: results.count)
    }

    static func norm(length: Int, field: Int, averages: [Double]) -> Double {
        let b = SearchField(rawValue: field)!.lengthNormalisation
        return 1 - b + b * Double(length) / averages[field]
    }
}
