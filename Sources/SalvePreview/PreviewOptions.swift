// What `salve serve` was asked for, and what the CLI is told while it runs.
import Foundation
import SalveCore

public struct PreviewOptions: Sendable {
    /// The project folder holding salve.yml, content/ and templates/.
    public var root: URL
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var includeDrafts: Bool
    /// Ctrl-C and SIGTERM shut the server down gracefully; tests stop it by cancelling its task instead.
    public var handlesSignals: Bool
    /// Watch with inotify when it is there; tests force polling to cover the fallback.
    public var forcePolling: Bool

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false,
                handlesSignals: Bool = true, forcePolling: Bool = false)
    {
        self.root = root.standardizedFileURL
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.handlesSignals = handlesSignals
        self.forcePolling = forcePolling
    }

    /// The preview's own output folder: never site/, so a preview never leaves a half-edited site to publish.
    public var output: URL { root.appendingPathComponent(".salve/preview") }

    /// False when the preview can be reached from other machines.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Something the CLI should tell the user.
public enum PreviewNote: Sendable {
    /// The server answers at this address.
    case serving(URL)
    /// A build succeeded; `changes` are the project files that triggered it (empty for the first build).
    case rebuilt(RebuildReport, milliseconds: Int, changes: [String])
    /// A build failed; the server keeps serving the last good site.
    case failed([Diagnostic], changes: [String])
}

public enum PreviewError: Error, CustomStringConvertible {
    case portBusy(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portBusy(let host, let port):
            "port \(port) on \(host) is already in use — pick another one with --port (for example --port \(port + 1), or --port 0 for any free port)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason) — check --host and --port"
        }
    }
}
