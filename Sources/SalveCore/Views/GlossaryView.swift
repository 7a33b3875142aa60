// What glossary.mustache sees: every term A to Z, grouped by first letter.

public struct GlossaryView: TemplateContext, Equatable {
    public struct Letter: TemplateContext, Equatable {
        public var letter: String
        public var terms: [Entry]

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "letter": .text(letter)
            case "terms": .list(of: terms)
            default: nil
            }
        }
    }

    public struct Entry: TemplateContext, Equatable {
        public var term: String
        /// The anchor pages link to (`#cognitive-behavioral-therapy`).
        public var id: String
        public var definition: String
        public var alsoCalled: String?

        public func templateValue(_ name: String) -> TemplateValue? {
            switch name {
            case "term": .text(term)
            case "id": .text(id)
            case "definition": .text(definition)
            case "also_called": alsoCalled.map(TemplateValue.text)
            default: nil
            }
        }
    }

    public var chrome: Chrome
    public var letters: [Letter]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "letters" ? .list(of: letters) : chrome.templateValue(name)
    }
}
