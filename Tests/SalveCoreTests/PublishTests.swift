// The rules of publishing that need no site: old addresses, the published-urls.txt format, the redirect files.
import Testing
@testable import SalveCore

@Suite("Publish rules")
struct PublishTests {
    @Test("an old address is a site path without the base path; a folder gains its /, a file keeps its name")
    func normalisesOldPaths() throws {
        #expect(try MovedPath.normalise("/articles/old-name/").get() == "articles/old-name/")
        #expect(try MovedPath.normalise("/articles/old-name").get() == "articles/old-name/")
        #expect(try MovedPath.normalise("/old/Page_1.html").get() == "old/Page_1.html")
    }

    @Test("an old address with a scheme, no leading /, .., //, a query, an odd character or the home page is refused",
          arguments: [
              ("https://example.org/old/", MovedPath.Problem.fullAddress), ("javascript:alert(1)", .fullAddress),
              ("articles/old/", .notRooted), ("/articles/../etc/", .dotPart), ("/./a/", .dotPart),
              ("/.git/", .dotPart), ("/a//b/", .emptyPart), ("/old/?id=3", .queryOrAnchor), ("/old/#top", .queryOrAnchor),
              ("/", .homePage), ("/with space/", .character), ("/caf\u{E9}/", .character), ("/a\\b/", .character),
          ])
    func refusesBadOldPaths(text: String, problem: MovedPath.Problem) {
        #expect(MovedPath.normalise(text) == .failure(problem))
    }

    @Test("published-urls.txt is read line by line with its lines; comments and blank lines are skipped")
    func parsesPublishedURLs() throws {
        let text = PublishedURLs.header + "\n/\n\n# retired on purpose below\n/articles/a/\n"
        let parsed = try PublishedURLs.parse(text).get()
        #expect(parsed.paths == [Located("/", line: 2, column: 1), Located("/articles/a/", line: 5, column: 1)])
    }

    @Test("a published-urls.txt that Salve did not make, or a line that is not a path, is one error with its line")
    func refusesForeignPublishedURLs() {
        #expect(PublishedURLs.parse("/articles/a/\n") == .failure(.error(
            "published-urls.txt", line: 1, "published-urls.txt was not made by Salve, so the build leaves it alone",
            fix: "rename the file, or start it with the line `# Salve published URLs` to let the build keep it")))
        #expect(PublishedURLs.parse(PublishedURLs.header + "\n/a/\nhttps://example.org/b/\n") == .failure(.error(
            "published-urls.txt", line: 3, column: 1, "this line is not a URL path: \"https://example.org/b/\"",
            fix: "write one path per line starting with /, such as /articles/ldn-fibromyalgia/")))
    }

    @Test("the list is written sorted under its header, and a recorded URL the build no longer makes names the fix")
    func removedURLs() throws {
        let text = PublishedURLs.text(["/faqs/b/", "/", "/articles/a/"])
        #expect(text == PublishedURLs.header + "\n/\n/articles/a/\n/faqs/b/\n")
        let recorded = try PublishedURLs.parse(text).get()
        #expect(recorded.removed(from: ["/", "/faqs/b/"]) == [.error(
            "published-urls.txt", line: 3, column: 1, "the URL /articles/a/ was published, and this build no longer makes it",
            fix: "add moved_from: [/articles/a/] to the page that replaced it, or remove the line to retire it")])
        #expect(recorded.removed(from: ["/", "/articles/a/", "/faqs/b/", "/new/"]).isEmpty)
    }

    @Test("the host rules and the nginx map answer the folder with and without its /, and its index.html")
    func redirectRules() {
        let redirect = Redirect(from: "articles/old/", to: "articles/new/", title: "New", sourcePath: "content/articles/new.md")
        let file = Redirect(from: "old.html", to: "articles/new/", title: "New", sourcePath: "content/articles/new.md")
        #expect(Redirect.hostRules([redirect, file], basePath: "/health/") == """
            # Made by Salve from each page's moved_from: old address, new address, status.
            /health/articles/old/ /health/articles/new/ 301
            /health/articles/old /health/articles/new/ 301
            /health/articles/old/index.html /health/articles/new/ 301
            /health/old.html /health/articles/new/ 301

            """)
        #expect(Redirect.nginxMap([redirect], basePath: "/") == """
            # Made by Salve from each page's moved_from. Include it in nginx's http block (see deploy/nginx/salve.conf).
            map_hash_bucket_size 128;
            map_hash_max_size 2048;
            map $uri $salve_redirect {
                default "";
                /articles/old/ /articles/new/;
                /articles/old /articles/new/;
                /articles/old/index.html /articles/new/;
            }

            """)
    }

    @Test("the nginx map's hash sizes grow with the longest old address and the number of addresses")
    func nginxHashFitsKeys() {
        let long = Redirect(from: String(repeating: "a", count: 200) + "/", to: "b/", title: "B", sourcePath: "b.md")
        #expect(Redirect.nginxMap([long], basePath: "/").contains("map_hash_bucket_size 1024;\nmap_hash_max_size 2048;\n"))
        let many = (0..<3000).map { Redirect(from: "old/\($0)/", to: "b/", title: "B", sourcePath: "b.md") }
        #expect(Redirect.nginxMap(many, basePath: "/").contains("map_hash_bucket_size 128;\nmap_hash_max_size 32768;\n"))
    }
}
