// A small HTTP/1.1 client over a raw socket to 127.0.0.1: it sends paths exactly as written (`/../`, `%2e%2e`),
// which URL-normalising clients would clean up first, and every read has a timeout so no test can hang.
import Foundation

struct HTTPReply: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct LoopbackError: Error, CustomStringConvertible {
    var description: String
}

/// One connection; blocking reads, each bounded by `readTimeout`.
final class LoopbackConnection {
    private let socket: Int32
    private let port: Int
    private var buffer: [UInt8] = []

    init(port: Int, readTimeout: Int = 30) throws {
        self.port = port
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw LoopbackError(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw LoopbackError(description: "cannot connect to port \(port): errno \(errno)")
        }
    }

    deinit { close(socket) }

    func setReadTimeout(_ seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// `hosts` are the Host headers sent, in order: nil sends the preview's own `127.0.0.1:PORT`.
    func send(_ method: String, _ target: String, headers: [String: String] = [:], hosts: [String]? = nil) throws {
        var request = "\(method) \(target) HTTP/1.1\r\n"
        for host in hosts ?? ["127.0.0.1:\(port)"] { request += "Host: \(host)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw LoopbackError(description: "send failed: errno \(errno)")
        }
    }

    /// Reads more bytes; throws on timeout or when the server closed the connection.
    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(socket, &chunk, chunk.count, 0)
        guard count > 0 else { throw LoopbackError(description: count == 0 ? "connection closed" : "read timed out") }
        buffer += chunk[..<count]
    }

    private func take(until delimiter: [UInt8]) throws -> [UInt8] {
        while true {
            if let range = find(delimiter) {
                let taken = Array(buffer[..<range])
                buffer.removeFirst(range + delimiter.count)
                return taken
            }
            try fill()
        }
    }

    private func take(count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        let taken = Array(buffer[..<count])
        buffer.removeFirst(count)
        return taken
    }

    private func find(_ delimiter: [UInt8]) -> Int? {
        guard buffer.count >= delimiter.count else { return nil }
        for start in 0...(buffer.count - delimiter.count) where buffer[start] == delimiter[0] {
            if Array(buffer[start..<start + delimiter.count]) == delimiter { return start }
        }
        return nil
    }

    /// The status line and headers of the next response.
    func head() throws -> (Int, [String: String]) {
        let lines = String(decoding: try take(until: Array("\r\n\r\n".utf8)), as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw LoopbackError(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    /// A whole response (a body unless the request was HEAD or the status has none).
    func response(method: String) throws -> HTTPReply {
        let (status, headers) = try head()
        var body: [UInt8] = []
        if method != "HEAD", status != 304, status != 204 {
            if headers["transfer-encoding"]?.lowercased() == "chunked" {
                while let chunk = try nextChunk() { body += chunk }
            } else {
                body = try take(count: Int(headers["content-length"] ?? "0") ?? 0)
            }
        }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    /// Reads and drops a `count`-byte body in small pieces (so the client holds no large file either); returns
    /// how many bytes came and the last `keeping` of them.
    func drain(count: Int, keeping: Int) throws -> (received: Int, tail: [UInt8]) {
        var received = 0
        var tail: [UInt8] = []
        while received < count {
            if buffer.isEmpty { try fill() }
            let piece = buffer.prefix(count - received)
            received += piece.count
            tail = Array((tail + piece).suffix(keeping))
            buffer.removeFirst(piece.count)
        }
        return (received, tail)
    }

    /// The next chunk of a chunked body, nil at its end.
    func nextChunk() throws -> [UInt8]? {
        let sizeLine = String(decoding: try take(until: Array("\r\n".utf8)), as: UTF8.self)
        guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else {
            throw LoopbackError(description: "bad chunk size \(sizeLine)")
        }
        let chunk = try take(count: size)
        _ = try take(until: Array("\r\n".utf8))
        return size == 0 ? nil : chunk
    }
}

/// Runs blocking socket work off Swift's cooperative threads, which the server under test needs.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// One request on its own connection.
func fetch(_ port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:], hosts: [String]? = nil)
    async throws -> HTTPReply
{
    try await offload {
        let connection = try LoopbackConnection(port: port)
        try connection.send(method, target, headers: headers.merging(["Connection": "close"]) { a, _ in a }, hosts: hosts)
        return try connection.response(method: method)
    }
}
