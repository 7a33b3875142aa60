// What a reload event names: the changed files, or every tab when unsure.
import Foundation
@testable import SalvePreview
import Testing

@Suite("reload scope")
struct ReloadScopeTests {
    @Test("written and deleted files are named together, sorted, once each")
    func namesChangedFiles() {
        let scope = ReloadScope(written: ["search-index.json", "articles/sleep/index.html"],
                                deleted: ["search/terms/3.ab12cd34.json", "articles/sleep/index.html"], wasBroken: false)
        #expect(scope == .paths(["articles/sleep/index.html", "search-index.json", "search/terms/3.ab12cd34.json"]))
        #expect(scope.map { LiveEvent.reload($0).wire }
            == #"event: reload\#ndata: {"paths":["articles/sleep/index.html","search-index.json","search/terms/3.ab12cd34.json"]}\#n\#n"#)
    }

    @Test("nothing changed, no event; a fixed build or too many files, every tab")
    func unsure() {
        #expect(ReloadScope(written: [], deleted: [], wasBroken: false) == nil)
        #expect(ReloadScope(written: [], deleted: [], wasBroken: true) == .all)
        #expect(ReloadScope(written: ["index.html"], deleted: [], wasBroken: true) == .all)
        let many = (0...ReloadScope.maximumPaths).map { "articles/a\($0)/index.html" }
        #expect(ReloadScope(written: many, deleted: [], wasBroken: false) == .all)
        #expect(ReloadScope(written: Array(many.dropLast()), deleted: [], wasBroken: false) == .paths(Array(many.dropLast()).sorted()))
        #expect(LiveEvent.reload(.all).wire == "event: reload\ndata: {\"all\":true}\n\n")
    }
}
