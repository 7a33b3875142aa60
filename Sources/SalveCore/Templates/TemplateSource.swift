// One template's text as the compiler sees it: its name, its text and the path diagnostics name.

/// A Mustache template to compile: `name` is how partials refer to it (its path under templates/ without
/// `.mustache`, such as `partials/card`), `displayPath` is how diagnostics name the file.
public struct TemplateSource: Sendable, Equatable {
    public var name: String
    public var text: String
    public var displayPath: String

    public init(name: String, text: String, displayPath: String) {
        self.name = name
        self.text = text
        self.displayPath = displayPath
    }

    /// The folder the template lives in as diagnostics name it (`templates`), for fixes that name a new file.
    var displayFolder: String {
        let file = "\(name).mustache"
        guard displayPath.hasSuffix(file) else { return "templates" }
        let folder = displayPath.dropLast(file.count)
        return folder.hasSuffix("/") ? String(folder.dropLast()) : String(folder)
    }
}
