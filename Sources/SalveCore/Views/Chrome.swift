// What every page shows around its content: the site's name and addresses, the navigation, the breadcrumbs.

/// Site-wide values (`site.*` in templates).
public struct SiteInfo: TemplateContext, Equatable {
    public var title: String
    public var description: String
    public var language: String
    /// The base path every link starts with (`/` or `/health/`).
    public var base: String
    public var disclaimer: String
    public var searchURL: String
    /// The glossary page's URL, when the site has a glossary.
    public var glossaryURL: String?
    /// `site.assets.style_css`: each theme asset's URL under its content-hashed name.
    public var assets = AssetURLs()

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "title": .text(title)
        case "description": .text(description)
        case "language": .text(language)
        case "base": .text(base)
        case "disclaimer": .text(disclaimer)
        case "search_url": .text(searchURL)
        case "glossary_url": glossaryURL.map(TemplateValue.text)
        case "assets": .view(assets)
        default: nil
        }
    }
}

/// One entry of the main navigation.
public struct NavLink: TemplateContext, Equatable {
    public var label: String
    public var url: String
    /// True on the pages of this section, for `aria-current`.
    public var current: Bool

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .text(label)
        case "url": .text(url)
        case "current": .flag(current)
        default: nil
        }
    }
}

/// One step of the breadcrumb trail; the last one (the page itself) has no URL.
public struct Crumb: TemplateContext, Equatable {
    public var label: String
    public var url: String?

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "label": .text(label)
        case "url": url.map(TemplateValue.text)
        default: nil
        }
    }
}

/// The breadcrumb trail of a page below the home page.
public struct Breadcrumbs: TemplateContext, Equatable {
    public var crumbs: [Crumb]

    public func templateValue(_ name: String) -> TemplateValue? {
        name == "crumbs" ? .list(of: crumbs) : nil
    }
}

/// The values every page template sees at its top level.
public struct Chrome: TemplateContext, Equatable {
    public var site: SiteInfo
    public var nav: [NavLink]
    public var title: String
    /// The `<title>`: the page title and the site's name.
    public var headTitle: String
    /// The meta description: the page's summary, or the site's description.
    public var description: String
    public var canonical: String
    public var breadcrumbs: Breadcrumbs?
    /// The page's schema.org JSON-LD, already safe to put in a `<script>` element.
    public var jsonLD: String?
    /// The page in each language it is in, and `x-default`, for `<link rel="alternate" hreflang>`; nil when the
    /// page is in one language only.
    public var alternates: [Alternate]? = nil
    /// The language switch: this page, or the home page, in each other language; nil for a site in one language.
    public var languages: LanguageSwitch? = nil
    /// The theme's words in the page's language (`strings.toc_heading`).
    public var strings: UIStrings = .english

    public func templateValue(_ name: String) -> TemplateValue? {
        switch name {
        case "site": .view(site)
        case "alternates": alternates.map { .list(of: $0) }
        case "languages": languages.map(TemplateValue.view)
        case "strings": .view(strings)
        case "nav": .list(of: nav)
        case "title": .text(title)
        case "head_title": .text(headTitle)
        case "description": .text(description)
        case "canonical": .text(canonical)
        case "breadcrumbs": breadcrumbs.map(TemplateValue.view)
        case "json_ld": jsonLD.map(TemplateValue.text)
        default: nil
        }
    }
}
