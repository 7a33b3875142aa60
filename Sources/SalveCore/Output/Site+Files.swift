// The site's files that are not pages: sitemap.xml, feed.xml and robots.txt.
import Foundation

extension Site {
    func atomFeedFile() -> OutputFile { OutputFile("feed.xml", .text(atomFeed())) }

    /// The sitemap (every HTML page but the 404 of every language, with the other languages' `translations`; an
    /// index of sitemaps above `urlsPerSitemap` URLs) and robots.txt, which only the default language's part writes.
    func sitemapFiles(listings: [Listing], urlsPerSitemap: Int, translations: [SitemapEntry]) -> [OutputFile] {
        let entries = translations.isEmpty
            ? sitemapEntries(listings: listings)
            : (sitemapEntries(listings: listings) + translations).sorted { $0.url < $1.url }
        return sitemaps(entries, limit: urlsPerSitemap) + [OutputFile("robots.txt", .text(robots()))]
    }
}
