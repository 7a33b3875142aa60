// Makes the typed view of every page of the site: the last step before templates.

extension Site {
    /// The main navigation: the strings key of each entry's label, and its site path.
    static let navigation: [(label: String, path: String)] = [
        ("nav_articles", "articles/"), ("nav_faqs", "faqs/"), ("nav_comparisons", "comparisons/"),
        ("nav_conditions", "conditions/"), ("nav_treatments", "treatments/"),
    ]

    /// Every HTML page of the site with its template and view, in output order.
    /// - Parameter assets: the theme's files under content-hashed names, for `site.assets`.
    func views(listings: [Listing], assets: ThemeAssets = ThemeAssets(), latest: Int = 6) -> [ViewFile] {
        let cards = pages.indices.map(card)
        let urls = AssetURLs(assets, basePath: config.rootBasePath)
        // Content pages are most of the work (JSON-LD above all): on every core, in page order.
        let site = self
        return Array(pages.indices).parallelMap { site.pageView($0, cards: cards, assets: urls) }
            + otherViews(listings: listings, cards: cards, assets: urls, latest: latest)
    }

    /// What every page's chrome shows of the site.
    func siteInfo(_ assets: AssetURLs) -> SiteInfo {
        SiteInfo(
            title: config.title, description: config.description, language: config.language, base: config.basePath,
            disclaimer: config.disclaimer, searchURL: url("search/"), glossaryURL: glossary.terms.isEmpty ? nil : url("glossary/"),
            assets: assets)
    }

    /// The view of the content page at `index`; it reads the page, the cards of its related pages, the settings
    /// the glossary and the assets' URLs, and nothing else (the preview keeps a page's view while those are the same).
    func pageView(_ index: Int, cards: [Card], assets: AssetURLs) -> ViewFile {
        let page = pages[index]
        var pageChrome = chrome(
            siteInfo(assets), page.sitePath, title: page.metadata.title, description: page.metadata.summary,
            breadcrumbs: [(strings.text("breadcrumb_home"), ""), (strings.text("list_\(page.kind.folder)_title"), page.kind.folder + "/"),
                          (page.metadata.title, nil)])
        pageChrome.jsonLD = structuredDataJSON(for: index)
        let view = PageView(chrome: pageChrome, page: content(index, cards: cards))
        return ViewFile(path: page.sitePath + "index.html", template: page.kind.rawValue, view: .page(view))
    }

    /// The listings, home, search, glossary and 404 pages, in output order.
    func otherViews(listings: [Listing], cards: [Card], assets: AssetURLs, latest: Int = 6, threads: Int? = nil) -> [ViewFile] {
        let siteInfo = self.siteInfo(assets)
        @Sendable func chrome(_ sitePath: String, title: String, description: String, breadcrumbs: [(String, String?)]) -> Chrome {
            self.chrome(siteInfo, sitePath, title: title, description: description, breadcrumbs: breadcrumbs)
        }
        var files = listings.parallelMap(threads: threads) { listing in
            var listingChrome = chrome(
                listing.sitePath, title: listing.title, description: listing.intro, breadcrumbs: listing.breadcrumbs)
            listingChrome.jsonLD = simplePageStructuredData(
                type: "CollectionPage", sitePath: listing.sitePath, title: listing.title, description: listing.intro
            ).scriptSafeJSON()
            let items = listing.terms.map { terms in
                terms.map { Card(title: $0.name, url: url($0.sitePath), count: $0.pages.count) }
            } ?? listing.items.map { cards[$0] }
            let view = ListingView(
                chrome: listingChrome,
                list: .init(title: listing.title, intro: listing.intro, definition: listing.definition, items: items))
            return ViewFile(path: listing.sitePath + "index.html", template: "list", view: .listing(view))
        }

        var homeChrome = chrome("", title: config.title, description: config.description, breadcrumbs: [])
        homeChrome.jsonLD = homeStructuredData().scriptSafeJSON()
        // Sort keys made once per page, not in each of the comparisons.
        let reviewed = pages.map { ($0.metadata.lastReviewed, $0.metadata.title) }
        let newest = pages.indices.sorted { (reviewed[$1].0, reviewed[$0].1) < (reviewed[$0].0, reviewed[$1].1) }
        let home = HomeView.Home(
            conditions: conditions.map { TermLink(name: $0.name, url: url($0.sitePath)) },
            treatments: treatments.map { TermLink(name: $0.name, url: url($0.sitePath)) },
            latest: newest.prefix(latest).map { cards[$0] })
        files.append(ViewFile(path: "index.html", template: "home", view: .home(HomeView(chrome: homeChrome, home: home))))

        let searchDescription = strings.text("search_description")
        var searchChrome = chrome("search/", title: strings.text("search_title"), description: searchDescription,
                                  breadcrumbs: [(strings.text("breadcrumb_home"), ""), (strings.text("search_title"), nil)])
        searchChrome.jsonLD = simplePageStructuredData(
            type: "SearchResultsPage", sitePath: "search/", title: strings.text("search_title"), description: searchDescription
        ).scriptSafeJSON()
        let lowercased = pages.map { $0.metadata.title.lowercased() }
        let byTitle = pages.indices.sorted { lowercased[$0] < lowercased[$1] }
        let topics = Site.groupByFirstLetter(byTitle, of: { pages[$0].metadata.title }).map { letter, indexes in
            SearchPageView.Letter(letter: letter, items: indexes.map { cards[$0] })
        }
        files.append(ViewFile(path: "search/index.html", template: "search", view: .search(SearchPageView(chrome: searchChrome, topics: topics, searchTexts: strings.searchTexts()))))

        if !glossary.terms.isEmpty {
            var glossaryChrome = chrome(
                "glossary/", title: strings.text("glossary_title"), description: strings.text("glossary_intro"),
                breadcrumbs: [(strings.text("breadcrumb_home"), ""), (strings.text("glossary_title"), nil)])
            glossaryChrome.jsonLD = glossaryStructuredData().scriptSafeJSON()
            let letters = Site.groupByFirstLetter(glossary.terms, of: \.term).map { letter, terms in
                GlossaryView.Letter(letter: letter, terms: terms.map { term in
                    GlossaryView.Entry(term: term.term, id: term.slug, definition: term.definition,
                                       alsoCalled: term.alsoCalled.isEmpty ? nil : term.alsoCalled.joined(separator: ", "))
                })
            }
            files.append(ViewFile(path: "glossary/index.html", template: "glossary", view: .glossary(GlossaryView(chrome: glossaryChrome, letters: letters))))
        }
        files.append(ViewFile(path: "404.html", template: "404", view: .notFound(chrome("404.html", title: strings.text("not_found_title"), description: "", breadcrumbs: []))))
        return files
    }

    /// The chrome of the page at `sitePath`.
    func chrome(_ siteInfo: SiteInfo, _ sitePath: String, title: String, description: String,
                breadcrumbs: [(String, String?)]) -> Chrome
    {
        Chrome(
            site: siteInfo,
            nav: Site.navigation.map { NavLink(label: strings.text($0.label), url: url($0.path), current: sitePath.hasPrefix($0.path)) },
            title: title, headTitle: sitePath.isEmpty ? config.title : strings.text("head_title", ["title": title, "site": config.title]),
            description: description.isEmpty ? config.description : description, canonical: absoluteURL(sitePath),
            breadcrumbs: breadcrumbs.isEmpty
                ? nil : Breadcrumbs(crumbs: breadcrumbs.map { Crumb(label: $0.0, url: $0.1.map(url)) }),
            jsonLD: nil, alternates: translations.alternates(of: absoluteURL(sitePath)),
            languages: translations.switchLinks(of: absoluteURL(sitePath), in: config.language).map(LanguageSwitch.init),
            strings: strings)
    }

    /// Consecutive runs of `items` that share the uppercased first letter of `text`.
    static func groupByFirstLetter<Item>(_ items: [Item], of text: (Item) -> String) -> [(String, [Item])] {
        var groups: [(String, [Item])] = []
        for item in items {
            let letter = text(item).first.map { String($0).uppercased() } ?? "#"
            if groups.last?.0 == letter { groups[groups.count - 1].1.append(item) } else { groups.append((letter, [item])) }
        }
        return groups
    }

    func card(_ index: Int) -> Card {
        let page = pages[index]
        return Card(
            title: page.metadata.title, url: url(page.sitePath), kind: strings.kind(page.kind),
            summary: page.metadata.summary.isEmpty ? nil : page.metadata.summary,
            lastReviewed: strings.date(page.metadata.lastReviewed), lastReviewedISO: page.metadata.lastReviewed.description)
    }

    private func termLinks(_ names: [String], _ taxonomy: Term.Taxonomy) -> TermLinks? {
        names.isEmpty ? nil : TermLinks(links: names.map { TermLink(name: $0, url: url("\(taxonomy.rawValue)/\(Slug.make($0))/")) })
    }

    /// `page.*` of the content page at `index`.
    func content(_ index: Int, cards: [Card]) -> PageContent {
        let page = pages[index]
        let metadata = page.metadata
        // Articles list their sections when they have several; FAQ pages list every question, so they can be scanned.
        let toc = page.kind == .faq
            ? page.body.sections.map { TableOfContents.Entry(text: $0.heading.text, id: $0.heading.id) }
            : page.body.headings.filter { $0.level == 2 }.map { TableOfContents.Entry(text: $0.text, id: $0.id) }
        let conditions = termLinks(metadata.conditions, .conditions)
        let treatments = termLinks(metadata.treatments, .treatments)
        return PageContent(
            title: metadata.title, summary: metadata.summary, kind: strings.kind(page.kind), body: page.body.html,
            toc: (page.kind == .article && toc.count > 1) || (page.kind == .faq && !toc.isEmpty)
                ? TableOfContents(entries: toc) : nil,
            reviewedBy: metadata.reviewedBy,
            reviewedByLine: strings.text("review_reviewed_by", ["name": metadata.reviewedBy]),
            lastReviewed: strings.date(metadata.lastReviewed), lastReviewedISO: metadata.lastReviewed.description,
            nextReview: strings.date(metadata.nextReview), nextReviewISO: metadata.nextReview.description,
            lastUpdated: metadata.lastUpdated.map(strings.date), lastUpdatedISO: metadata.lastUpdated?.description,
            changes: metadata.changes.isEmpty ? nil : ChangeList(items: metadata.changes.map { change in
                ChangeList.Item(date: strings.date(change.date), dateISO: change.date.description, text: change.text)
            }),
            references: metadata.references.isEmpty ? nil : ReferenceList(items: metadata.references.map { reference in
                ReferenceList.Item(
                    title: reference.title, publisher: reference.publisher.nonEmpty, year: reference.year.nonEmpty,
                    url: reference.url.nonEmpty)
            }),
            related: related[index].isEmpty ? nil : RelatedPages(cards: related[index].map { cards[$0] }),
            topics: conditions == nil && treatments == nil ? nil : Topics(conditions: conditions, treatments: treatments),
            alsoCalled: metadata.alsoCalled.isEmpty ? nil : metadata.alsoCalled.joined(separator: ", "),
            questions: page.body.sections.map { section in
                Question(question: section.heading.text, id: section.heading.id, headingHTML: section.headingHTML, html: section.html)
            },
            notes: page.body.sections.map { $0.headingHTML + $0.html }.joined(),
            table: page.table.map { table(of: $0, caption: metadata.title) })
    }

    private func table(of table: RenderedTable, caption: String) -> TableView {
        TableView(
            caption: caption, columns: table.columns.map { TableView.Column(label: $0) },
            rows: table.rows.map { row in
                TableView.Row(
                    name: row.name, url: row.href.nonEmpty,
                    cells: zip(table.columns, row.cells).map { column, cell in
                        switch cell {
                        case .html(let html): TableView.Cell(label: column, html: html, unknown: false)
                        case .list(let items):
                            TableView.Cell(label: column, list: .init(items: items.map { .init(html: $0) }), unknown: false)
                        case .unknown: TableView.Cell(label: column, unknown: true)
                        }
                    })
            })
    }
}

extension Optional where Wrapped == String {
    /// Empty text counts as none: a template shows optional text only when there is some.
    var nonEmpty: String? {
        switch self {
        case .some(let text) where !text.isEmpty: text
        default: nil
        }
    }
}
