// `salve new`: a new content file with every front matter field present and TODO placeholders to fill.
import Foundation

public enum NewPage {
    /// Writes a new page of `kind` titled `title` under `root`/content and returns its path from `root`.
    /// Never overwrites: throws when the file exists.
    public static func create(_ kind: ContentKind, title: String, root: URL, today: Day) throws -> String {
        let slug = HeadingIDs.slug(title)
        let path = "content/\(kind.folder)/\(slug).md"
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var interval = SiteConfig().reviewIntervalMonths
        if let data = FileManager.default.contents(atPath: root.appendingPathComponent("salve.yml").path) {
            interval = SiteConfig.parse(String(decoding: data, as: UTF8.self), path: "salve.yml").0.reviewIntervalMonths
        }
        let text = scaffold(kind, title: title, slug: slug, today: today, nextReview: today.adding(months: interval))
        do {
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            throw NewPageError.exists(path)
        }
        return path
    }

    public enum NewPageError: Error, CustomStringConvertible {
        case exists(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; choose another title or edit that file"
            }
        }
    }

    static func scaffold(_ kind: ContentKind, title: String, slug: String, today: Day, nextReview: Day) -> String {
        let quotedTitle = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var lines = [
            "---",
            "title: \(quotedTitle)",
            "summary: TODO One or two plain sentences that give the answer first.",
            "last_reviewed: \(today)",
            "reviewed_by: TODO Reviewer name, credentials",
            "next_review: \(nextReview)",
            "slug: \(slug)",
            "conditions: []",
        ]
        if kind != .comparison { lines.append("treatments: []") }
        lines += [
            "also_called: []",
            "tags: []",
            "references: []",
            "related: []",
            "draft: false",
        ]
        if kind == .comparison {
            lines += [
                "criteria:",
                "  - key: mechanism",
                "    label: How it works",
                "  - key: benefits",
                "    label: Possible benefits",
                "  - key: side_effects",
                "    label: Possible side effects",
                "treatments:",
                "  - name: TODO Treatment name",
                "    type: therapy",
                "    mechanism: TODO",
                "    benefits: [TODO]",
                "    side_effects: [TODO]",
            ]
        }
        lines.append("---")
        switch kind {
        case .article:
            lines += ["TODO Answer the question first, in one or two short paragraphs.", "", "## TODO First section", "",
                      "TODO Text."]
        case .faq:
            lines += ["TODO One sentence about what these questions cover.", "", "## TODO First question?", "",
                      "TODO Answer in two or three short sentences."]
        case .comparison:
            lines += ["TODO Say what the table compares and that everyone is different.", "", "## Notes", "",
                      "TODO Talk to your doctor about which treatments are right for you."]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
