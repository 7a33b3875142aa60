// Salve's own escaping for text it writes into HTML: the five characters, byte by byte.
import Testing
@testable import SalveCore

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("the five characters become entities and everything else is kept")
    func fiveCharacters() {
        #expect(escapeHTML(#"Tom & "Jerry" <b>'s</b>"#) == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;")
        #expect(escapeHTML("Fibromialgia: ¿qué es? 🙂") == "Fibromialgia: ¿qué es? 🙂")
        #expect(escapeHTML("") == "")
    }

    @Test("a combining mark after a quote does not hide the quote from escaping")
    func combiningMark() {
        // "\"\u{301}" is one Character; a Character-by-Character escape left the quote raw in an attribute.
        #expect(escapeHTML("a\"\u{301} onmouseover=x") == "a&quot;\u{301} onmouseover=x")
        #expect(escapeHTML("<\u{301}script>") == "&lt;\u{301}script&gt;")
    }
}
