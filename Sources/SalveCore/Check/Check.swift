// `salve check`: every build validation without writing the site (TODO placeholders included, from the build's
// validate step), plus the checks an editor runs before publishing (headings, review dates, readability, titles,
// link text, https).
import Foundation

public enum Check {
    /// Everything wrong with the site at `options.root`, errors and warnings, sorted by file and line.
    /// - Parameter dueWithinDays: also warn about reviews due within this many days.
    public static func run(_ options: BuildOptions, dueWithinDays: Int? = nil) throws -> [Diagnostic] {
        var options = options
        options.readability = true
        let model: Model
        do {
            model = try Build.model(options)
        } catch let failure as BuildFailure {
            return failure.diagnostics
        }
        var diagnostics = model.warnings
        for site in ([model] + model.translations).map(\.site) {
            diagnostics += site.headingLevelSkips()
            diagnostics += site.duplicateTitles()
            diagnostics += site.linkProblems()
            diagnostics += site.readabilityWarnings()
            if let days = dueWithinDays { diagnostics += site.reviewsDue(within: days, today: options.today) }
        }
        diagnostics += TranslationCheck.warnings(model)
        // A URL that would disappear is found before publishing; check never writes the list.
        var published = options
        published.publishedURLs = options.publishedURLs == .off ? .off : .check
        do { _ = try model.publishedURLs(published) } catch let failure as BuildFailure { diagnostics += failure.diagnostics }
        return diagnostics.sorted()
    }

    /// Every page of the default language, the languages it is in and whether its translations are in step;
    /// empty when the site has errors.
    public static func translationsReport(_ options: BuildOptions) -> [TranslationCheck.Row] {
        guard let model = try? Build.model(options) else { return [] }
        return TranslationCheck.rows(model)
    }

    /// Each page's readability, by source path; empty when the site has errors. Spanish pages are in
    /// `spanishReadabilityReport`, with the formulas made for Spanish.
    public static func readabilityReport(_ options: BuildOptions) throws -> [(String, Readability)] {
        readabilityReports(options).english
    }

    /// The Fernández-Huerta and Szigriszt-Pazos scores of each Spanish page, counted as textstat counts.
    public static func spanishReadabilityReport(_ options: BuildOptions) throws -> [(String, SpanishReadability)] {
        readabilityReports(options).spanish
    }

    /// Both reports from one build of the model, by source path; empty when the site has errors.
    public static func readabilityReports(_ options: BuildOptions)
        -> (english: [(String, Readability)], spanish: [(String, SpanishReadability)])
    {
        var options = options
        options.readability = true
        guard let model = try? Build.model(options) else { return ([], []) }
        let pages = ([model] + model.translations).flatMap { part in
            part.site.pages.map { ($0.document.sourcePath, $0.body.prose, part.site.config.language.hasPrefix("es")) }
        }.sorted { $0.0 < $1.0 }
        return (pages.filter { !$0.2 }.map { ($0.0, Readability.measure($0.1)) },
                pages.filter(\.2).map { ($0.0, SpanishReadability.measure($0.1, syllables: .hyphenation)) })
    }

}

extension Site {
    /// Headings must not skip levels (the page title is the h1, so the body starts at h2).
    func headingLevelSkips() -> [Diagnostic] {
        pages.flatMap { page -> [Diagnostic] in
            var previous = 1
            return page.body.headings.compactMap { heading in
                defer { previous = heading.level }
                if heading.level == 1 {
                    return .warning(page.document.sourcePath, line: heading.line,
                                    "the body has a level-1 heading; the page title is already the h1",
                                    fix: "use ## for sections")
                }
                guard heading.level > previous + 1 else { return nil }
                return .warning(page.document.sourcePath, line: heading.line,
                                "the heading level skips from h\(previous) to h\(heading.level)",
                                fix: "use \(String(repeating: "#", count: previous + 1)) for this heading")
            }
        }
    }

    func duplicateTitles() -> [Diagnostic] {
        var seen: [String: Page] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages.sorted(by: { $0.document.sourcePath < $1.document.sourcePath }) {
            let key = page.metadata.title.lowercased()
            if let first = seen[key] {
                diagnostics.append(
                    .warning(page.document.sourcePath, line: 2,
                             "the title \"\(page.metadata.title)\" is also used by \(first.document.sourcePath)",
                             fix: "give each page its own title so patients can tell them apart in search"))
            } else {
                seen[key] = page
            }
        }
        return diagnostics
    }

    /// Links without text, links with a scheme `SafeURL` refuses (cmark-gfm publishes them as `href=""`, a link
    /// that goes nowhere), and external links over plain http.
    func linkProblems() -> [Diagnostic] {
        pages.flatMap { page in
            page.body.links.compactMap { link -> Diagnostic? in
                if case .external(let url) = link.destination, let problem = SafeURL.problem(in: url) {
                    return .error(page.document.sourcePath, line: link.line, column: link.column, problem.message(for: url),
                                  fix: SafeURL.Problem.fix)
                }
                if !link.hasText {
                    return .warning(page.document.sourcePath, line: link.line, column: link.column, "a link has no text",
                                    fix: "write what the link leads to in the brackets, so screen readers can say it")
                }
                if case .external(let url) = link.destination, url.lowercased().hasPrefix("http://") {
                    return .warning(page.document.sourcePath, line: link.line, column: link.column, "the link \(url) does not use https",
                                    fix: "use the https:// address")
                }
                return nil
            }
        }
    }

    /// Pages whose SMOG grade is above salve.yml's `readability.max_grade`, with their longest sentences.
    /// Pages above the reading level salve.yml allows: the SMOG grade (`readability.max_grade`) for English, the
    /// Szigriszt-Pazos score (a language's `readability.min_ease`) for Spanish.
    func readabilityWarnings() -> [Diagnostic] {
        let minimumEase = config.languages.first { $0.code == config.language }?.minReadingEase
        if config.language.hasPrefix("es") {
            guard let minimum = minimumEase else { return [] }
            return pages.compactMap { page in
                // Counted as textstat counts, so the score matches what editors compute with it.
                let score = SpanishReadability.measure(page.body.prose, syllables: .hyphenation)
                guard score.isTooHard(minimumSzigrisztPazos: minimum) else { return nil }
                let longest = score.longestSentences.map { "\"\($0)\"" }.joined(separator: "; ")
                return .warning(page.document.sourcePath, line: page.document.bodyLine,
                                "Szigriszt-Pazos \(Readability.display(score.szigrisztPazos)) (INFLESZ \(score.band.rawValue)) is below the target of \(Readability.display(minimum)); longest sentences: \(longest)",
                                fix: "use shorter sentences and everyday words")
            }
        }
        if let minimum = minimumEase {
            return pages.compactMap { page in
                let score = Readability.measure(page.body.prose)
                guard score.words > 0, score.fleschReadingEase < minimum else { return nil }
                return .warning(page.document.sourcePath, line: page.document.bodyLine,
                                "Flesch reading ease \(Readability.display(score.fleschReadingEase)) is below the target of \(Readability.display(minimum))",
                                fix: "use shorter sentences and everyday words")
            } + smogWarnings()
        }
        return smogWarnings()
    }

    private func smogWarnings() -> [Diagnostic] {
        guard let maximum = config.maxReadingGrade else { return [] }
        return pages.compactMap { page in
            let score = Readability.measure(page.body.prose)
            guard score.smogGrade > maximum else { return nil }
            let longest = score.longestSentences.map { "\"\($0)\"" }.joined(separator: "; ")
            return .warning(page.document.sourcePath, line: page.document.bodyLine,
                            "reading grade \(Readability.display(score.smogGrade)) (SMOG) is above the target of \(Readability.display(maximum)); longest sentences: \(longest)",
                            fix: "use shorter sentences and everyday words")
        }
    }

    func reviewsDue(within days: Int, today: Day) -> [Diagnostic] {
        pages.compactMap { page in
            let remaining = today.days(until: page.metadata.nextReview)
            guard remaining >= 0, remaining <= days else { return nil }
            return .warning(page.document.sourcePath, line: 1,
                            "review due on \(page.metadata.nextReview) (in \(remaining) day\(remaining == 1 ? "" : "s"))",
                            fix: "plan the medical review, then update `last_reviewed` and `next_review`")
        }
    }
}
