// `salve serve`: builds into .salve/preview/, serves it, rebuilds on every save and reloads open tabs.
import ArgumentParser
import Foundation
import SalveCore
import SalvePreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it locally and rebuild on every save in content/, templates/ or salve.yml.",
        discussion: """
            The preview is built into .salve/preview/ (never site/) with the local address as base_url; open tabs
            reload after each rebuild and show build errors over the page. Press Ctrl-C to stop.
            Example: salve serve --drafts --port 8080
            """)

    @OptionGroup var project: ProjectOptions

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "Address to listen on. Anything but loopback makes the preview visible to the network.")
    var host: String = "127.0.0.1"

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Open the preview in a browser once it is running.")
    var open = false

    @Flag(help: "After each rebuild, print every step with its time and how many items it made again and reused.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 picks a free port), not \(port)")
        }
    }

    func run() async throws {
        let root = project.rootURL
        let options = PreviewOptions(root: root, host: host, port: port, includeDrafts: drafts)
        if !options.isLoopback {
            printError("warning: listening on \(host): the preview is visible to other machines on the network")
        }
        let printer = DiagnosticPrinter(root: root)
        let open = self.open
        let timings = self.timings
        let server = PreviewServer(options) { note in
            switch note {
            case .serving(let address):
                print("Serving \(address.absoluteString) — press Ctrl-C to stop")
                if open { openBrowser(address) }
            case .rebuilt(let report, let milliseconds, let changes):
                printer.print(report.warnings)
                let verb = changes.isEmpty ? "built" : "rebuilt"
                print("\(verb) \(summary(report)) in \(milliseconds) ms\(describe(changes))")
                if timings { print(TimingsTable.text(report.steps)) }
            case .failed(let diagnostics, let changes):
                printer.print(diagnostics)
                let errors = diagnostics.filter { $0.severity == .error }.count
                let serving = changes.isEmpty ? "the preview shows them until a save fixes them" : "still serving the last good site"
                print("build failed with \(errors) error\(errors == 1 ? "" : "s")\(describe(changes)); \(serving)")
            }
            fflush(nil)
        }
        do {
            try await server.run()
            print("Stopped.")
        } catch let error as PreviewError {
            throw ValidationFailed(message: error.description)
        }
    }
}

/// ` (articles/ldn.md)` for the changed files, content/ left off as the editor thinks of it.
/// `1 page, 3 search files`: what a rebuild wrote.
private func summary(_ report: RebuildReport) -> String {
    let pages = report.pagesWritten
    var parts = ["\(pages) page\(pages == 1 ? "" : "s")"]
    let search = report.written.filter { $0.hasPrefix("search/") && !$0.hasSuffix(".html") || $0 == "search-index.json" }.count
    if search > 0 { parts.append("\(search) search file\(search == 1 ? "" : "s")") }
    let other = report.written.count - pages - search
    if other > 0 { parts.append("\(other) other file\(other == 1 ? "" : "s")") }
    if !report.deleted.isEmpty { parts.append("\(report.deleted.count) removed") }
    return parts.joined(separator: ", ")
}

private func describe(_ changes: [String]) -> String {
    guard !changes.isEmpty else { return "" }
    let names = changes.map { $0.hasPrefix("content/") ? String($0.dropFirst("content/".count)) : $0 }
    let shown = names.prefix(3).joined(separator: ", ")
    return " (\(shown)\(names.count > 3 ? " and \(names.count - 3) more" : ""))"
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

private func openBrowser(_ address: URL) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["xdg-open", address.absoluteString]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
}
