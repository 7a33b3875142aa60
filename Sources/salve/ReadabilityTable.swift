// `salve check --readability`: each page's reading level as a table with padded columns, numbers right-aligned.
import SalveCore

enum ReadabilityTable {
    static func text(_ report: [(String, Readability)]) -> String {
        let header = ["page", "words", "sentences", "minutes", "flesch_ease", "flesch_kincaid", "smog"]
        let rows = report.map { path, score in
            [path, "\(score.words)", "\(score.sentences)", "\(score.readingMinutes)",
             Readability.display(score.fleschReadingEase), Readability.display(score.fleschKincaidGrade),
             Readability.display(score.smogGrade)]
        }
        return table(header, rows)
    }

    /// Spanish pages: Fernández-Huerta, Szigriszt-Pazos and its INFLESZ band.
    static func text(_ report: [(String, SpanishReadability)]) -> String {
        let header = ["page", "words", "sentences", "minutes", "fernandez_huerta", "szigriszt_pazos", "inflesz"]
        let rows = report.map { path, score in
            [path, "\(score.words)", "\(score.sentences)", "\(score.readingMinutes)",
             Readability.display(score.fernandezHuerta), Readability.display(score.szigrisztPazos), score.band.rawValue]
        }
        return table(header, rows)
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // The page path reads left to right; numbers line up on their last digit.
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).map { $0.droppingTrailingSpaces() + "\n" }.joined()
    }
}

extension String {
    fileprivate func droppingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
