// Reads the front matter fields of a page's history: `moved_from`, `updated` and `changes`.

extension Document {
    /// Each old address, checked and normalised (`MovedPath`); one error per bad path, at the path itself.
    static func parseMovedFrom(_ fields: inout YAMLFields) -> [Located<String>] {
        var paths: [Located<String>] = []
        for item in fields.strings("moved_from") {
            switch MovedPath.normalise(item.value) {
            case .success(let path):
                if paths.contains(where: { $0.value == path }) {
                    fields.diagnostics.append(
                        .error(fields.path, line: item.line, column: item.column,
                               "the old address \"\(item.value)\" is given twice in `moved_from`",
                               fix: "keep one of them"))
                } else {
                    paths.append(Located(path, line: item.line, column: item.column))
                }
            case .failure(let problem):
                fields.diagnostics.append(
                    .error(fields.path, line: item.line, column: item.column,
                           "the old address \"\(item.value)\" in `moved_from` \(problem.message)",
                           fix: "write the old path on this site without the base path, for example /articles/old-name/"))
            }
        }
        return paths
    }

    /// `updated`, with a warning when it is before the last review: a review looks at the page as it is, so the
    /// text cannot have changed last before it (the dates are probably swapped or one is stale).
    static func parseUpdated(_ fields: inout YAMLFields, lastReviewed: Day?) -> Located<Day>? {
        guard let day = fields.day("updated") else { return nil }
        let updated = Located(day, line: fields.line(of: "updated"), column: fields.column(of: "updated"))
        if let lastReviewed, day < lastReviewed {
            fields.diagnostics.append(
                .warning(fields.path, line: updated.line, column: updated.column,
                         "`updated` (\(day)) is before `last_reviewed` (\(lastReviewed))",
                         fix: "set `updated` to the day the text last changed, or remove it if the review was the last change"))
        }
        return updated
    }

    /// `changes`: a list of `date` + `text`, returned newest first (same-day changes keep their order).
    static func parseChanges(_ fields: inout YAMLFields) -> [Change] {
        var changes: [Change] = []
        for var item in fields.mappings("changes", what: "changes (`- date: 2026-05-01` with `text: …`)") {
            item.rejectUnknownKeys(allowed: ["date", "text"], what: "a change")
            let date = item.day("date", required: true)
            let text = item.string("text", required: true, hint: "one plain sentence saying what changed")
            fields.diagnostics += item.diagnostics
            if let date, let text { changes.append(Change(date: date, text: text)) }
        }
        return changes.enumerated().sorted { ($1.element.date, $0.offset) < ($0.element.date, $1.offset) }.map(\.element)
    }
}
