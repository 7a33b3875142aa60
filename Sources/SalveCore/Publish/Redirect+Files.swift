// The files that carry the redirects: a page at each old address (works on any host), a `_redirects` file
// (Netlify, Cloudflare Pages) and an nginx `map` include, all with the base path.

extension Redirect {
    /// The `_redirects` file's name: the hosts that read it look for exactly this name at the site's root.
    static let hostRulesFile = "_redirects"
    /// The nginx include; deploy/nginx/salve.conf includes it in the `http` block and answers 301 from it.
    static let nginxFile = "nginx-redirects.conf"

    /// A redirect page for each redirect, then `_redirects` and `nginx-redirects.conf` (written even with no
    /// redirects, so a server configuration that includes them keeps working).
    static func files(_ redirects: [Redirect], config: SiteConfig) -> [OutputFile] {
        let pages = redirects.map { OutputFile($0.file, .text(page(for: $0, config: config))) }
        return pages + [
            OutputFile(hostRulesFile, .text(hostRules(redirects, basePath: config.basePath))),
            OutputFile(nginxFile, .text(nginxMap(redirects, basePath: config.basePath))),
        ]
    }

    /// A page that sends browsers on at once and tells search engines where the page is now (`rel=canonical`,
    /// and `noindex` so the old address leaves their index), with a link for a browser that does neither.
    static func page(for redirect: Redirect, config: SiteConfig) -> String {
        let target = escapeHTML(config.basePath + redirect.to)
        let words = redirect.strings
        let moved = words.text("moved_text").components(separatedBy: "{link}")
        let link = "<a href=\"\(target)\">\(escapeHTML(redirect.title))</a>"
        return """
            <!DOCTYPE html>
            <html lang="\(escapeHTML(redirect.language ?? config.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(words.text("moved_title", ["title": redirect.title])))</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(escapeHTML(config.baseURL + redirect.to))">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head>
            <body>
            <main>
            <h1>\(escapeHTML(words.text("moved_heading")))</h1>
            <p>\(moved.map(escapeHTML).joined(separator: link))</p>
            </main>
            </body>
            </html>

            """
    }

    /// The old addresses a host may be asked for: the folder with and without its `/`, and its index.html.
    private func requestPaths(basePath: String) -> [String] {
        guard from.hasSuffix("/") else { return [basePath + from] }
        return [basePath + from, basePath + String(from.dropLast()), basePath + file]
    }

    static func hostRules(_ redirects: [Redirect], basePath: String) -> String {
        var text = "# Made by Salve from each page's moved_from: old address, new address, status.\n"
        for redirect in redirects {
            for old in redirect.requestPaths(basePath: basePath) { text += "\(old) \(basePath + redirect.to) 301\n" }
        }
        return text
    }

    /// A `map` from the requested path to its new address; nginx's `server` block answers
    /// `if ($salve_redirect) { return 301 $salve_redirect; }`. The paths hold only `[A-Za-z0-9._~/-]`
    /// (`MovedPath`), so none needs quoting.
    static func nginxMap(_ redirects: [Redirect], basePath: String) -> String {
        let rules = redirects.flatMap { redirect in
            redirect.requestPaths(basePath: basePath).map { ($0, basePath + redirect.to) }
        }
        // nginx refuses to start ("could not build map_hash") when a key does not fit its hash bucket (64 bytes by
        // default), and warns ("could not build optimal map_hash") when the keys do not spread over at most
        // map_hash_max_size buckets. A key takes its length plus 10, rounded up to 8 bytes, and a bucket 8 more.
        // Measured with nginx 1.22 (Tests/Publish/nginx_test.py checks 4,000 keys): room for three of the longest
        // keys per bucket and twice as many buckets as keys load without a warning; one key per bucket does not.
        let longest = rules.map(\.0.utf8.count).max() ?? 0
        let entry = (longest + 10 + 7) / 8 * 8
        var bucket = 128
        while bucket < 3 * entry + 8 { bucket *= 2 }
        var maximum = 2048
        while maximum < rules.count * 2 { maximum *= 2 }
        var text = """
            # Made by Salve from each page's moved_from. Include it in nginx's http block (see deploy/nginx/salve.conf).
            map_hash_bucket_size \(bucket);
            map_hash_max_size \(maximum);
            map $uri $salve_redirect {
                default "";

            """
        for (old, new) in rules { text += "    \(old) \(new);\n" }
        return text + "}\n"
    }
}
