// Refuses requests whose Host is not the preview's own address. A web page the editor visits could otherwise
// point a name it controls at 127.0.0.1 (DNS rebinding) and read the preview, drafts included.
import Hummingbird

/// The Host values the preview answers to: the loopback names and the `--host` given, each with the port.
struct AllowedHosts: Sendable, Equatable {
    private let names: Set<String>
    /// A listener on every address (`0.0.0.0`, `::`) is reached through the machine's own addresses too; a
    /// literal address cannot be rebound to another site, so those are accepted there (names must still match).
    private let acceptsAddressLiterals: Bool
    private let port: Int

    init(host: String, port: Int) {
        let hosts = ["127.0.0.1", "localhost", "[::1]", host.contains(":") ? "[\(host)]" : host].map { $0.lowercased() }
        var names = Set(hosts.map { "\($0):\(port)" })
        // Browsers leave the default port out of Host.
        if port == 80 { names.formUnion(hosts) }
        self.names = names
        acceptsAddressLiterals = host == "0.0.0.0" || host == "::"
        self.port = port
    }

    /// True when `authority` (the request's Host) names this preview.
    func allows(_ authority: String?) -> Bool {
        guard let authority = authority?.lowercased() else { return false }
        if names.contains(authority) { return true }
        guard acceptsAddressLiterals else { return false }
        return Self.isAddressLiteral(authority, port: port)
    }

    /// `a.b.c.d:port` or `[v6]:port`: a literal address, which DNS cannot point anywhere else.
    private static func isAddressLiteral(_ authority: String, port: Int) -> Bool {
        let suffix = ":\(port)"
        guard authority.hasSuffix(suffix) else { return false }
        let address = authority.dropLast(suffix.count)
        if address.hasPrefix("["), address.hasSuffix("]") {
            return address.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = address.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part)! <= 255
        }
    }
}

/// Answers 421 Misdirected Request to a missing, repeated or foreign Host before anything else looks at it.
struct HostCheck<Context: RequestContext>: RouterMiddleware {
    let allowed: AllowedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The first Host header becomes the authority; a second one stays among the fields.
        guard allowed.allows(request.head.authority), !request.headers.contains(where: { $0.name.canonicalName == "host" }) else {
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.connection] = "close"
            return Response(status: .misdirectedRequest, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "This preview answers only to its own address.\n")))
        }
        return try await next(request, context)
    }
}
