// One page of the output before templates: which template renders it, where it goes, and what it sees.

/// Every kind of root view a page template gets.
public enum View: Sendable, Equatable {
    case page(PageView)
    case listing(ListingView)
    case home(HomeView)
    case glossary(GlossaryView)
    case search(SearchPageView)
    case notFound(Chrome)

    public var context: any TemplateContext {
        switch self {
        case .page(let view): view
        case .listing(let view): view
        case .home(let view): view
        case .glossary(let view): view
        case .search(let view): view
        case .notFound(let view): view
        }
    }
}

/// A page to render: its output path, its template (`article`, `list`, …) and its view. The view is boxed, as
/// `Page` is: a view is fifty strings, and the preview copies and compares ten thousand of them per rebuild.
public struct ViewFile: Sendable, Equatable {
    public var path: String
    public var template: String
    private let box: Box

    private final class Box: Sendable {
        let view: View
        init(_ view: View) { self.view = view }
    }

    public init(path: String, template: String, view: View) {
        self.path = path
        self.template = template
        box = Box(view)
    }

    public var view: View { box.view }

    /// The same view handed on from the last build: equal without reading it.
    func isSame(as other: ViewFile) -> Bool { box === other.box && path == other.path && template == other.template }

    public static func == (a: ViewFile, b: ViewFile) -> Bool {
        a.path == b.path && a.template == b.template && (a.box === b.box || a.view == b.view)
    }
}
