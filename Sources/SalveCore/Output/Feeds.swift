// sitemap.xml, feed.xml (Atom) and robots.txt: dated only by content, so the output stays reproducible.

extension Site {
    /// sitemaps.org allows at most this many URLs in one sitemap file.
    public static let urlsPerSitemap = 50_000

    /// Every HTML page but the 404 of this part of the site, with lastmod from the page's last review or update
    /// (a listing's: the newest review it shows).
    func sitemapEntries(listings: [Listing]) -> [SitemapEntry] {
        let others = listings.map { ($0.sitePath, newestReview(of: $0.terms?.flatMap(\.pages) ?? $0.items)) }
            + [("", newestReview(of: Array(pages.indices))), ("search/", nil)]
            + (glossary.terms.isEmpty ? [] : [("glossary/", nil)])
        return (others + pages.map { ($0.sitePath, Optional($0.metadata.lastChanged)) })
            .sorted(by: { $0.0 < $1.0 })
            .map { SitemapEntry(url: absoluteURL($0.0), lastmod: $0.1) }
    }

    /// One sitemap.xml of `entries` (with each page's other languages), or, above `limit` URLs, sitemap.xml as an
    /// index of sitemap-1.xml, sitemap-2.xml, … of at most `limit` URLs each.
    func sitemaps(_ entries: [SitemapEntry], limit: Int = Site.urlsPerSitemap) -> [OutputFile] {
        guard entries.count > limit else { return [OutputFile("sitemap.xml", .text(urlset(entries[...])))] }
        var files: [OutputFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: entries.count, by: max(limit, 1)).enumerated() {
            let part = entries[start..<min(start + max(limit, 1), entries.count)]
            let name = "sitemap-\(number + 1).xml"
            files.append(OutputFile(name, .text(urlset(part))))
            index += "  <sitemap><loc>\(escapeHTML(absoluteURL(name)))</loc>"
            if let newest = part.compactMap(\.lastmod).max() { index += "<lastmod>\(newest)</lastmod>" }
            index += "</sitemap>\n"
        }
        return [OutputFile("sitemap.xml", .text(index + "</sitemapindex>\n"))] + files
    }

    private func urlset(_ entries: ArraySlice<SitemapEntry>) -> String {
        // The xhtml namespace only where a page has other languages, so a site in one language keeps its bytes.
        let multilingual = !translations.isEmpty
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n")
        for entry in entries {
            xml += "  <url><loc>\(escapeHTML(entry.url))</loc>"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            for alternate in translations.alternates(of: entry.url) ?? [] {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(escapeHTML(alternate.language))\" href=\"\(escapeHTML(alternate.url))\"/>"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom feed of the `feed.entries` most recently changed pages (reviewed or updated), newest first.
    func atomFeed() -> String {
        // Sort keys made once per page: reading them in the comparison copied a page's metadata twice per step.
        let keys = pages.map { ($0.metadata.lastChanged, $0.metadata.title) }
        let ordered = pages.indices.sorted { a, b in (keys[b].0, keys[a].1) < (keys[a].0, keys[b].1) }
            .lazy.map { pages[$0] }
        let updated = ordered.first.map { "\($0.metadata.lastChanged)T00:00:00Z" } ?? "2000-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escapeHTML(config.language))">
              <title>\(escapeHTML(config.title))</title>
              <subtitle>\(escapeHTML(config.description))</subtitle>
              <link href="\(escapeHTML(absoluteURL("feed.xml")))" rel="self"/>
              <link href="\(escapeHTML(config.baseURL))"/>
              <id>\(escapeHTML(config.baseURL))</id>
              <updated>\(updated)</updated>

            """
        for page in ordered.prefix(config.feedEntries) {
            let link = escapeHTML(absoluteURL(page.sitePath))
            xml += """
                  <entry>
                    <title>\(escapeHTML(page.metadata.title))</title>
                    <link href="\(link)"/>
                    <id>\(link)</id>
                    <updated>\(page.metadata.lastChanged)T00:00:00Z</updated>
                    <author><name>\(escapeHTML(page.metadata.reviewedBy))</name></author>
                    <summary>\(escapeHTML(page.metadata.summary))</summary>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(absoluteURL("sitemap.xml"))\n"
    }
}

/// One URL of the sitemap.
struct SitemapEntry: Sendable, Equatable {
    /// Absolute.
    var url: String
    var lastmod: Day?
}

extension Metadata {
    /// Atom's `<updated>`: the last time the page changed in a way readers should know, its review or its
    /// `updated` day, whichever is later.
    var lastChanged: Day { max(lastReviewed, lastUpdated ?? lastReviewed) }
}
