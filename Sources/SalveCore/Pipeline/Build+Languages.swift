// The parts of a multilingual site: the theme's words for each language, and each other language built as a site
// of its own under /CODE/ by the same steps, its links falling back to the default language's pages.

extension Build {
    /// Gives the default language's part and each translation the theme's words in its language.
    static func giveStrings(to parsed: inout ParsedProject, templates: TemplateLibrary, memory: inout BuildMemory?,
                            into diagnostics: inout [Diagnostic])
    {
        let strings = themeStrings(parsed, templates: templates, memory: &memory, into: &diagnostics)
        parsed.strings = strings[parsed.config.language] ?? .english
        for index in parsed.translations.indices {
            parsed.translations[index].strings = strings[parsed.translations[index].config.language] ?? .english
        }
    }

    /// The theme's words in each language of the site; the last build's when they are the same, so keys holding
    /// them compare at once.
    private static func themeStrings(_ parsed: ParsedProject, templates: TemplateLibrary, memory: inout BuildMemory?,
                                     into diagnostics: inout [Diagnostic]) -> [String: UIStrings]
    {
        let languages = parsed.config.languages.isEmpty ? [parsed.config.language] : parsed.config.languages.map(\.code)
        // A site in one language other than English is warned about only once it lists its languages.
        let (made, found) = UIStrings.load(languages, files: templates.strings, displayFolder: "templates",
                                           warnMissing: !parsed.config.languages.isEmpty)
        diagnostics += found
        guard memory != nil else { return made }
        let kept = made.mapValues { strings in memory!.strings.values.first { $0 == strings } ?? strings }
        memory!.strings = kept
        return kept
    }

    /// Makes each translation's part (validate to check links) with a memory of its own, and pairs every page
    /// with its translations.
    static func addTranslations(_ translations: [ParsedProject], to model: inout Model, names languages: [LanguageSettings],
                                project: Project, options: BuildOptions, memory: inout BuildMemory?,
                                timings: inout Timings, into diagnostics: inout [Diagnostic])
    {
        defer { model.links = nil }
        guard !translations.isEmpty else { return }
        let keeps = memory != nil
        let anchors = Dictionary(
            model.site.pages.map { ($0.document.contentPath, $0.body.headings) }, uniquingKeysWith: { a, _ in a })
        for var translation in translations {
            let code = translation.config.language
            // Taken out of the memory while in use, so its tables are changed in place rather than copied.
            var partMemory = keeps ? memory!.parts.removeValue(forKey: code) ?? BuildMemory() : nil
            var partTimings = timings.part(code)
            var translated = part(&translation, of: project, options: options, fallback: model.links,
                                  fallbackAnchors: anchors, memory: &partMemory, timings: &partTimings, into: &diagnostics)
            timings.append(partTimings)
            if keeps { memory!.parts[code] = partMemory }
            translated.links = nil
            model.redirects += translated.redirects.map { $0.under(code + "/") }
            model.translations.append(translated)
        }
        let names = Dictionary(languages.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let pairs = Translations(([model] + model.translations).map { ($0.site, $0.listings) }, names: names)
        model.site.translations = pairs
        for index in model.translations.indices { model.translations[index].site.translations = pairs }
    }
}
