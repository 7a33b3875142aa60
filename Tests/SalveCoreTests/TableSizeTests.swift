// The cap on a Markdown table's cells, checked before cmark-gfm pads every row to the header's width.
import Testing
@testable import SalveCore

@Suite("Table size cap")
struct TableSizeTests {
    static func table(rows: Int, columns: Int) -> String {
        let row = "|" + String(repeating: " x |", count: columns)
        return (0..<rows).map { _ in row }.joined(separator: "\n")
    }

    @Test("a table over the cap is found at its first line, with the count when it passed")
    func overTheCap() throws {
        let markdown = "Intro.\n\n" + TableSizeTests.table(rows: 400, columns: 300)
        let found = try #require(TableSize.oversized(markdown))
        #expect(found.line == 2)
        #expect(found.cells > TableSize.maxCells && found.cells <= TableSize.maxCells + 301)
    }

    @Test("many lines and many pipes in small separate tables pass, though their product is over the cap")
    func smallTablesPass() {
        let markdown = (0..<200).map { _ in TableSizeTests.table(rows: 3, columns: 20) }.joined(separator: "\n\n")
        #expect(TableSize.oversized(markdown) == nil)
        #expect(TableSize.oversized(TableSizeTests.table(rows: 10, columns: 10)) == nil)
    }
}
