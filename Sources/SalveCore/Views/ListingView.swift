// What list.mustache sees: a kind's pages, a condition's or treatment's pages, or an index of terms.

public struct ListingView: TemplateContext, Equatable {
    public struct Listing: TemplateContext, Equatable {
        public var title: String
        public var intro: String
        /// A condition's or treatment's glossary definition, when there is one.
        public var definition: String?
        /// Cards of pages, or of conditions or treatments on their index pages; empty shows "Nothing here yet".
        public var items: [Card]

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "intro": .text(intro)
            case "definition": definition.map(TemplateValue.text)
            case "items": .list(of: items)
            default: nil
            }
        }
    }

    public var chrome: Chrome
    public var list: Listing

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "list" ? .view(list) : chrome.templateValue(name)
    }
}
