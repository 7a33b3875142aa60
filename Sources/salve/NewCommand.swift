// `salve new`: starts a new page with every front matter field and TODO placeholders.
import ArgumentParser
import Foundation
import SalveCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new article, FAQ page or comparison with every front matter field.",
        discussion: """
            The file name comes from the title's Latin letters and digits (at most 80 characters), or from --slug;
            an existing file is never overwritten.
            Example: salve new article "Does naltrexone help with fibromyalgia?"
            Example: salve new faq "Фибромиалгия" --slug fibromyalgia-ru
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case article, faq, comparison
        var contentKind: ContentKind { ContentKind(rawValue: rawValue)! }
    }

    @OptionGroup var project: ProjectOptions

    @Argument(help: "article, faq or comparison.")
    var kind: Kind

    @Argument(help: "The page title, in quotes.")
    var title: String

    @Option(help: "The file name and URL segment: lowercase letters a-z, digits and hyphens (default: from the title).")
    var slug: String?

    func run() throws {
        do {
            let path = try NewPage.create(kind.contentKind, title: title, slug: slug, root: project.rootURL, today: .today)
            print(path)
        } catch let error as NewPage.NewPageError {
            throw ValidationFailed(message: error.description)
        }
    }
}
