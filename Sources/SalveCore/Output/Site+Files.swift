// Every file of the finished site: pages through templates, listings, feeds, the search index, copies.
import Foundation

extension Site {
    /// Renders every page (in parallel) and lists the files to copy. Paths are inside the output folder.
    func outputFiles(templates: TemplateLibrary, assets: [(String, URL)], media: [(String, URL)], threads: Int?,
                     urlsPerSitemap: Int = Site.urlsPerSitemap) throws -> [OutputFile]
    {
        let listings = self.listings
        let site = self
        var files = Array(pages.indices).parallelMap(threads: threads) { index in
            let page = site.pages[index]
            let html = templates.render(page.kind.rawValue, site.pageContext(index))
            return OutputFile(page.sitePath + "index.html", .text(html))
        }
        files += listings.parallelMap(threads: threads) { listing in
            let items = listing.terms.map { terms in
                terms.map { ["title": $0.name, "url": site.url($0.sitePath), "count": $0.pages.count] as [String: Any] }
            } ?? listing.items.map(site.card)
            let context = site.listContext(
                sitePath: listing.sitePath, title: listing.title, intro: listing.intro, items: items,
                breadcrumbs: listing.breadcrumbs)
            return OutputFile(listing.sitePath + "index.html", .text(templates.render("list", context)))
        }
        files.append(OutputFile("index.html", .text(templates.render("home", homeContext(latest: 6)))))
        files.append(OutputFile("search/index.html", .text(templates.render("search", searchContext()))))
        if !glossary.terms.isEmpty {
            files.append(OutputFile("glossary/index.html", .text(templates.render("glossary", glossaryContext()))))
        }
        let notFound = baseContext(sitePath: "404.html", title: "Page not found", description: "", breadcrumbs: [])
        files.append(OutputFile("404.html", .text(templates.render("404", notFound))))

        let sitemapEntries = listings.map { ($0.sitePath, newestReview(of: $0.terms?.flatMap(\.pages) ?? $0.items)) }
            + [("", newestReview(of: Array(pages.indices))), ("search/", nil)]
            + (glossary.terms.isEmpty ? [] : [("glossary/", nil)])
        files += sitemaps(listings: sitemapEntries, limit: urlsPerSitemap)
        files.append(OutputFile("feed.xml", .text(atomFeed())))
        files.append(OutputFile("robots.txt", .text(robots())))
        files += assets.map { OutputFile("assets/" + $0.0, .copy($0.1)) }
        files += media.map { OutputFile($0.0, .copy($0.1)) }
        return files
    }
}
