// A content page's JSON-LD written straight into bytes, keys in sorted order: the text of
// `structuredData(for:).scriptSafeJSON()`, which the tests keep as its oracle, without a tree of dictionaries
// made, sorted and let go for each page (about a twentieth of a cold build's CPU at 10,000 pages).

extension Site {
    /// The JSON-LD of the content page at `index`, as `scriptSafeJSON()` writes `structuredData(for:)`.
    func structuredDataJSON(for index: Int) -> String {
        let page = pages[index]
        let metadata = page.metadata
        var json = SearchJSON(capacity: 2048)
        // Each key is written where it falls in UTF-8 order: `@` before letters, then a to z.
        json.append(ascii: "{\"@context\":\"https://schema.org\",\"@type\":")
        json.append(string: page.kind == .faq ? "FAQPage" : "MedicalWebPage")
        if !metadata.conditions.isEmpty || !metadata.treatments.isEmpty {
            json.append(ascii: ",\"about\":[")
            appendAbout(of: page, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        json.append(ascii: ",\"audience\":{\"@type\":\"MedicalAudience\",\"audienceType\":\"Patient\"}")
        if !metadata.references.isEmpty {
            json.append(ascii: ",\"citation\":[")
            for (number, reference) in metadata.references.enumerated() {
                if number > 0 { json.append(UInt8(ascii: ",")) }
                appendCitation(reference, to: &json)
            }
            json.append(UInt8(ascii: "]"))
        }
        if let updated = metadata.lastUpdated { member("dateModified", updated.description, &json) }
        member("description", metadata.summary, &json)
        member("inLanguage", config.language, &json)
        json.append(ascii: ",\"isPartOf\":{\"@type\":\"WebSite\"")
        member("name", config.title, &json)
        member("url", config.baseURL, &json)
        json.append(UInt8(ascii: "}"))
        member("lastReviewed", metadata.lastReviewed.description, &json)
        switch page.kind {
        case .faq:
            json.append(ascii: ",\"mainEntity\":[")
            for (number, section) in page.body.sections.enumerated() {
                if number > 0 { json.append(UInt8(ascii: ",")) }
                json.append(ascii: "{\"@type\":\"Question\",\"acceptedAnswer\":{\"@type\":\"Answer\"")
                member("text", section.html, &json)
                json.append(UInt8(ascii: "}"))
                member("name", section.heading.text, &json)
                json.append(UInt8(ascii: "}"))
            }
            json.append(UInt8(ascii: "]"))
        case .comparison:
            if let table = page.document.table {
                json.append(ascii: ",\"mainEntity\":{\"@type\":\"Table\",\"about\":[")
                appendTreatments(of: page, to: &json)
                json.append(UInt8(ascii: "]"))
                member("name", metadata.title, &json)
                member("text", tableText(table), &json)
                json.append(UInt8(ascii: "}"))
            }
        case .article:
            break
        }
        member("name", metadata.title, &json)
        json.append(ascii: ",\"reviewedBy\":")
        appendReviewer(metadata.reviewedBy, to: &json)
        // A page in the default language lists its translations; a translation names the page it translates.
        let url = absoluteURL(page.sitePath)
        let alternates = translations.alternates(of: url)
        if let alternates, config.rootURL != nil, let source = alternates.first(where: { $0.language == "x-default" }) {
            json.append(ascii: ",\"translationOfWork\":{\"@type\":\"CreativeWork\"")
            member("url", source.url, &json)
            json.append(UInt8(ascii: "}"))
        }
        member("url", url, &json)
        if let alternates, config.rootURL == nil {
            json.append(ascii: ",\"workTranslation\":[")
            for (number, other) in alternates.filter({ $0.language != "x-default" && $0.url != url }).enumerated() {
                if number > 0 { json.append(UInt8(ascii: ",")) }
                json.append(ascii: "{\"@type\":\"CreativeWork\"")
                member("inLanguage", other.language, &json)
                member("url", other.url, &json)
                json.append(UInt8(ascii: "}"))
            }
            json.append(UInt8(ascii: "]"))
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// `,"key":"value"`: every member here but an object's first.
    private func member(_ key: StaticString, _ value: String, _ json: inout SearchJSON) {
        json.append(ascii: ",\"")
        json.append(ascii: key)
        json.append(ascii: "\":")
        json.append(string: value)
    }

    /// The page's conditions, then its treatments, as `conditions(of:)` and `treatments(of:)` make them.
    private func appendAbout(of page: Page, to json: inout SearchJSON) {
        for (number, name) in page.metadata.conditions.enumerated() {
            if number > 0 { json.append(UInt8(ascii: ",")) }
            json.append(ascii: "{\"@type\":\"MedicalCondition\"")
            let alternateNames = alternateNames(of: name, on: page)
            if !alternateNames.isEmpty {
                json.append(ascii: ",\"alternateName\":")
                json.append(strings: alternateNames)
            }
            member("name", name, &json)
            json.append(UInt8(ascii: "}"))
        }
        if !page.metadata.conditions.isEmpty, !page.metadata.treatments.isEmpty { json.append(UInt8(ascii: ",")) }
        appendTreatments(of: page, to: &json)
    }

    private func appendTreatments(of page: Page, to json: inout SearchJSON) {
        for (number, name) in page.metadata.treatments.enumerated() {
            if number > 0 { json.append(UInt8(ascii: ",")) }
            json.append(ascii: "{\"@type\":")
            json.append(string: (page.metadata.treatmentKinds[name] ?? .therapy).schemaType)
            member("name", name, &json)
            json.append(UInt8(ascii: "}"))
        }
    }

    private func appendCitation(_ reference: Reference, to json: inout SearchJSON) {
        json.append(ascii: "{\"@type\":\"CreativeWork\"")
        if let year = reference.year { member("datePublished", year, &json) }
        member("name", reference.title, &json)
        if let publisher = reference.publisher {
            json.append(ascii: ",\"publisher\":{\"@type\":\"Organization\"")
            member("name", publisher, &json)
            json.append(UInt8(ascii: "}"))
        }
        if let url = reference.url { member("url", url, &json) }
        json.append(UInt8(ascii: "}"))
    }

    private func appendReviewer(_ text: String, to json: inout SearchJSON) {
        let (name, suffix) = Self.reviewerParts(text)
        json.append(ascii: "{\"@type\":\"Person\"")
        if let suffix { member("honorificSuffix", suffix, &json) }
        member("name", name, &json)
        json.append(UInt8(ascii: "}"))
    }
}
