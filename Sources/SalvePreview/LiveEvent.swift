// The messages open tabs receive over Server-Sent Events.
import Foundation

enum LiveEvent: Sendable, Equatable {
    /// Sent once on subscribing, so a client knows it will hear about the next rebuild.
    case connected
    /// Tabs reload when the scope names their page or a file it uses (or is `.all`).
    case reload(ReloadScope)
    case stylesheets
    /// Each line `file:line: …`; the page stays the last good one.
    case errors([String])
    /// A comment browsers ignore: writing it is how a tab that went away is noticed.
    case heartbeat

    private static let encoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()

    /// The event as it goes over the wire.
    var wire: String {
        switch self {
        case .connected: "event: connected\ndata: {}\n\n"
        case .reload(.all): "event: reload\ndata: {\"all\":true}\n\n"
        case .reload(.paths(let paths)):
            "event: reload\ndata: {\"paths\":\(String(decoding: (try? Self.encoder.encode(paths)) ?? Data("[]".utf8), as: UTF8.self))}\n\n"
        case .stylesheets: "event: stylesheets\ndata: {}\n\n"
        case .heartbeat: ": keep-alive\n\n"
        case .errors(let lines):
            // JSON keeps the data on one line, as SSE requires.
            "event: errors\ndata: \(String(decoding: (try? Self.encoder.encode(lines)) ?? Data("[]".utf8), as: UTF8.self))\n\n"
        }
    }
}

/// Every open tab's event stream; a tab that connects while the build is broken is told the errors at once.
actor EventHub {
    private var subscribers: [UUID: AsyncStream<LiveEvent>.Continuation] = [:]
    private var currentErrors: [String]?
    /// Tabs closed since the last heartbeat.
    private var departed = 0

    func subscribe() -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        subscribers[id] = continuation
        continuation.yield(.connected)
        if let currentErrors { continuation.yield(.errors(currentErrors)) }
        return stream
    }

    func publish(_ event: LiveEvent) {
        if case .errors(let lines) = event { currentErrors = lines } else { currentErrors = nil }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    func heartbeat() {
        for continuation in subscribers.values { continuation.yield(.heartbeat) }
        // glibc keeps the memory of closed connections for reuse, so a burst of tabs would leave the server
        // large for good (make stress saw 40 MB become 160 MB); give it back once they have gone.
        if departed > 0 {
            departed = 0
            _ = mallocTrim?(0)
        }
    }

    /// True while the last build failed.
    var isBroken: Bool { currentErrors != nil }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
        departed += 1
    }
}

/// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not declare it.
private let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim").map {
    unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
}
