// `salve translate`: starts a translation of a page as a draft copy beside it.
import ArgumentParser
import Foundation
import SalveCore

struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Start a translation of a page: a draft copy beside it, named NAME.CODE.md.",
        discussion: """
            The copy has `draft: true` and a TODO line, so it is not published until it is translated and both
            are removed. The language must be one of salve.yml's `languages:`; an existing file is never overwritten.
            Example: salve translate content/faqs/ldn.md es
            """)

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The page to translate, from the project folder (content/faqs/ldn.md).")
    var page: String

    @Argument(help: "The language code, as in salve.yml's languages (es).")
    var language: String

    func run() throws {
        do {
            print(try NewPage.translation(of: page, into: language, root: project.rootURL))
        } catch let error as NewPage.NewPageError {
            throw ValidationFailed(message: error.description)
        }
    }
}
