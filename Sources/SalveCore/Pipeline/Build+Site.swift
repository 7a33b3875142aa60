// The steps from the rendered pages to the files: assemble the site, check its links, make the views, index for
// search. Each takes the preview's memory, so only what changed is made again.
import Foundation

extension Build {
    static func assemble(_ project: ParsedProject, pages: [Page], memory: inout BuildMemory?, counts: inout StepCounts)
        -> (Site, [Listing])
    {
        let documents = pages.map(\.document)
        let last = memory?.arrangedFrom
        var inputs: [ArrangementInput]?
        var keys: [OrderKey] = []
        let arrangement = Memo.one(&memory[memo: \.arranged], counts: &counts, key: documents) {
            let same = last.map { $0.documents.count == documents.count } ?? false
            inputs = documents.indices.map { index in
                same && last!.documents[index] == documents[index] ? last!.inputs[index] : ArrangementInput(documents[index])
            }
            return Site.arrange(inputs!, last: last, keys: &keys)
        }
        if memory != nil, let inputs {
            memory!.arrangedFrom = ArrangedFrom(inputs: inputs, arrangement: arrangement, keys: keys, documents: documents)
        }
        var site = Site(config: project.config, pages: pages, arrangement: arrangement, glossary: project.glossary)
        site.strings = project.strings
        let key = ListingsKey(arrangement: arrangement, kinds: site.pages.map(\.kind), glossary: project.glossary,
                              strings: project.strings)
        let listings = Memo.one(&memory[memo: \.listings], counts: &counts, key: key) { site.listings }
        return (site, listings)
    }

    /// Anchors and root-relative links of every page, and overdue reviews.
    /// - Parameter fallbackAnchors: for a translation, the default language's pages' headings: its links to
    ///   pages it has no translation of go there.
    static func checkLinks(_ site: Site, outputPaths: Set<String>, fallbackAnchors: [String: [Heading]] = [:], today: Day,
                           threads: Int?, memory: inout BuildMemory?, counts: inout StepCounts) -> [Diagnostic]
    {
        let last = memory?.lookup
        // Pages handed on from the last build are the same boxes: only the others can change an answer.
        let lastPages = memory?.linkedPages
        let pagesChanged = changedIndices(from: lastPages, to: site.pages) { $0.isSame(as: $1) }
        let sameAnchors = last.map { last in
            fallbackAnchors.isEmpty && pagesChanged.map { changed in
                changed.allSatisfy { index in
                    let path = site.pages[index].document.contentPath
                    return path == lastPages![index].document.contentPath && last.anchors[path] == site.pages[index].body.headings
                }
            } ?? false
        } ?? false
        // The headings arrays themselves, not their ids: nothing is allocated per page, and kept pages' arrays
        // compare by identity.
        var own = sameAnchors ? last!.anchors : Dictionary(
            site.pages.map { ($0.document.contentPath, $0.body.headings) }, uniquingKeysWith: { a, _ in a })
        if !fallbackAnchors.isEmpty { own.merge(fallbackAnchors) { mine, _ in mine } }
        let anchors = own
        let lookup = SiteLookup(anchors: anchors, outputPaths: outputPaths)
        let sameSite = last.map { $0.anchors == anchors && $0.outputPaths == outputPaths } ?? false
        // With the same answers to every lookup and the same day, only a changed page can check differently.
        let suspects = sameSite && memory?.linkCheckDay == today ? pagesChanged : nil
        if memory != nil {
            memory!.lookup = lookup
            memory!.linkedPages = site.pages
            memory!.linkCheckDay = today
        }
        return Memo.run(
            &memory[memo: \.linkChecks], site.pages, threads: threads, counts: &counts, suspects: suspects,
            id: \.document.contentPath,
            isCurrent: { index, key in
                let page = site.pages[index]
                return key.links == page.body.links && key.sourcePath == page.document.sourcePath
                    && key.nextReview == page.metadata.nextReview && key.today == today
                    && key.anchors == anchors[page.document.contentPath]!
                    && (sameSite || key.reads.allSatisfy { lookup.answers($0) })
            },
            compute: { page in
                let recorder = LinkCheckReads()
                let found = Site.brokenLinks(of: page, in: lookup.recording(into: recorder)) + Site.overdueReview(page, today: today)
                let key = LinkCheckKey(
                    sourcePath: page.document.sourcePath, links: page.body.links,
                    anchors: anchors[page.document.contentPath]!, nextReview: page.metadata.nextReview, today: today,
                    reads: recorder.all)
                return (found, key)
            }
        ).flatMap { $0 }
    }

    /// Every page's view, in a build that keeps its results (a cold build makes them batch by batch,
    /// `writePagesInBatches`); a content page's view is kept while its page, related cards, settings and glossary are.
    static func makeViews(_ site: Site, listings: [Listing], assets: ThemeAssets, threads: Int?, memory: inout BuildMemory?,
                          counts: inout StepCounts) -> [ViewFile]
    {
        let basePath = site.config.basePath
        let urls = AssetURLs(assets, basePath: site.config.rootBasePath)
        let last = memory!.viewInputs
        // What changed since the last build, told by identity: a page handed on unchanged is the same box.
        let pagesChanged = changedIndices(from: last?.pages, to: site.pages) { $0.isSame(as: $1) }
        var ignored = StepCounts()
        let cards = Memo.run(
            &memory[memo: \.cards], Array(site.pages.indices), threads: 1, counts: &ignored,
            suspects: last.flatMap { $0.basePath == basePath && $0.strings == site.strings ? pagesChanged : nil },
            id: { site.pages[$0].document.contentPath },
            key: { CardKey(basePath: basePath, source: site.pages[$0].document, strings: site.strings) },
            compute: { site.card($0) })
        let cardsChanged = changedIndices(from: last?.cards, to: cards) { $0.isSame(as: $1) }
        // The last build's box when nothing in it changed, so every page's key compares it by identity.
        let made = SharedSettings(config: site.config, glossary: site.glossary, assets: urls, translations: site.translations,
                                  strings: site.strings)
        let settings = memory!.settingsBox.flatMap { $0 == made ? $0 : nil } ?? made
        memory!.settingsBox = settings
        // A page's view reads its page, its related pages' cards and the settings.
        var viewSuspects: [Int]? = nil
        if let last, let pagesChanged, let cardsChanged, last.settings === settings, last.related.count == site.related.count {
            var suspect = Set(pagesChanged)
            let changedCards = Set(cardsChanged)
            for index in site.related.indices where site.related[index] != last.related[index]
                || (!changedCards.isEmpty && site.related[index].contains(where: changedCards.contains))
            {
                suspect.insert(index)
            }
            viewSuspects = suspect.sorted()
        }
        let pageViews = Memo.run(
            &memory[memo: \.views], Array(site.pages.indices), threads: threads, counts: &counts, suspects: viewSuspects,
            id: { site.pages[$0].document.contentPath },
            key: { index in
                ViewKey(page: site.pages[index], related: site.related[index].map { cards[$0] }, settings: settings)
            },
            compute: { site.pageView($0, cards: cards, assets: urls) })
        // The other views read the pages' front matter, not their bodies.
        let sameDocuments = pagesChanged.map { changed in
            changed.allSatisfy { site.pages[$0].document.isSame(as: last!.pages[$0].document) }
        } ?? false
        let others = Memo.one(
            &memory[memo: \.otherViews], counts: &counts,
            unchanged: sameDocuments && cardsChanged?.isEmpty == true && last!.settings === settings
                && last!.listings == listings && last!.conditions == site.conditions && last!.treatments == site.treatments,
            key: {
                OtherViewsKey(
                    listings: listings, cards: cards, documents: site.pages.map(\.document), conditions: site.conditions,
                    treatments: site.treatments, config: site.config, glossary: site.glossary, assets: urls,
                    translations: site.translations, strings: site.strings)
            }
        ) {
            site.otherViews(listings: listings, cards: cards, assets: urls)
        }
        memory!.viewInputs = ViewInputs(pages: site.pages, related: site.related, cards: cards, settings: settings,
                                        basePath: basePath, strings: site.strings, listings: listings,
                                        conditions: site.conditions, treatments: site.treatments)
        return pageViews + others
    }

    /// The search index's files; the preview keeps each page's analysis and updates the index in place.
    static func searchFiles(_ site: Site, synonyms: Synonyms, threads: Int?, memory: inout BuildMemory?,
                            counts: inout StepCounts) -> [OutputFile]
    {
        // A language search has no stemmer for is indexed as English, as every site was before languages.
        let language = SearchLanguage(code: site.config.language) ?? .english
        guard memory != nil else {
            counts.computed = site.pages.count
            let index = SearchIndex.make(from: site, synonyms: synonyms, language: language, threads: threads,
                                         updatable: false)
            defer { letGo(index) }
            return outputFiles(of: index)
        }
        // A page's search document is made from the page and its address alone: with the base path and words as
        // they were, only a page that is not the last build's own can have a new one.
        let basePath = site.config.basePath
        let last = memory!.searchInputs
        let suspects = last.flatMap { last in
            last.basePath == basePath && last.strings == site.strings
                ? changedIndices(from: last.pages, to: site.pages) { $0.isSame(as: $1) } : nil
        }
        memory!.searchInputs = SearchInputs(pages: site.pages, basePath: basePath, strings: site.strings)
        let analyses = Memo.run(
            &memory[memo: \.searchDocuments], site.pages, threads: threads, counts: &counts, suspects: suspects,
            id: \.document.contentPath,
            key: { CardKey(basePath: basePath, source: $0, strings: site.strings) },
            compute: { page in
                var analyzer = SearchAnalyzer(language: language)
                return analyzer.analyze(SearchDocument(page, url: site.url(page.sitePath),
                                                       kind: site.strings.kind(page.kind)))
            })
        if var index = memory!.searchIndex, index.synonyms == synonyms, index.language == language,
            let files = memory!.searchFiles
        {
            memory!.searchIndex = nil  // updated in place, not copied
            memory!.searchFiles = nil
            let update = index.update(to: analyses, threads: threads)
            memory!.searchFiles = applying(update, to: files)
            precondition(!verifiesSuspects || memory!.searchFiles == outputFiles(of: index),
                         "memo: the search files differ from the index's")
            memory!.searchIndex = index
        } else {
            let index = SearchIndex(analyses, synonyms: synonyms, language: language, threads: threads)
            memory!.searchIndex = index
            memory!.searchFiles = outputFiles(of: index)
        }
        return memory!.searchFiles!
    }
}

extension Build {
    /// The index's files as the bytes it holds (kept bytes compare by identity in the preview's write step).
    private static func outputFiles(of index: SearchIndex) -> [OutputFile] {
        index.encodedFiles().map { OutputFile($0.path, .bytes($0.bytes)) }
    }

    /// The last build's search files with an update's removals and writes applied, without encoding or naming
    /// the thousands of files it did not touch. Both lists are sorted by path.
    private static func applying(_ update: SearchIndex.Update, to files: [OutputFile]) -> [OutputFile] {
        var files = files
        for path in update.removed {
            let at = files.partitionPoint { $0.path < path }
            if at < files.count, files[at].path == path { files.remove(at: at) }
        }
        for file in update.written {
            let at = files.partitionPoint { $0.path < file.path }
            let made = OutputFile(file.path, .bytes(file.bytes))
            if at < files.count, files[at].path == file.path { files[at] = made } else { files.insert(made, at: at) }
        }
        return files
    }
}

extension SitemapKey {
    init(_ site: Site, pages: [SitemapPage], listings: [Listing], urlsPerSitemap: Int, sitemap: [SitemapEntry]) {
        self.init(
            config: site.config, pages: pages, listings: listings, hasGlossary: !site.glossary.terms.isEmpty,
            urlsPerSitemap: urlsPerSitemap, sitemap: sitemap, translations: site.translations)
    }
}

extension SitemapKey.SitemapPage {
    init(_ page: Page) {
        self.init(sitePath: page.sitePath, lastChanged: page.metadata.lastChanged, lastReviewed: page.metadata.lastReviewed)
    }
}
