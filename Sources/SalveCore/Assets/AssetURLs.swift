// `{{site.assets.NAME}}` in templates: each theme asset's URL under its content-hashed name, with the base path.

/// The URL of each theme asset, by its template name (`style_css` -> `/health/assets/style.3f9a1c2e.css`).
public struct AssetURLs: TemplateContext, Equatable {
    public var urls: [String: String]

    public init(_ assets: ThemeAssets = ThemeAssets(), basePath: String = "/") {
        var urls: [String: String] = [:]
        // Sorted, so two paths with one template name (`a-b.js`, `a_b.js`) always give the first the name.
        for (path, hashed) in assets.hashed.sorted(by: { $0.key < $1.key }) where urls[ThemeAssets.key(path)] == nil {
            urls[ThemeAssets.key(path)] = basePath + "assets/" + hashed
        }
        self.urls = urls
    }

    public func templateValue(_ name: String) -> TemplateValue? {
        urls[name].map(TemplateValue.text)
    }
}

extension AssetURLs: CustomReflectable {
    /// One child per template name, so tools that list a view's names (the README reference test) see them.
    public var customMirror: Mirror {
        Mirror(self, children: urls.sorted { $0.key < $1.key }.map { (label: $0.key, value: $0.value as Any) })
    }
}
