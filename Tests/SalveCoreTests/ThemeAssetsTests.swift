// Content-hashed names: the hash itself, where it goes in a name, and theme assets renamed along their imports.
import Foundation
import Testing

@testable import SalveCore

@Suite struct ThemeAssetsTests {
    @Test("the hash is FNV-1a 64 folded to 8 hex digits (values from an independent Python version)")
    func hash() {
        #expect(ContentHash.of([UInt8]()) == "4fd0bfc1")
        #expect(ContentHash.of(Array("a".utf8)) == "296230c0")
        #expect(ContentHash.of(Array("body{}".utf8)) == "2c18e2dc")
    }

    @Test("the hash goes before the last extension of the file name, never of a folder")
    func names() {
        #expect(ContentHash.name("style.css", hash: "3f9a1c2e") == "style.3f9a1c2e.css")
        #expect(ContentHash.name("search/results/3.json", hash: "3f9a1c2e") == "search/results/3.3f9a1c2e.json")
        #expect(ContentHash.name("v1.2/LICENSE", hash: "3f9a1c2e") == "v1.2/LICENSE.3f9a1c2e")
        #expect(ContentHash.name("img/.icon", hash: "3f9a1c2e") == "img/.icon.3f9a1c2e")
    }

    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salve-assets-\(UUID().uuidString)")
        init(_ files: [String: String]) throws {
            for (path, text) in files {
                let file = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
        }
        func assets(_ paths: [String]) -> [(String, URL)] { paths.map { ($0, url.appendingPathComponent($0)) } }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let theme = [
        "a.js": #"import { b } from "./b.js"; import { d } from "./data.js";"#,
        "b.js": "import { c } from './c.js';",
        "c.js": "export const c = 1;",
        "data.js": "export const d = 2;",
        "style.css": "body { background: url(img/dot.svg) }",
        "img/dot.svg": "<svg/>",
    ]

    func hashed(_ files: [String: String]) throws -> (ThemeAssets, [Diagnostic]) {
        let folder = try Folder(files)
        let made = ThemeAssets.make(folder.assets(files.keys.sorted()))
        return (made.assets, made.diagnostics)
    }

    @Test("a script or stylesheet names the hashed files it imports, and a change below renames every file above it")
    func renamedAlongImports() throws {
        let (first, diagnostics) = try hashed(Self.theme)
        #expect(diagnostics.isEmpty)
        let contents = Dictionary(first.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        guard case .bytes(let a) = contents["assets/" + first.hashed["a.js"]!] else {
            Issue.record("a.js was not rewritten")
            return
        }
        #expect(String(decoding: a, as: UTF8.self)
            == #"import { b } from "./\#(first.hashed["b.js"]!)"; import { d } from "./\#(first.hashed["data.js"]!)";"#)
        guard case .bytes(let css) = contents["assets/" + first.hashed["style.css"]!] else { return }
        #expect(String(decoding: css, as: UTF8.self) == "body { background: url(\(first.hashed["img/dot.svg"]!)) }")
        #expect(first.hashed["img/dot.svg"] == "img/dot.\(ContentHash.of(Array("<svg/>".utf8))).svg")
        #expect(contents["assets/a.js"] != nil && contents["assets/style.css"] != nil, "plain names are kept")

        var edited = Self.theme
        edited["c.js"] = "export const c = 3;"
        let (second, _) = try hashed(edited)
        for path in ["a.js", "b.js", "c.js"] { #expect(first.hashed[path] != second.hashed[path], "\(path)") }
        for path in ["data.js", "style.css", "img/dot.svg"] { #expect(first.hashed[path] == second.hashed[path], "\(path)") }
    }

    @Test("scripts that import each other in a circle are an error naming the file")
    func circle() throws {
        let (assets, diagnostics) = try hashed(["x.js": "import './y.js'", "y.js": "import \"./x.js\""])
        #expect(assets.hashed.isEmpty)
        #expect(diagnostics.first?.path == "templates/assets/x.js" || diagnostics.first?.path == "templates/assets/y.js")
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("name each other") })
    }

    @Test("templates name an asset by its path with . / - as _, and get its URL with the base path")
    func templateNames() throws {
        let (assets, _) = try hashed(Self.theme)
        let urls = AssetURLs(assets, basePath: "/health/")
        guard case .text(let url)? = urls.templateValue("img_dot_svg") else {
            Issue.record("no img_dot_svg")
            return
        }
        #expect(url == "/health/assets/" + assets.hashed["img/dot.svg"]!)
        #expect(urls.templateValue("style.css") == nil)
    }
}
