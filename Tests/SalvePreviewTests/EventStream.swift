// A subscriber to the preview's Server-Sent Events, reading event by event with a deadline.
import Foundation

struct ServerEvent: Sendable, Equatable {
    var name: String
    var data: String
}

final class EventStream: @unchecked Sendable {
    // @unchecked: one test drives a stream at a time, from one task, and each call waits for the last one.
    private let connection: LoopbackConnection
    private var pending = ""

    init(port: Int) async throws {
        connection = try await offload {
            let connection = try LoopbackConnection(port: port)
            try connection.send("GET", "/_salve/events")
            let (status, headers) = try connection.head()
            // Short reads from here on, so `next` can check its deadline between them.
            connection.setReadTimeout(1)
            guard status == 200, headers["content-type"] == "text/event-stream" else {
                throw LoopbackError(description: "events answered \(status) \(headers)")
            }
            return UncheckedBox(connection)
        }.value
    }

    /// The next event named `name` (others are skipped), waiting at most `seconds`.
    func next(_ name: String, within seconds: Double = 20) async throws -> ServerEvent {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let event = try await nextEvent(), event.name == name { return event }
        }
        throw LoopbackError(description: "no \(name) event within \(seconds) s")
    }

    /// The next event, or nil when a read timed out.
    private func nextEvent() async throws -> ServerEvent? {
        while true {
            if let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending = String(pending[end.upperBound...])
                var name = "message", data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                return ServerEvent(name: name, data: data)
            }
            let box = UncheckedBox(connection)
            let chunk: [UInt8]?
            do {
                chunk = try await offload { try box.value.nextChunk() }
            } catch let error as LoopbackError where error.description == "read timed out" {
                return nil
            }
            guard let chunk else { throw LoopbackError(description: "event stream ended") }
            pending += String(decoding: chunk, as: UTF8.self)
        }
    }
}

/// Carries the connection into the offloaded closure; it is used by one thread at a time (see EventStream).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
