// `salve render`: prints cmark-gfm's HTML for one Markdown file, a debugging aid.
import ArgumentParser
import Foundation
import SalveCore

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the HTML that cmark-gfm gives for one Markdown file (front matter stripped).",
        discussion: "Uses the site's extensions and options. Example: salve render content/articles/ldn-fibromyalgia.md")

    @Argument(help: "The Markdown file, or - for standard input.")
    var file: String = "-"

    @Flag(name: .customLong("raw-html"), help: "Let raw HTML through, as `markdown: { raw_html: true }` does.")
    var rawHTML = false

    func run() throws {
        let data = file == "-"
            ? FileHandle.standardInput.readDataToEndOfFile()
            : try Data(contentsOf: URL(fileURLWithPath: file))
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ValidationFailed(message: "\(file): the file is not valid UTF-8 text")
        }
        let html = MarkdownRenderer(allowRawHTML: rawHTML).html(Markdown.stripFrontMatter(text))
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}
