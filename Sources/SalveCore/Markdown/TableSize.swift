// A cheap upper bound on the cells of each Markdown table, checked before cmark-gfm sees a body: a 5 MB table
// of 5,000 columns took cmark-gfm 44 s and 1.4 GB, since it pads every row to the header's width.

enum TableSize {
    /// More cells than this in one table (a body table or a comparison) is refused.
    static let maxCells = 100_000

    /// The first table-like block (from a line holding `|` to the next blank line) whose line count times its
    /// widest line's `|` count plus one exceeds `maxCells`: its 0-based line in `markdown`, and the count
    /// when it passed the cap (the scan stops there).
    /// Lines without `|` inside the block count too, because GFM makes them rows padded to the header's width.
    static func oversized(_ markdown: String) -> (line: Int, cells: Int)? {
        // No table can have more rows than the text has lines, nor a row more cells than the text has pipes plus one.
        var text = markdown
        var (lines, allPipes) = (1, 1)
        text.withUTF8 { bytes in
            bytes.forEachOffset(of: UInt8(ascii: "\n")) { _ in lines += 1 }
            bytes.forEachOffset(of: UInt8(ascii: "|")) { _ in allPipes += 1 }
        }
        if lines * allPipes <= maxCells { return nil }
        var line = 0
        var blockStart: Int? = nil
        var rows = 0
        var widest = 0
        var pipes = 0
        var blank = true

        func endOfLine() -> (line: Int, cells: Int)? {
            if blank {
                blockStart = nil
                (rows, widest) = (0, 0)
            } else {
                if pipes > 0, blockStart == nil { blockStart = line }
                if blockStart != nil {
                    rows += 1
                    widest = max(widest, pipes + 1)
                    if rows * widest > maxCells, let start = blockStart { return (start, rows * widest) }
                }
            }
            (pipes, blank) = (0, true)
            line += 1
            return nil
        }

        for byte in markdown.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if let found = endOfLine() { return found }
            case UInt8(ascii: "|"):
                pipes += 1
                blank = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            default:
                blank = false
            }
        }
        return endOfLine()
    }
}
