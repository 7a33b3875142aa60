// What search.mustache sees: every page A to Z, so the page is useful before (or without) JavaScript.

public struct SearchPageView: TemplateContext, Equatable {
    public struct Letter: TemplateContext, Equatable {
        public var letter: String
        public var items: [Card]

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "letter": .text(letter)
            case "items": .list(of: items)
            default: nil
            }
        }
    }

    public var chrome: Chrome
    public var topics: [Letter]
    /// The words search.js shows, as JSON safe inside a `<script>` element, when they are not the English ones
    /// search.js has built in: `{{{search_texts}}}`.
    public var searchTexts: String? = nil

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "topics": .list(of: topics)
        case "search_texts": searchTexts.map(TemplateValue.text)
        default: chrome.templateValue(name)
        }
    }
}
