// The preview answers only to its own address: a foreign, missing or repeated Host gets 421 (DNS rebinding).
import Foundation
@testable import SalvePreview
import Testing

@Suite("salve serve: Host check")
struct HostCheckTests {
    @Test("the loopback names with the port are served; any other Host, none, or two get 421 Misdirected Request")
    func refusesForeignHosts() async throws {
        let site = try PreviewSite(fixture: "minimal")
        defer { site.remove() }
        let preview = try await RunningPreview.start(site)
        defer { Task { await preview.stop() } }  // when a check throws
        let port = preview.port

        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LocalHost:\(port)", "[::1]:\(port)"] {
            let reply = try await fetch(port, "/articles/sleep/", hosts: [host])
            #expect(reply.status == 200, "\(host) answered \(reply.status)")
        }
        let refused: [[String]] = [
            ["evil.example"], ["evil.example:\(port)"], ["127.0.0.1.evil.example:\(port)"], ["localhost"],
            ["127.0.0.1"], ["127.0.0.1:1"], ["127.0.0.1:\(port)0"], [""], [], ["127.0.0.1:\(port)", "evil.example"],
        ]
        for hosts in refused {
            for target in ["/", "/articles/sleep/", "/assets/style.css", "/no/such/page/", "/_salve/live.js", "/_salve/events"] {
                let reply = try await fetch(port, target, hosts: hosts)
                #expect(reply.status == 421, "\(hosts) \(target) answered \(reply.status)")
                #expect(!reply.text.contains("Sleep"), "\(hosts) \(target) showed the site")
            }
        }
        await preview.stop()
    }

    @Test("the --host given is allowed with the port; a listener on every address also takes literal addresses")
    func allowedHosts() {
        let named = AllowedHosts(host: "preview.local", port: 8000)
        #expect(named.allows("preview.local:8000"))
        #expect(named.allows("127.0.0.1:8000"))
        #expect(!named.allows("preview.local:8001"))
        #expect(!named.allows("preview.local"))
        #expect(!named.allows("192.168.1.5:8000"))
        #expect(!named.allows(nil))

        let v6 = AllowedHosts(host: "::1", port: 8000)
        #expect(v6.allows("[::1]:8000"))
        #expect(!v6.allows("::1:8000"))

        let everywhere = AllowedHosts(host: "0.0.0.0", port: 8000)
        #expect(everywhere.allows("192.168.1.5:8000"))
        #expect(everywhere.allows("[fe80::1]:8000"))
        #expect(!everywhere.allows("192.168.1.5.nip.io:8000"))
        #expect(!everywhere.allows("evil.example:8000"))
        #expect(!everywhere.allows("192.168.1.5:8001"))
        #expect(!everywhere.allows("1.2.3.256:8000"))

        let defaultPort = AllowedHosts(host: "127.0.0.1", port: 80)
        #expect(defaultPort.allows("localhost"))
        #expect(defaultPort.allows("localhost:80"))
    }
}
