// Checks that need every page at once: clashing URLs, links and anchors between pages, review dates.
import Synchronization

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
                return .error(document.sourcePath, line: link.line, column: link.column,
                              "\"\(link.value)\" is not a path to a content file",
                              fix: "write the path of a .md file relative to this file, for example ../faqs/ldn.md")
            }
            guard case .failure(var diagnostic) = table.checkedHref(for: destination, original: link.value)
            else { return nil }
            diagnostic.path = document.sourcePath
            diagnostic.line = link.line
            diagnostic.column = link.column
            return diagnostic
        }
    }

    /// Anchors and root-relative links of one page, checked once every page and its heading ids are known.
    static func brokenLinks(of page: Page, in site: SiteLookup) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in page.body.links {
            let problem: String?
            var fix = "check the spelling against the page's headings; anchors are lowercase with hyphens"
            switch link.destination {
            case .site(let path, _) where path.hasPrefix(ContentSource.mediaFolder + "/") && !site.hasOutput(path):
                problem = "the link \"\(link.written)\" points to content/\(path), which does not exist"
                fix = "check the file name and put the file in content/media/; a relative link starts from this file's folder, for example ../media/diagram.svg"
            case .anchor(let id):
                problem = site.anchors(of: page.document.contentPath)?.contains { $0.id == id } == false
                    ? "there is no heading with the anchor #\(id) on this page" : nil
            case .content(let path, let anchor?):
                problem = site.anchors(of: path).map { $0.contains { $0.id == anchor } } == false
                    ? "content/\(path) has no heading with the anchor #\(anchor)" : nil
            case .site(let path, _):
                problem = site.hasOutput(path) || site.hasOutput(path + "index.html") || site.hasOutput(path + "/index.html")
                    ? nil : "the link /\(path) points to no page or file of this site"
            default:
                problem = nil
            }
            if let problem {
                diagnostics.append(
                    .error(page.document.sourcePath, line: link.line, column: link.column, problem, fix: fix))
            }
        }
        return diagnostics
    }

    /// Puts one note on the first error of each file that failed to parse, counting the links to it that were not
    /// checked (Markdown links and front matter `related` / `article` links of the published pages).
    static func noteUncheckedLinks(_ diagnostics: [Diagnostic], pages: [Page], table: LinkTable) -> [Diagnostic] {
        // Only a file that failed to parse has links to note, and then it has an error: most builds have none.
        guard diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }
        var linking: [String: (links: Int, pages: Set<String>)] = [:]
        for page in pages {
            let document = page.document
            let frontMatter = (document.metadata.related + (document.table?.rows.compactMap(\.article) ?? []))
                .compactMap { try? LinkDestination.classify($0.value, from: document.contentPath).get() }
            for destination in page.body.links.map(\.destination) + frontMatter {
                guard case .content(let path, _) = destination, table.isBroken(path), path != document.contentPath
                else { continue }
                linking[path, default: (0, [])].links += 1
                linking[path, default: (0, [])].pages.insert(document.contentPath)
            }
        }
        guard !linking.isEmpty else { return diagnostics }
        var result = diagnostics
        for (path, found) in linking {
            let sourcePath = "content/" + path
            let errors = result.indices.filter { result[$0].path == sourcePath && result[$0].severity == .error }
            guard let first = errors.min(by: { result[$0] < result[$1] }) else { continue }
            let links = found.links == 1 ? "1 link" : "\(found.links) links"
            let others = found.pages.count == 1 ? "1 other page" : "\(found.pages.count) other pages"
            let verb = found.links == 1 ? "is" : "are"
            result[first].note = "\(links) to this page from \(others) \(verb) not checked until it is fixed"
        }
        return result
    }

    /// A warning for each page whose next review date has passed.
    static func overdueReview(_ page: Page, today: Day) -> [Diagnostic] {
        guard page.metadata.nextReview < today else { return [] }
        return [
            .warning(page.document.sourcePath, line: 1,
                     "review overdue: next review was due on \(page.metadata.nextReview)",
                     fix: "review the page, then update `last_reviewed` and `next_review`"),
        ]
    }
}

/// What a page's link check may ask of the rest of the site: another page's anchors, whether a file is made.
/// With a recorder, every question and its answer are noted, so the preview knows when the answer changes.
struct SiteLookup: Sendable {
    /// Each page's headings (their ids are the anchors), by path under content/.
    let anchors: [String: [Heading]]
    let outputPaths: Set<String>
    var recorder: LinkCheckReads? = nil

    func anchors(of path: String) -> [Heading]? {
        let answer = anchors[path]
        recorder?.note(.anchors(path: path, answer))
        return answer
    }

    func hasOutput(_ path: String) -> Bool {
        let answer = outputPaths.contains(path)
        recorder?.note(.outputPath(path, answer))
        return answer
    }

    func recording(into recorder: LinkCheckReads) -> SiteLookup {
        var copy = self
        copy.recorder = recorder
        return copy
    }

    /// True when `read` would get the same answer now.
    func answers(_ read: LinkCheckRead) -> Bool {
        switch read {
        case .anchors(let path, let answer): anchors[path] == answer
        case .outputPath(let path, let answer): outputPaths.contains(path) == answer
        }
    }
}

/// One answer a page's link check got from the rest of the site.
enum LinkCheckRead: Sendable, Equatable {
    case anchors(path: String, [Heading]?)
    case outputPath(String, Bool)
}

/// The questions one page's link check asked (one page is checked on one thread; the lock is uncontended).
final class LinkCheckReads: Sendable {
    private let reads = Mutex<[LinkCheckRead]>([])

    func note(_ read: LinkCheckRead) { reads.withLock { $0.append(read) } }

    var all: [LinkCheckRead] { reads.withLock { $0 } }
}
