// Reads the project folder into values: salve.yml, content/, the glossary, synonyms and the theme. The only place
// the build reads the disk (besides copying media and assets byte for byte when it writes).
import Foundation

/// Everything a build reads, read once at the start.
struct Project: Sendable {
    /// salve.yml's text; nil when it is missing or unreadable (then `diagnostics` says why).
    var configText: String?
    var content: ContentSource
    var glossaryText: String?
    var synonymsText: String?
    /// The other languages' glossaries and synonyms (`content/glossary.es.yml`), by path.
    var languageTexts: [String: String] = [:]
    var templates: TemplateLibrary
    /// Theme assets as (path under assets/, source file).
    var assets: [(String, URL)]
    /// The theme assets with their content-hashed names.
    var themeAssets = ThemeAssets()
    /// The theme assets with what they were made from, for the next build to reuse.
    var madeAssets: ThemeAssets.Made? = nil
    /// The width and height of each image under content/media that has one in its header, by path under content/.
    var imageSizes: [String: ImageSize] = [:]
    /// Problems reading the files: missing, unreadable, not UTF-8, links leaving the project.
    var diagnostics: [Diagnostic]

    /// The files under content/media, as (output path, source file).
    var media: [(String, URL)] {
        content.media.map { ($0, contentFolder.appendingPathComponent($0)) }
    }

    let contentFolder: URL

    /// - Parameters:
    ///   - last: the previous build's content (the preview's): pages with the same stamp are not read again.
    ///   - changed: paths under content/ the watcher saw change.
    ///   - lastAssets: the previous build's theme assets, reused when their bytes are the same.
    static func read(_ root: URL, last: ContentSource? = nil, changed: Set<String>? = nil, trustingChanged: Bool = false,
                     lastAssets: ThemeAssets.Made? = nil, lastTemplates: TemplateLibrary? = nil) -> Project
    {
        var diagnostics: [Diagnostic] = []
        let configText = readText(root.appendingPathComponent("salve.yml"), path: "salve.yml", what: "salve.yml", into: &diagnostics)
        if configText == nil, !diagnostics.contains(where: { $0.path == "salve.yml" }) {
            diagnostics.append(.error("salve.yml", "salve.yml is missing or cannot be read",
                                      fix: "create salve.yml with at least `title:` and `base_url:`"))
        }
        let contentFolder = root.appendingPathComponent("content")
        let content = ContentSource.load(from: contentFolder, displayFolder: "content", last: last, changed: changed,
                                         trustingChanged: trustingChanged)
        diagnostics += content.diagnostics
        let glossaryText = readText(
            root.appendingPathComponent(Glossary.path), path: Glossary.path, what: "the glossary", into: &diagnostics)
        let synonymsText = readText(
            root.appendingPathComponent(Synonyms.path), path: Synonyms.path, what: "the synonyms file", into: &diagnostics)
        var languageTexts: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: contentFolder.path)) ?? []
        for name in names.sorted() where isLanguageSettingsFile(name) {
            let path = "content/" + name
            languageTexts[path] = readText(contentFolder.appendingPathComponent(name), path: path, what: path, into: &diagnostics)
        }
        let (templates, templateDiagnostics) = TemplateLibrary.load(
            from: root.appendingPathComponent("templates"), displayFolder: "templates", last: lastTemplates)
        diagnostics += templateDiagnostics
        let assets = templates.assets.map { ($0, root.appendingPathComponent("templates/assets").appendingPathComponent($0)) }
        let madeAssets = ThemeAssets.make(assets, last: lastAssets)
        diagnostics += madeAssets.diagnostics
        var imageSizes: [String: ImageSize] = [:]
        for path in content.media {
            imageSizes[path] = ImageSize.read(file: contentFolder.appendingPathComponent(path))
        }
        return Project(
            configText: configText, content: content, glossaryText: glossaryText, synonymsText: synonymsText,
            languageTexts: languageTexts, templates: templates,
            assets: assets, themeAssets: madeAssets.assets, madeAssets: madeAssets, imageSizes: imageSizes, diagnostics: diagnostics, contentFolder: contentFolder)
    }

    /// `glossary.es.yml` or `synonyms.es.yml`: a language's own glossary or synonyms.
    private static func isLanguageSettingsFile(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && (parts[0] == "glossary" || parts[0] == "synonyms") && parts[2] == "yml"
            && LanguageSettings.isValidCode(String(parts[1]))
    }

    /// A file's text, or nil when it does not exist; a file that is not UTF-8 is an error naming the line.
    private static func readText(_ file: URL, path: String, what: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        switch ContentSource.decodeUTF8(data) {
        case .success(let text): return text
        case .failure(let line):
            diagnostics.append(.error(path, line: line.value, "\(what) is not valid UTF-8 text", fix: "save it as UTF-8"))
            return nil
        }
    }
}
