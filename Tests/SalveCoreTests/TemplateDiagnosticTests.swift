// Template errors: each is one Diagnostic with file, line, column, message and fix.
import Foundation
import Testing
@testable import SalveCore

@Suite("Template diagnostics")
struct TemplateDiagnosticTests {
    func diagnostics(_ templates: [String: String]) -> [Diagnostic] {
        TemplateSet.compile(templates.map {
            TemplateSource(name: $0.key, text: $0.value, displayPath: "templates/\($0.key).mustache")
        }).1
    }

    @Test("a section that is never closed is reported at its opening tag")
    func unclosedSection() {
        #expect(diagnostics(["home": "<p>\n  {{#items}}\n<li>{{title}}</li>\n"]) == [
            .error("templates/home.mustache", line: 2, column: 3,
                   "template syntax error: the section {{#items}} is never closed",
                   fix: "add {{/items}} where the section ends"),
        ])
    }

    @Test("a closing tag that does not match the open section names both")
    func mismatchedClose() {
        #expect(diagnostics(["home": "{{#items}}\nx {{/item}}\n"]) == [
            .error("templates/home.mustache", line: 2, column: 3,
                   "template syntax error: {{/item}} does not match the open section {{#items}}",
                   fix: "close {{#items}} with {{/items}} before this tag, or correct the name"),
        ])
    }

    @Test("a closing tag with no open section is reported")
    func strayClose() {
        #expect(diagnostics(["home": "ok\n{{/items}}"]) == [
            .error("templates/home.mustache", line: 2, column: 1,
                   "template syntax error: {{/items}} closes a section that was never opened",
                   fix: "remove it, or open the section with {{#items}} before it"),
        ])
    }

    @Test("a tag that is never closed is reported where it starts")
    func unclosedTag() {
        #expect(diagnostics(["home": "<h1>{{title</h1>"]) == [
            .error("templates/home.mustache", line: 1, column: 5, "template syntax error: unexpected \"<\" in a tag",
                   fix: "tag names use letters, digits and . - _ ? only; end the tag with }}"),
        ])
        #expect(diagnostics(["home": "<h1>{{ title"]) == [
            .error("templates/home.mustache", line: 1, column: 5, "template syntax error: the tag is never closed",
                   fix: "end it with }}"),
        ])
    }

    @Test("an unknown partial is reported at its tag, and the rest of the set still compiles")
    func unknownPartial() {
        let (set, found) = TemplateSet.compile([
            TemplateSource(name: "home", text: "a\n  {{> partials/nope}}\n{{> partials/card}}",
                           displayPath: "templates/home.mustache"),
            TemplateSource(name: "partials/card", text: "card", displayPath: "templates/partials/card.mustache"),
        ])
        #expect(found == [
            .error("templates/home.mustache", line: 2, column: 3, "the partial \"partials/nope\" does not exist",
                   fix: "create templates/partials/nope.mustache, or correct the name (templates are named by their "
                       + "path under templates/ without .mustache, such as partials/card)"),
        ])
        #expect(set.renderText("home", TestView([:])) == "a\n  card")
    }

    @Test("a parent template that does not exist is reported at the {{<parent}} tag")
    func unknownParent() {
        #expect(diagnostics(["article": "{{<layout}}\n{{$main}}x{{/main}}\n{{/layout}}\n"]) == [
            .error("templates/article.mustache", line: 1, column: 1,
                   "the parent template \"layout\" does not exist",
                   fix: "create templates/layout.mustache, or correct the name (templates are named by their path "
                       + "under templates/ without .mustache, such as partials/card)"),
        ])
    }

    @Test("a tag other than a block definition inside a parent is reported")
    func tagInsideParent() {
        #expect(diagnostics(["base": "{{$main}}{{/main}}", "article": "{{<base}}\n{{title}}\n{{/base}}"]) == [
            .error("templates/article.mustache", line: 1, column: 1,
                   "template syntax error: {{<base}} may hold only {{$block}} definitions",
                   fix: "move the other tags into a {{$block}} … {{/block}} that base defines"),
        ])
    }

    @Test("transforms, dynamic partials and pragmas are clear errors, not silent output")
    func unsupportedTags() {
        #expect(diagnostics(["a": "{{#items}}{{index()}}{{/items}}"]).map(\.message)
            == ["template syntax error: transforms such as {{index()}} are not supported"])
        #expect(diagnostics(["a": "{{>*name}}"]).map(\.message)
            == ["template syntax error: dynamic partial names ({{>*name}}) are not supported"])
        #expect(diagnostics(["a": "x\n{{%CONTENT_TYPE: TEXT}}"]).map { [$0.line, $0.column] } == [[2, 1]])
    }

    @Test("set-delimiter tags work as in swift-mustache")
    func setDelimiters() throws {
        let engines = try BothEngines(["main": "{{=<% %>=}}\n<% t %> {{t}}\n<%={{ }}=%>{{{t}}}"])
        let view = TestView(["t": .text("<&>")])
        #expect(engines.ourText("main", view) == "&lt;&amp;&gt; {{t}}\n<&>")
        #expect(engines.ourText("main", view) == engines.oracleText("main", view))
    }

    @Test("loading a theme folder compiles it, and reports an unknown partial with file, line and column")
    func libraryReportsUnknownPartial() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salve-templates-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"),
                                                withIntermediateDirectories: true)
        for name in TemplateLibrary.required {
            try "<p>{{title}}</p>\n".write(to: folder.appendingPathComponent("\(name).mustache"), atomically: true,
                                            encoding: .utf8)
        }
        try "x\n{{> partials/missing}}\n".write(to: folder.appendingPathComponent("partials/card.mustache"),
                                                atomically: true, encoding: .utf8)
        let (library, found) = TemplateLibrary.load(from: folder, displayFolder: "templates")
        #expect(found.map { [$0.path, "\($0.line ?? 0):\($0.column ?? 0)", $0.message] } == [
            ["templates/partials/card.mustache", "2:1",
             "the template uses the partial `partials/missing`, which the theme does not have"],
        ])
        #expect(library.compiled.renderText("home", TestView(["title": .text("A & B")])) == "<p>A &amp; B</p>\n")
    }

    @Test("a partial that includes itself renders nested data and stops at a depth limit instead of crashing")
    func recursivePartialStops() throws {
        let (set, found) = TemplateSet.compile([
            TemplateSource(name: "tree", text: "({{name}}{{#kids}}{{> tree}}{{/kids}})", displayPath: "t/tree.mustache"),
            TemplateSource(name: "loop", text: "x{{> loop}}", displayPath: "t/loop.mustache"),
        ])
        #expect(found.isEmpty)
        let leaf = TestView(["name": .text("b"), "kids": .list([])])
        #expect(set.renderText("tree", TestView(["name": .text("a"), "kids": .list([leaf, leaf])])) == "(a(b)(b))")
        #expect(set.renderText("loop", TestView([:])) == String(repeating: "x", count: 101))
    }
}
