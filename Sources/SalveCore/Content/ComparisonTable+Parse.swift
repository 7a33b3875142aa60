// Reads a comparison's `criteria` and `treatments` rows, checking each row against the criteria.
import Yams

extension ComparisonTable {
    static func parse(_ fields: inout YAMLFields) -> ComparisonTable? {
        var criteria: [Criterion] = []
        for var item in fields.mappings("criteria", what: "criteria") {
            item.rejectUnknownKeys(allowed: ["key", "label"], what: "a criterion")
            let key = item.string("key", required: true, hint: "a short name such as `mechanism`")
            let label = item.string("label", required: true, hint: "the column heading, such as \"How it works\"")
            fields.diagnostics += item.diagnostics
            if let key, let label {
                if criteria.contains(where: { $0.key == key }) || ["name", "article", "type"].contains(key) {
                    fields.diagnostics.append(
                        .error(fields.path, line: item.line, "the criterion key `\(key)` is used twice or is reserved",
                               fix: "give each criterion its own key (not `name`, `article` or `type`)"))
                } else {
                    criteria.append(Criterion(key: key, label: label))
                }
            }
        }
        if fields.node("criteria") == nil {
            fields.missing("criteria", hint: "a list of `- key: …` / `label: …` items, the table's columns")
        }
        if fields.node("treatments") == nil {
            fields.missing("treatments", hint: "a list of rows, each with `name` and one value per criterion")
        }
        // Counted before any row is read: each cell goes through cmark-gfm on its own.
        if case .sequence(let items)? = fields.node("treatments"), items.count * max(criteria.count, 1) > TableSize.maxCells {
            fields.diagnostics.append(
                .error(fields.path, line: fields.line(of: "treatments"),
                       "this comparison has \(items.count * max(criteria.count, 1)) cells; a table can have at most \(TableSize.maxCells)",
                       fix: "split it into several comparisons"))
            return ComparisonTable(criteria: criteria, rows: [])
        }
        let allowed = Set(criteria.map(\.key)).union(["name", "article", "type"])
        var rows: [Row] = []
        for var item in fields.mappings("treatments", what: "treatments") {
            item.rejectUnknownKeys(allowed: allowed, what: "a treatment row")
            let name = item.string("name", required: true, hint: "the treatment's name")
            let kind = item.treatmentKind()
            if let name { item.checkFolderName(of: name, key: "treatments", line: item.line(of: "name")) }
            var articleLink: Located<String>? = nil
            if let article = item.string("article") {
                articleLink = Located(article, line: item.line(of: "article"), column: item.column(of: "article"))
            }
            var cells: [Cell] = []
            for criterion in criteria {
                cells.append(cell(criterion.key, in: &item, rowName: name ?? "this treatment"))
            }
            fields.diagnostics += item.diagnostics
            if let name {
                rows.append(Row(name: name, kind: kind, article: articleLink, cells: cells, line: item.line))
            }
        }
        return ComparisonTable(criteria: criteria, rows: rows)
    }

    private static func cell(_ key: String, in item: inout YAMLFields, rowName: String) -> Cell {
        guard item.keys.contains(key) else {
            // A mistyped key is reported once, as unknown with a suggestion.
            guard !item.wasSuggested(key) else { return .unknown }
            item.diagnostics.append(
                .error(item.path, line: item.line, "\(rowName) gives no value for `\(key)`",
                       fix: "add `\(key): …`, or `\(key): null` when it is not known"))
            return .unknown
        }
        guard let node = item.node(key) else { return .unknown }
        if case .scalar = node { return .text(item.string(key) ?? "") }
        return .list(item.strings(key).map(\.value))
    }
}
