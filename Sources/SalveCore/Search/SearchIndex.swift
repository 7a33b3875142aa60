// search-index.json: one entry per page and one per FAQ question, for the client-side search.
import Foundation

public struct SearchEntry: Codable, Sendable, Equatable {
    public var id: String
    public var url: String
    public var kind: String
    public var title: String
    public var summary: String
    public var headings: [String]
    public var text: String
    public var conditions: [String]
    public var treatments: [String]
    public var also_called: [String]
    public var last_reviewed: String
}

public struct SearchIndex: Codable, Sendable, Equatable {
    public var version = 1
    public var entries: [SearchEntry]

    /// Summaries of FAQ answers are cut to about this many characters, at a word boundary.
    static let answerSummaryLength = 200

    static func make(from site: Site) -> SearchIndex {
        var entries: [SearchEntry] = []
        for page in site.pages {
            let metadata = page.metadata
            let id = String(page.sitePath.dropLast())
            func entry(id: String, url: String, kind: String, title: String, summary: String, headings: [String], text: String)
                -> SearchEntry
            {
                SearchEntry(
                    id: id, url: url, kind: kind, title: title, summary: summary, headings: headings, text: text,
                    conditions: metadata.conditions, treatments: metadata.treatments, also_called: metadata.alsoCalled,
                    last_reviewed: metadata.lastReviewed.description)
            }
            entries.append(
                entry(id: id, url: site.url(page.sitePath), kind: page.kind.rawValue, title: metadata.title,
                      summary: metadata.summary, headings: page.body.headings.map(\.text), text: page.body.text))
            for section in page.body.sections where page.kind == .faq {
                entries.append(
                    entry(id: "\(id)#\(section.heading.id)", url: site.url(page.sitePath) + "#" + section.heading.id,
                          kind: "question", title: section.heading.text, summary: shorten(section.text),
                          headings: [], text: section.text))
            }
        }
        return SearchIndex(entries: entries.sorted { $0.id < $1.id })
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func shorten(_ text: String) -> String {
        guard text.count > answerSummaryLength else { return text }
        let cut = text.prefix(answerSummaryLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
