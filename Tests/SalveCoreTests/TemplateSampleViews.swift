// The real typed views of a site (the sample knowledge base by default), for engine tests and the benchmark.
import Foundation

@testable import SalveCore

enum SampleViews {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every page of the site at `root` as (template, view), in output order.
    static func all(root: URL = repository) throws -> [(String, any TemplateContext)] {
        let model = try Build.model(BuildOptions(root: root))
        return model.site.views(listings: model.listings).map { ($0.template, $0.view.context) }
    }

    /// The theme at `root` as template sources for `BothEngines`.
    static func templates(root: URL = repository) throws -> [String: String] {
        let folder = root.appendingPathComponent("templates")
        var templates: [String: String] = [:]
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        where file.hasSuffix(".mustache") && !file.hasPrefix("assets/") {
            templates[String(file.dropLast(".mustache".count))] =
                try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        return templates
    }
}
