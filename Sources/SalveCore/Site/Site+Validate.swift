// Checks that need every page at once: clashing URLs, links and anchors between pages, review dates.

extension Site {
    /// Two pages may not share a URL; returns one error per clash, on the later file.
    static func duplicateURLs(in documents: [Document]) -> [Diagnostic] {
        var first: [String: Document] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if let other = first[document.sitePath] {
                diagnostics.append(
                    .error(document.sourcePath, line: 1,
                           "this page would have the same URL /\(document.sitePath) as \(other.sourcePath)",
                           fix: "give one of them a different `slug:`"))
            } else {
                first[document.sitePath] = document
            }
        }
        return diagnostics
    }

    /// `related` entries and comparison `article` links must name content that exists.
    static func frontMatterLinks(of document: Document, table: LinkTable) -> [Diagnostic] {
        let links = document.metadata.related + (document.table?.rows.compactMap(\.article) ?? [])
        return links.compactMap { link in
            let destination = try? LinkDestination.classify(link.value, from: document.contentPath).get()
            guard let destination, case .content = destination else {
                return .error(document.sourcePath, line: link.line,
                              "\"\(link.value)\" is not a path to a content file",
                              fix: "write the path of a .md file relative to this file, for example ../faqs/ldn.md")
            }
            guard case .failure(var diagnostic) = table.href(for: destination, original: link.value) else { return nil }
            diagnostic.path = document.sourcePath
            diagnostic.line = link.line
            return diagnostic
        }
    }

    /// Anchors and root-relative links, checked once every page and its heading ids are known.
    func brokenLinks(outputPaths: Set<String>) -> [Diagnostic] {
        let anchorsByPath = Dictionary(
            pages.map { ($0.document.contentPath, Set($0.body.headings.map(\.id))) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        for page in pages {
            for link in page.body.links {
                let problem: String?
                switch link.destination {
                case .anchor(let id):
                    problem = anchorsByPath[page.document.contentPath]?.contains(id) == false
                        ? "there is no heading with the anchor #\(id) on this page" : nil
                case .content(let path, let anchor?):
                    problem = anchorsByPath[path].map { $0.contains(anchor) } == false
                        ? "content/\(path) has no heading with the anchor #\(anchor)" : nil
                case .site(let path, _):
                    problem = outputPaths.contains(path) || outputPaths.contains(path + "index.html")
                        || outputPaths.contains(path + "/index.html")
                        ? nil : "the link /\(path) points to no page or file of this site"
                default:
                    problem = nil
                }
                if let problem {
                    diagnostics.append(
                        .error(page.document.sourcePath, line: link.line, problem,
                               fix: "check the spelling against the page's headings; anchors are lowercase with hyphens"))
                }
            }
        }
        return diagnostics
    }

    /// A warning for each page whose next review date has passed.
    func overdueReviews(today: Day) -> [Diagnostic] {
        pages.filter { $0.metadata.nextReview < today }.map { page in
            .warning(page.document.sourcePath, line: 1,
                     "review overdue: next review was due on \(page.metadata.nextReview)",
                     fix: "review the page, then update `last_reviewed` and `next_review`")
        }
    }
}
