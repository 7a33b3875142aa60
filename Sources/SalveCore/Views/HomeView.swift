// What home.mustache sees: the conditions, the treatments and the most recently reviewed pages.

public struct HomeView: TemplateContext, Equatable {
    public struct Home: TemplateContext, Equatable {
        public var conditions: [TermLink]
        public var treatments: [TermLink]
        /// Newest review first.
        public var latest: [Card]

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "conditions": .list(of: conditions)
            case "treatments": .list(of: treatments)
            case "latest": .list(of: latest)
            default: nil
            }
        }
    }

    public var chrome: Chrome
    public var home: Home

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "home" ? .view(home) : chrome.templateValue(name)
    }
}
