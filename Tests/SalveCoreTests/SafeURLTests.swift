// The URL rule reads schemes as a browser does, and the diagnostic printer never prints a control character raw.
import Testing
@testable import SalveCore

@Suite("SafeURL and escaped diagnostics")
struct SafeURLTests {
    @Test("http, https, mailto, relative paths, anchors and protocol-relative addresses are allowed",
          arguments: ["https://example.org/a?b=c&d=e#f", "HTTP://EXAMPLE.ORG", "mailto:a@example.org", "../faqs/x/",
                      "/media/x.png", "#section", "//example.org/x", "x.html?next=javascript:alert(1)", ""])
    func allowed(_ url: String) {
        #expect(SafeURL.problem(in: url) == nil)
    }

    @Test("script, data and other schemes are refused however they are spelt")
    func refused() {
        #expect(SafeURL.problem(in: "javascript:alert(1)") == .scheme("javascript"))
        #expect(SafeURL.problem(in: " JaVaScRiPt:alert(1)") == .scheme("javascript"))
        #expect(SafeURL.problem(in: "data:text/html,<b>") == .scheme("data"))
        #expect(SafeURL.problem(in: "vbscript:x") == .scheme("vbscript"))
        #expect(SafeURL.problem(in: "file:///etc/passwd") == .scheme("file"))
        #expect(SafeURL.problem(in: "java\tscript:x") == .controlCharacter("U+0009"))
        #expect(SafeURL.problem(in: "\u{1}javascript:x") == .controlCharacter("U+0001"))
        #expect(SafeURL.problem(in: "java\u{85}script:x") == .controlCharacter("U+0085"))
        #expect(SafeURL.problem(in: "java&#115;cript:x") == .ambiguousScheme("java&"))
        #expect(SafeURL.problem(in: "javascript&colon;x") == .ambiguousScheme("javascript&colon;x"))
        #expect(SafeURL.problem(in: "ja%76ascript:x") == .ambiguousScheme("ja%76ascript"))
    }

    @Test("the scheme is read after trimming and removing tabs and line breaks, as a browser reads it")
    func browserScheme() {
        #expect(SafeURL.scheme(of: " \u{0}Java\n\tScript:alert(1) ") == "javascript")
        #expect(SafeURL.scheme(of: "a/b:c") == nil)
        #expect(SafeURL.scheme(of: "?q=a:b") == nil)
    }

    @Test("base_url must be an absolute web address with a host")
    func absoluteAddress() {
        #expect(SafeURL.isAbsoluteWebAddress("https://example.org/health/"))
        #expect(SafeURL.isAbsoluteWebAddress("http://[::1]:8000/"))
        #expect(!SafeURL.isAbsoluteWebAddress("https:///path"))
        #expect(!SafeURL.isAbsoluteWebAddress("https://example.org/\" onload=\"x"))
        #expect(!SafeURL.isAbsoluteWebAddress("javascript://example.org/%0aalert(1)"))
    }

    @Test("a diagnostic shows control characters as \\x1b in its summary and source line, and the caret follows")
    func escapedDiagnostic() {
        let diagnostic = Diagnostic.error("content/a.md", line: 2, column: 3, "bad \u{1b}[2J value", fix: "fix\u{9b}it")
        #expect(diagnostic.formatted(source: "one\n\u{1b}\tx\u{7}y\n") == """
            content/a.md:2:3: error: bad \\x1b[2J value — fix\\x9bit
                \\x1b\tx\\x07y
                    \t^
            """)
    }
}
