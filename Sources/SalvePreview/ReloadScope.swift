// Which open tabs a rebuild concerns: every tab, or the tabs that show or use one of the changed files. Each tab
// decides for itself (it knows its page and the files it links), so the server only names the files.

enum ReloadScope: Sendable, Equatable {
    /// Every tab reloads: a failed build was fixed (the tabs show an error over an old page), or too many files
    /// changed to name them all.
    case all
    /// Output paths as in the site folder (`articles/ldn/index.html`, `assets/style.3f9a1c2e.css`), written or
    /// deleted, sorted.
    case paths([String])

    /// More paths than this and the event says "all": an edit to a template or salve.yml rewrites every page,
    /// and sending thousands of names to every tab would cost more than the reload it saves.
    static let maximumPaths = 200

    /// The scope of a successful rebuild that wrote and deleted these paths; nil when nothing a tab could show
    /// changed.
    init?(written: [String], deleted: [String], wasBroken: Bool) {
        if wasBroken {
            self = .all
            return
        }
        let changed = Set(written).union(deleted)
        if changed.isEmpty { return nil }
        self = changed.count > Self.maximumPaths ? .all : .paths(changed.sorted())
    }
}
