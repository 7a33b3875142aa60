// Our template engine against swift-mustache: the default theme and seeded random cases render the same bytes.
import Testing
import SalveCore

@Suite("Template engine against swift-mustache")
struct TemplateDifferentialTests {
    @Test("every page of the sample site renders byte-identically in both engines, with and without the memo")
    func sampleSiteMatches() throws {
        let engines = try BothEngines(SampleViews.templates())
        let memo = FragmentMemo()
        let views = try SampleViews.all()
        #expect(views.count > 20)
        for (template, view) in views {
            let oracle = engines.oracleText(template, view)
            #expect(engines.ourText(template, view) == oracle, "\(template)")
            #expect(engines.ourText(template, view, memo: memo) == oracle, "\(template) with the fragment memo")
        }
        #expect(memo.counts.reused > 0)
    }

    @Test("every default-theme template renders byte-identically in both engines")
    func defaultThemeMatches() throws {
        let engines = try BothEngines(ThemeViews.themeTemplates())
        let views: [(String, TestView)] = [
            ("article", ThemeViews.page(1, template: "article")),
            ("article", ThemeViews.page(2, template: "article")),
            ("faq", ThemeViews.page(3, template: "faq")),
            ("comparison", ThemeViews.page(4, template: "comparison")),
            ("list", ThemeViews.listing("Fibromyalgia", cards: Array(0..<30))),
            ("list", ThemeViews.listing("Empty", cards: [])),
            ("home", ThemeViews.home(latest: Array(0..<10))),
            ("search", ThemeViews.search(cards: Array(0..<60))),
            ("glossary", ThemeViews.glossary()),
            ("404", TestView(ThemeViews.chrome(path: "404.html", title: "Page not found", breadcrumbs: []))),
        ]
        for (template, view) in views {
            let memo = FragmentMemo()
            let oracle = engines.oracleText(template, view)
            #expect(engines.ourText(template, view) == oracle, "\(template)")
            #expect(engines.ourText(template, view, memo: memo) == oracle, "\(template) with the fragment memo")
            #expect(engines.ourText(template, view, memo: memo) == oracle, "\(template) from the fragment memo")
        }
    }

    @Test("300 seeded random templates and contexts render byte-identically in both engines")
    func randomCasesMatch() throws {
        var failures: [String] = []
        for seed in UInt64(1)...300 {
            var generator = TemplateCaseGenerator(seed: seed)
            let generated = generator.makeCase()
            let engines = try BothEngines(generated.templates)
            let oracle = engines.oracleText("main", generated.view)
            let ours = engines.ourText("main", generated.view)
            if ours != oracle, failures.count < 3 {
                failures.append("seed \(seed)\ntemplates: \(generated.templates)\nours:   \(ours.debugDescription)\n"
                                + "oracle: \(oracle.debugDescription)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    @Test("escaping matches swift-mustache for every special character, next to multi-byte and combining text")
    func escapingMatches() throws {
        let engines = try BothEngines(["main": "{{t}}|{{{t}}}"])
        let specials = ["<", ">", "&", "\"", "'"]
        let neighbours = ["", "a", "é", "\u{301}", "\u{200D}", "\u{600}", "\u{903}", "🙂", "\r", "\n", "日"]
        for special in specials {
            for before in neighbours {
                for after in neighbours {
                    let view = TestView(["t": .text(before + special + after + special)])
                    #expect(engines.ourText("main", view) == engines.oracleText("main", view),
                            "\((before + special + after).unicodeScalars.map { $0.value })")
                }
            }
        }
    }

    @Test("whitespace rules of standalone tags, partial indentation and block indentation match swift-mustache")
    func whitespaceRulesMatch() throws {
        let templates = [
            "main": "a\n  {{#f}}\n  in\n  {{/f}}\nb\n  {{> p}}\n{{! c }}\n  {{^zz}}\n\tx\r\n{{/zz}}  \n{{#f}}{{/f}}\n",
            "p": "one\n{{#f}}\ntwo\n{{/f}}\nthree {{t}}\n",
            "child": "{{<layout}}\n  {{$b}}\n    over\n      deeper\n  {{/b}}\n{{/layout}}\n",
            "layout": "<\n  {{$b}}\n  default\n  {{/b}}\n  {{> p}}\n>\n",
        ]
        let engines = try BothEngines(templates)
        let view = TestView(["f": .flag(true), "t": .text("x\ny")])
        for name in ["main", "child", "layout", "p"] {
            #expect(engines.ourText(name, view) == engines.oracleText(name, view), "\(name)")
        }
    }
}
