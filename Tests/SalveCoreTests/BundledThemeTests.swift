// The theme inside the binary (for `salve init`) must be templates/ exactly; `make theme` regenerates it.
import Foundation
import Testing
@testable import SalveCore

@Suite("Bundled theme")
struct BundledThemeTests {
    @Test("the bundled theme holds every file of templates/, byte for byte (run `make theme` when this fails)")
    func matchesTemplates() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        var onDisk: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: templates.path) {
            var isFolder: ObjCBool = false
            let url = templates.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                !(path.split(separator: "/").last?.hasPrefix(".") ?? false)
            else { continue }
            onDisk[path] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(onDisk.keys.sorted() == BundledTheme.files.keys.sorted())
        for (path, text) in onDisk { #expect(BundledTheme.files[path] == text, "\(path) differs") }
    }
}

@Suite("Key suggestions")
struct KeySuggestionTests {
    @Test("a close key is suggested, a far or tied one is not")
    func suggestions() {
        let keys: Set<String> = ["reviewed_by", "last_reviewed", "next_review", "title", "summary"]
        #expect(KeySuggestion.closest(to: "reviewd_by", among: keys) == "reviewed_by")
        #expect(KeySuggestion.closest(to: "Title", among: keys) == "title")
        #expect(KeySuggestion.closest(to: "sumary", among: keys) == "summary")
        #expect(KeySuggestion.closest(to: "last_reveiwed", among: keys) == "last_reviewed")
        #expect(KeySuggestion.closest(to: "colour", among: keys) == nil)
        #expect(KeySuggestion.closest(to: "ab", among: ["ac", "ad"]) == nil)
    }
}
