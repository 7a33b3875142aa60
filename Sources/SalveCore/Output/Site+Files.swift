// The site's files that are not pages: sitemap.xml, feed.xml and robots.txt.
import Foundation

extension Site {
    /// The sitemap (every HTML page but the 404 of every language; an index of sitemaps above `urlsPerSitemap`
    /// URLs), the feed and robots.txt.
    /// - Parameter translations: the sitemap entries of the site's other languages; only the default language's
    ///   part writes the sitemap and robots.txt, and the others only their feed.
    func feedFiles(listings: [Listing], urlsPerSitemap: Int, translations: [SitemapEntry]? = []) -> [OutputFile] {
        let feed = OutputFile("feed.xml", .text(atomFeed()))
        guard let translations else { return [feed] }
        let entries = translations.isEmpty
            ? sitemapEntries(listings: listings)
            : (sitemapEntries(listings: listings) + translations).sorted { $0.url < $1.url }
        return sitemaps(entries, limit: urlsPerSitemap) + [feed, OutputFile("robots.txt", .text(robots()))]
    }
}
