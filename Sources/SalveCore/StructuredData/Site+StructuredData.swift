// schema.org JSON-LD for each page: MedicalWebPage, FAQPage and WebSite, with review dates and reviewers.

extension Site {
    /// The JSON-LD of the content page at `index`.
    func structuredData(for index: Int) -> JSONValue {
        let page = pages[index]
        var data = pageBasics(page)
        switch page.kind {
        case .article:
            data["@type"] = "MedicalWebPage"
        case .faq:
            data["@type"] = "FAQPage"
            data["mainEntity"] = .array(page.body.sections.map { section in
                [
                    "@type": "Question", "name": .string(section.heading.text),
                    "acceptedAnswer": ["@type": "Answer", "text": .string(section.html)],
                ]
            })
        case .comparison:
            data["@type"] = "MedicalWebPage"
            if let table = page.document.table {
                data["mainEntity"] = [
                    "@type": "Table", "name": .string(page.metadata.title),
                    "about": .array(treatments(of: page)),
                    "text": .string(tableText(table)),
                ]
            }
        }
        return .object(data)
    }

    /// The home page's JSON-LD: the WebSite and how to search it.
    func homeStructuredData() -> JSONValue {
        [
            "@context": "https://schema.org", "@type": "WebSite", "name": .string(config.title),
            "url": .string(config.baseURL), "inLanguage": .string(config.language),
            "description": .string(config.description),
            "potentialAction": [
                "@type": "SearchAction",
                "target": .string(absoluteURL("search/") + "?q={search_term_string}"),
                "query-input": "required name=search_term_string",
            ],
        ]
    }

    /// Listings, search and glossary pages: a typed web page that belongs to the site.
    func simplePageStructuredData(type: String, sitePath: String, title: String, description: String,
                                  extra: [String: JSONValue] = [:]) -> JSONValue
    {
        var data: [String: JSONValue] = [
            "@context": "https://schema.org", "@type": .string(type), "name": .string(title),
            "url": .string(absoluteURL(sitePath)), "inLanguage": .string(config.language),
            "isPartOf": ["@type": "WebSite", "name": .string(config.title), "url": .string(config.baseURL)],
        ]
        if !description.isEmpty { data["description"] = .string(description) }
        return .object(data.merging(extra) { _, new in new })
    }

    func glossaryStructuredData() -> JSONValue {
        simplePageStructuredData(
            type: "DefinedTermSet", sitePath: "glossary/", title: "Glossary", description: "",
            extra: ["hasDefinedTerm": .array(glossary.terms.map { term in
                [
                    "@type": "DefinedTerm", "name": .string(term.term), "description": .string(term.definition),
                    "url": .string(absoluteURL("glossary/") + "#" + term.slug),
                ]
            })])
    }

    private func pageBasics(_ page: Page) -> [String: JSONValue] {
        let metadata = page.metadata
        var data: [String: JSONValue] = [
            "@context": "https://schema.org",
            "name": .string(metadata.title),
            "description": .string(metadata.summary),
            "url": .string(absoluteURL(page.sitePath)),
            "inLanguage": .string(config.language),
            "lastReviewed": .string(metadata.lastReviewed.description),
            "reviewedBy": reviewer(metadata.reviewedBy),
            "audience": ["@type": "MedicalAudience", "audienceType": "Patient"],
            "isPartOf": ["@type": "WebSite", "name": .string(config.title), "url": .string(config.baseURL)],
        ]
        let about = conditions(of: page) + treatments(of: page)
        if !about.isEmpty { data["about"] = .array(about) }
        if let updated = metadata.lastUpdated { data["dateModified"] = .string(updated.description) }
        if !metadata.references.isEmpty { data["citation"] = .array(metadata.references.map(citation)) }
        // A page in the default language lists its translations; a translation names the page it translates.
        let url = absoluteURL(page.sitePath)
        if let alternates = translations.alternates(of: url) {
            let others = alternates.filter { $0.language != "x-default" && $0.url != url }
            if config.rootURL == nil {
                data["workTranslation"] = .array(others.map {
                    ["@type": "CreativeWork", "url": .string($0.url), "inLanguage": .string($0.language)]
                })
            } else if let source = alternates.first(where: { $0.language == "x-default" }) {
                data["translationOfWork"] = ["@type": "CreativeWork", "url": .string(source.url)]
            }
        }
        return data
    }

    private func reviewer(_ text: String) -> JSONValue {
        let (name, suffix) = Self.reviewerParts(text)
        guard let suffix else { return ["@type": "Person", "name": .string(name)] }
        return ["@type": "Person", "name": .string(name), "honorificSuffix": .string(suffix)]
    }

    /// "Dr. Maya Okafor, MD (rheumatology)" -> a Person named "Dr. Maya Okafor" with suffix "MD (rheumatology)".
    static func reviewerParts(_ text: String) -> (name: String, suffix: String?) {
        guard let comma = text.firstIndex(of: ",") else { return (text, nil) }
        return (text[..<comma].trimmingWhitespace(), text[text.index(after: comma)...].trimmingWhitespace())
    }

    private func conditions(of page: Page) -> [JSONValue] {
        page.metadata.conditions.map { name in
            let alternateNames = alternateNames(of: name, on: page)
            var condition: [String: JSONValue] = ["@type": "MedicalCondition", "name": .string(name)]
            if !alternateNames.isEmpty { condition["alternateName"] = .array(alternateNames.map(JSONValue.string)) }
            return .object(condition)
        }
    }

    /// A condition's other names come from the glossary when it defines the condition, else from the page.
    func alternateNames(of condition: String, on page: Page) -> [String] {
        glossary.terms.first { $0.term.lowercased() == condition.lowercased() }?.alsoCalled ?? page.metadata.alsoCalled
    }

    private func treatments(of page: Page) -> [JSONValue] {
        page.metadata.treatments.map { name in
            let kind = page.metadata.treatmentKinds[name] ?? .therapy
            return ["@type": .string(kind.schemaType), "name": .string(name)]
        }
    }

    private func citation(_ reference: Reference) -> JSONValue {
        var work: [String: JSONValue] = ["@type": "CreativeWork", "name": .string(reference.title)]
        if let publisher = reference.publisher { work["publisher"] = ["@type": "Organization", "name": .string(publisher)] }
        if let year = reference.year { work["datePublished"] = .string(year) }
        if let url = reference.url { work["url"] = .string(url) }
        return .object(work)
    }

    /// The table as sentences: "Low-dose naltrexone. How it works: … Possible benefits: a; b."
    func tableText(_ table: ComparisonTable) -> String {
        table.rows.map { row in
            let cells = zip(table.criteria, row.cells).map { criterion, cell in
                switch cell {
                case .text(let text): "\(criterion.label): \(text)."
                case .list(let items): "\(criterion.label): \(items.joined(separator: "; "))."
                case .unknown: "\(criterion.label): not known."
                }
            }
            return ([row.name + "."] + cells).joined(separator: " ")
        }.joined(separator: " ")
    }
}
