// What search.mustache sees: every page A to Z, so the page is useful before (or without) JavaScript.

public struct SearchPageView: TemplateContext, Equatable {
    public struct Letter: TemplateContext, Equatable {
        public var letter: String
        public var items: [Card]

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "letter": .text(letter)
            case "items": .list(items)
            default: nil
            }
        }
    }

    public var chrome: Chrome
    public var topics: [Letter]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "topics" ? .list(topics) : chrome.templateValue(name)
    }
}
