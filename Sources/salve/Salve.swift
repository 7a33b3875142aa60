// The `salve` command: a thin layer that parses arguments and calls SalveCore.
import ArgumentParser

@main
struct Salve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build patient-education knowledge bases into fast, accessible static sites.",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, RenderCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self)
}
