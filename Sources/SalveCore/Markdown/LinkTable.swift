// Where every content file ends up, so links written to `.md` files can be rewritten to page URLs.
import Synchronization

/// Maps content files to their pages' site paths.
public struct LinkTable: Sendable {
    public let basePath: String
    /// `articles/ldn.md` -> `articles/ldn-fibromyalgia/` for every page in this build.
    let sitePaths: [String: String]
    /// Every `.md` file found, including drafts and files with errors: links to those are not "missing".
    let sources: Set<String>
    /// Drafts that parsed without errors and are left out of this build.
    let drafts: Set<String>
    /// The size of each image in content/media whose header gives one (`media/p.png` -> 640 x 480).
    let imageSizes: [String: ImageSize]

    /// For a translation's table: the default language's pages, which its links lead to when it has no page of
    /// its own at that path.
    var fallback: FallbackLinks? = nil
    /// Where content/media is published: the whole site's base path, also for a language under /CODE/.
    var mediaBasePath: String

    /// When set, every content path looked up is noted, so the preview knows which entries a page depends on.
    var reads: LinkReads? = nil

    public init(basePath: String, sitePaths: [String: String], sources: Set<String>, drafts: Set<String> = [],
                imageSizes: [String: ImageSize] = [:])
    {
        self.basePath = basePath
        self.sitePaths = sitePaths
        self.sources = sources
        self.drafts = drafts
        self.imageSizes = imageSizes
        self.mediaBasePath = basePath
    }

    /// All the table says about one content path: every lookup goes through here.
    func resolution(_ path: String) -> LinkResolution {
        // A translation's link goes to its own language's page when that is published, else to the default
        // language's page when that is (a draft translation does not hide its published source).
        if let fallback, sitePaths[path] == nil,
            fallback.sitePaths[path] != nil || (!sources.contains(path) && !drafts.contains(path))
        {
            let answer = LinkResolution(
                path: path, sitePath: fallback.sitePaths[path], isDraft: fallback.drafts.contains(path),
                exists: fallback.sources.contains(path), imageSize: imageSizes[path], basePath: fallback.basePath)
            reads?.note(answer)
            return answer
        }
        let answer = LinkResolution(
            // Most sites have few drafts and images: an empty table is not hashed into.
            path: path, sitePath: sitePaths[path], isDraft: !drafts.isEmpty && drafts.contains(path),
            exists: sources.contains(path), imageSize: imageSizes.isEmpty ? nil : imageSizes[path])
        reads?.note(answer)
        return answer
    }

    /// True when every lookup in `other` answers as in this table.
    func hasSameEntries(as other: LinkTable) -> Bool {
        basePath == other.basePath && sitePaths == other.sitePaths && sources == other.sources && drafts == other.drafts
            && imageSizes == other.imageSizes && fallback == other.fallback && mediaBasePath == other.mediaBasePath
    }

    /// A copy that notes its lookups in a fresh `LinkReads`.
    func recordingReads() -> LinkTable {
        var copy = self
        copy.reads = LinkReads()
        return copy
    }

    /// The href to write for `destination`, as `href(for:original:)` gives it; nil for a link to a file that has
    /// errors of its own, which is not checked: that file's error is the one root cause, and telling every linking
    /// page to remove its link would be wrong advice (the link is fine once the file is). Its target is looked up once.
    func checkedHref(for destination: LinkDestination, original: String) -> Result<String, Diagnostic>? {
        guard case .content(let path, let anchor) = destination else { return href(for: destination, original: original) }
        let target = resolution(path)
        return target.isBroken ? nil : href(to: target, anchor: anchor, original: original)
    }

    /// True for a `.md` file that was found but could not be parsed (and is not a draft).
    func isBroken(_ path: String) -> Bool {
        resolution(path).isBroken
    }

    /// The href to write for `destination`, or a message explaining why the link is broken.
    func href(for destination: LinkDestination, original: String) -> Result<String, Diagnostic> {
        switch destination {
        case .external(let url), .relative(let url):
            return .success(url)
        case .anchor(let id):
            return .success("#" + id)
        case .site(let path, let anchor):
            let base = path.hasPrefix(ContentSource.mediaFolder + "/") ? mediaBasePath : basePath
            return .success(base + path + (anchor.map { "#" + $0 } ?? ""))
        case .content(let path, let anchor):
            return href(to: resolution(path), anchor: anchor, original: original)
        }
    }

    private func href(to target: LinkResolution, anchor: String?, original: String) -> Result<String, Diagnostic> {
        let path = target.path
        if let sitePath = target.sitePath {
            return .success((target.basePath ?? basePath) + sitePath + (anchor.map { "#" + $0 } ?? ""))
        }
        if target.isDraft {
            return .failure(.error("", "the link \"\(original)\" points to content/\(path), which is a draft",
                                   fix: "publish that page (remove `draft: true`) or remove the link"))
        }
        if target.exists {
            return .failure(.error("", "the link \"\(original)\" points to content/\(path), which has errors",
                                   fix: "fix the errors in that page"))
        }
        return .failure(.error("", "the link \"\(original)\" points to content/\(path), which does not exist",
                               fix: "check the file name; links are relative to this file, for example ../faqs/ldn.md"))
    }
}

/// What a link table said about one content path.
struct LinkResolution: Sendable, Equatable {
    var path: String
    var sitePath: String?
    var isDraft: Bool
    var exists: Bool
    /// For an image in content/media (`media/p.png`): its width and height, when its header gives them.
    var imageSize: ImageSize? = nil
    /// The base path of the table that answered, when it is the fallback's (a translation linking to a page in
    /// the default language).
    var basePath: String? = nil

    var isBroken: Bool { sitePath == nil && !isDraft && exists }
}

/// The lookups one page made in a link table, in order (one page is rendered on one thread; the lock is for the
/// type system, and uncontended).
final class LinkReads: Sendable {
    private let answers = Mutex<[LinkResolution]>([])

    func note(_ answer: LinkResolution) { answers.withLock { $0.append(answer) } }

    var all: [LinkResolution] { answers.withLock { $0 } }
}

/// The default language's entries of a link table, for the tables of its translations.
struct FallbackLinks: Sendable, Equatable {
    var basePath: String
    var sitePaths: [String: String]
    var sources: Set<String>
    var drafts: Set<String>

    init(_ table: LinkTable) {
        basePath = table.basePath
        sitePaths = table.sitePaths
        sources = table.sources
        drafts = table.drafts
    }
}
