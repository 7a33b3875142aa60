// The site's files that are not pages: sitemap.xml, feed.xml and robots.txt.
import Foundation

extension Site {
    /// The sitemap (every HTML page but the 404; an index of sitemaps above `urlsPerSitemap` URLs), the feed and
    /// robots.txt.
    func feedFiles(listings: [Listing], urlsPerSitemap: Int) -> [OutputFile] {
        let sitemapEntries = listings.map { ($0.sitePath, newestReview(of: $0.terms?.flatMap(\.pages) ?? $0.items)) }
            + [("", newestReview(of: Array(pages.indices))), ("search/", nil)]
            + (glossary.terms.isEmpty ? [] : [("glossary/", nil)])
        return sitemaps(listings: sitemapEntries, limit: urlsPerSitemap)
            + [OutputFile("feed.xml", .text(atomFeed())), OutputFile("robots.txt", .text(robots()))]
    }
}
