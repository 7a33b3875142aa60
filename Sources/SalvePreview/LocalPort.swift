// Finds out before the first build whether the port can be had, and which port `--port 0` gets: the site's
// base_url needs the real address, and a busy port should say so before any work is done.
import Foundation

enum LocalPort {
    /// Binds `host:port` once and releases it, returning the port the system gave.
    static func reserve(host: String, port: Int) throws -> Int {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let address = found else {
            throw PreviewError.cannotListen(host: host, port: port, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(found) }
        let socket = Glibc.socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PreviewError.cannotListen(host: host, port: port, reason: String(cString: strerror(errno))) }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            if errno == EADDRINUSE { throw PreviewError.portBusy(host: host, port: port) }
            throw PreviewError.cannotListen(host: host, port: port, reason: String(cString: strerror(errno)))
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { return port }
        // sin_port and sin6_port sit at the same offset, in network byte order.
        let networkPort = withUnsafeBytes(of: &storage) { $0.load(fromByteOffset: 2, as: UInt16.self) }
        return Int(UInt16(bigEndian: networkPort))
    }
}
