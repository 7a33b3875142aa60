// Turns one content file's text into a Document, collecting every problem instead of stopping at the first.
import Yams

extension Document {
    static let sharedKeys: Set<String> = [
        "title", "summary", "last_reviewed", "reviewed_by", "next_review", "slug", "conditions",
        "treatments", "also_called", "tags", "references", "related", "draft", "weight",
        "moved_from", "updated", "changes",
    ]

    /// Parses `text` (valid UTF-8, `\n` line endings) of the file at `contentPath` under content/.
    static func parse(
        _ text: String, kind: ContentKind, contentPath: String, sourcePath: String, config: SiteConfig
    ) -> (Document?, [Diagnostic]) {
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: sourcePath) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let lineOffset = frontMatter.yamlLine - 1
        let root: Node?
        do {
            root = try QuickYAML.compose(frontMatter.yaml) ?? Yams.compose(yaml: frontMatter.yaml)
        } catch {
            return (nil, [yamlDiagnostic(error, path: sourcePath, lineOffset: lineOffset)])
        }
        guard root != nil else {
            return (nil, [.error(sourcePath, line: 1, "the front matter is empty",
                                 fix: "add at least title, summary, last_reviewed and reviewed_by")])
        }
        var fields = YAMLFields(root, path: sourcePath, lineOffset: lineOffset, what: "the front matter")
        let allowed = kind == .comparison ? sharedKeys.union(["criteria"]) : sharedKeys
        fields.rejectUnknownKeys(allowed: allowed, what: "the front matter")

        let title = fields.string("title", required: true, hint: "the page's question or topic")
        let summary = fields.string("summary", required: true, hint: "one or two plain sentences")
        let lastReviewed = fields.day("last_reviewed", required: true)
        let reviewedBy = fields.string("reviewed_by", required: true, hint: "name and credentials")
        let nextReview = fields.day("next_review")
        let slug = parseSlug(&fields, contentPath: contentPath)
        let table = kind == .comparison ? ComparisonTable.parse(&fields) : nil
        let treatments = kind == .comparison
            ? table?.rows.map { ($0.name, $0.kind) } ?? [] : parseTreatments(&fields)
        let metadata = Metadata(
            title: title ?? "", summary: summary ?? "",
            lastReviewed: lastReviewed ?? Day(year: 2000, month: 1, day: 1)!,
            reviewedBy: reviewedBy ?? "",
            nextReview: nextReview ?? (lastReviewed ?? Day(year: 2000, month: 1, day: 1)!)
                .adding(months: config.reviewIntervalMonths),
            slug: slug ?? "",
            conditions: parseConditions(&fields),
            treatments: treatments.map(\.0),
            treatmentKinds: Dictionary(
                treatments.compactMap { name, kind in kind.map { (name, $0) } }, uniquingKeysWith: { a, _ in a }),
            alsoCalled: fields.strings("also_called").map(\.value),
            tags: fields.strings("tags").map(\.value),
            references: parseReferences(&fields),
            related: fields.strings("related"),
            draft: fields.bool("draft") ?? false,
            weight: fields.int("weight"),
            movedFrom: parseMovedFrom(&fields),
            updated: parseUpdated(&fields, lastReviewed: lastReviewed),
            changes: parseChanges(&fields))

        let diagnostics = fields.diagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let document = Document(
            kind: kind, contentPath: contentPath, sourcePath: sourcePath, metadata: metadata,
            body: frontMatter.body, bodyLine: frontMatter.bodyLine, table: table, placeholders: placeholders(in: text))
        return (document, diagnostics)
    }

    /// Each line holding `TODO`, with the column where it starts, read from the text already in memory.
    static func placeholders(in text: String) -> [Located<String>] {
        // A byte search first: Foundation's `contains` on every page's whole text was 4% of a build.
        guard text.containsBytes(of: "TODO") else { return [] }
        var found: [Located<String>] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "TODO") else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            found.append(Located(String(line), line: index + 1, column: column))
        }
        return found
    }

    private static func parseConditions(_ fields: inout YAMLFields) -> [String] {
        let conditions = fields.strings("conditions")
        for condition in conditions { fields.checkFolderName(of: condition.value, key: "conditions", line: condition.line) }
        return conditions.map(\.value)
    }

    private static func parseSlug(_ fields: inout YAMLFields, contentPath: String) -> String? {
        if let slug = fields.string("slug") {
            guard slug.utf8.count <= YAMLFields.maxNameBytes else {
                fields.diagnostics.append(
                    .error(fields.path, line: fields.line(of: "slug"),
                           "the slug is \(slug.utf8.count) bytes long; a folder name can be at most \(YAMLFields.maxNameBytes)",
                           fix: "use a shorter slug of a few words, for example `ldn-fibromyalgia`"))
                return nil
            }
            guard isValidSlug(slug) else {
                fields.diagnostics.append(
                    .error(fields.path, line: fields.line(of: "slug"), "the slug \"\(slug)\" is not valid",
                           fix: "use only lowercase letters a-z, digits and hyphens, for example `ldn-fibromyalgia`"))
                return nil
            }
            return slug
        }
        let fileName = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        let stem = String(fileName.dropLast(3))
        guard isValidSlug(stem) else {
            fields.diagnostics.append(
                .error(fields.path, line: 1, "the file name \"\(fileName)\" cannot be used as the page's URL",
                       fix: "add a `slug:` field of lowercase letters a-z, digits and hyphens, or rename the file"))
            return nil
        }
        return stem
    }

    /// `treatments` items are names, or `name` + `type` (drug or therapy) for structured data.
    private static func parseTreatments(_ fields: inout YAMLFields) -> [(String, TreatmentKind?)] {
        guard let node = fields.node("treatments"), case .sequence(let items) = node,
            items.contains(where: { if case .mapping = $0 { true } else { false } })
        else {
            let names = fields.strings("treatments")
            for name in names { fields.checkFolderName(of: name.value, key: "treatments", line: name.line) }
            return names.map { ($0.value, nil) }
        }
        var treatments: [(String, TreatmentKind?)] = []
        for item in items {
            if case .scalar(let scalar) = item {
                let name = scalar.string.trimmingWhitespace()
                fields.checkPublishable(name, key: "treatments", line: fields.line(of: item))
                fields.checkFolderName(of: name, key: "treatments", line: fields.line(of: item))
                treatments.append((name, nil))
                continue
            }
            var entry = YAMLFields(item, path: fields.path, lineOffset: fields.lineOffset, what: "a treatment")
            entry.rejectUnknownKeys(allowed: ["name", "type"], what: "a treatment")
            let name = entry.string("name", required: true, hint: "the treatment's name")
            let kind = entry.treatmentKind()
            if let name { entry.checkFolderName(of: name, key: "treatments", line: entry.line(of: "name")) }
            fields.diagnostics += entry.diagnostics
            if let name { treatments.append((name, kind)) }
        }
        return treatments
    }

    private static func parseReferences(_ fields: inout YAMLFields) -> [Reference] {
        var references: [Reference] = []
        for var item in fields.mappings("references", what: "references") {
            item.rejectUnknownKeys(allowed: ["title", "publisher", "year", "url"], what: "a reference")
            let title = item.string("title", required: true, hint: "the title of the source")
            let reference = Reference(
                title: title ?? "", publisher: item.string("publisher"), year: item.string("year"),
                url: item.url("url"))
            fields.diagnostics += item.diagnostics
            if title != nil { references.append(reference) }
        }
        return references
    }

    static func yamlDiagnostic(_ error: Error, path: String, lineOffset: Int) -> Diagnostic {
        let fix = "check the indentation and quote text that contains `: ` or starts with a special character"
        switch error {
        case YamlError.scanner(_, let problem, let mark, _),
            YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return .error(path, line: mark.line + lineOffset, column: mark.column,
                          "the front matter is not valid YAML: \(problem)", fix: fix)
        default:
            return .error(path, line: lineOffset + 1, "the front matter is not valid YAML: \(error)", fix: fix)
        }
    }
}

/// A slug becomes a folder name and a URL segment, so it is kept to `[a-z0-9-]+`.
func isValidSlug(_ slug: String) -> Bool {
    !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
}
