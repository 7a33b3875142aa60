// The `salve` command: a thin layer that parses arguments and calls SalveCore.
import ArgumentParser
import CMimalloc
import Foundation
import SalveCore

@main
struct Salve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build patient-education knowledge bases into fast, accessible static sites.",
        version: SalveVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, InitCommand.self, NewCommand.self, RenderCommand.self, TranslateCommand.self,
                      ServeCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// Parses and runs as swift-argument-parser does, after catching a mistyped command: with `build` as the
    /// default, `salve chek` would otherwise be read as `salve build chek` and fail on an "unexpected argument".
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
            if !names.contains(first) {
                let guess = KeySuggestion.closest(to: first, among: Set(names))
                let hint = guess.map { "did you mean `\($0)`?" }
                    ?? "the commands are \(names.dropLast().sorted().joined(separator: ", "))"
                FileHandle.standardError.write(Data("error: unknown command `\(first)`; \(hint)\n".utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
