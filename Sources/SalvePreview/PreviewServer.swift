// `salve serve`: the first build, then the server and the rebuild loop side by side until Ctrl-C or SIGTERM.
import Foundation
import Hummingbird
import Logging
import SalveCore
import ServiceLifecycle

public struct PreviewServer: Sendable {
    public let options: PreviewOptions
    private let note: @Sendable (PreviewNote) -> Void

    /// `note` hears about every build and the address, in order, for the CLI to print.
    public init(_ options: PreviewOptions, note: @escaping @Sendable (PreviewNote) -> Void) {
        self.options = options
        self.note = note
    }

    /// Runs until a signal (when `handlesSignals`) or the task's cancellation, then shuts down gracefully.
    public func run() async throws {
        let port = try LocalPort.reserve(host: options.host, port: options.port)
        let urlHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        let address = URL(string: "http://\(urlHost):\(port)/")!

        let hub = EventHub()
        let rebuilds = Rebuilds(
            build: try IncrementalBuild(BuildOptions(
                root: options.root, output: options.output, includeDrafts: options.includeDrafts,
                baseURL: address.absoluteString)),
            hub: hub, note: note)
        // Watching starts before the first build, so an edit made during it is not lost.
        let changes = Watcher(root: options.root, forcePolling: options.forcePolling).changes()
        await rebuilds.run(changes: [])

        let files = PreviewFiles(root: options.output)
        let router = Router()
        router.add(middleware: HostCheck(allowed: AllowedHosts(host: options.host, port: port)))
        router.add(middleware: RefuseEncodedSeparators())
        router.add(middleware: NotFoundPage(files: files))
        // no-cache: a tab that moves to another page after a rebuild must ask again (a cheap 304) rather than
        // show a copy the browser kept by heuristic freshness.
        router.add(middleware: FileMiddleware(
            fileProvider: files, cacheControl: CacheControl([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: true))
        router.get(RouterPath(LiveReload.scriptPath)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ in
            let events = await hub.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                // Without cancelOnGracefulShutdown an open tab would hold SIGTERM until the next event.
                for await event in events.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.wire))
                }
                try await writer.finish(nil)
            })
        }

        let note = self.note
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: port), serverName: nil),
            services: [RebuildService(rebuilds: rebuilds, changes: changes), Heartbeat(hub: hub)],
            onServerRunning: { _ in note(.serving(address)) },
            logger: Logger(label: "salve.preview", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            try await app.runService(gracefulShutdownSignals: options.handlesSignals ? [.sigterm, .sigint] : [])
        } catch where "\(error)".contains("Address already in use") {
            throw PreviewError.portBusy(host: options.host, port: port)
        }
    }
}

/// Rebuilds once per batch of changes for as long as the server runs.
struct RebuildService: Service {
    let rebuilds: Rebuilds
    let changes: AsyncStream<[String]>

    func run() async throws {
        for await batch in changes.cancelOnGracefulShutdown() {
            await rebuilds.run(changes: batch)
        }
    }
}

/// Writes to every open event stream now and then: a closed tab is only noticed when a write to it fails, and
/// without this its stream (and memory) would wait for the next rebuild.
struct Heartbeat: Service {
    let hub: EventHub
    var interval: Duration = .seconds(5)

    func run() async throws {
        while !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            await hub.heartbeat()
        }
    }
}
