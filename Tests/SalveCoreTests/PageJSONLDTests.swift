// The content pages' JSON-LD writer against its oracle, the JSONValue tree that the other pages still use.
import Foundation
import Testing

@testable import SalveCore

@Suite("Page JSON-LD")
struct PageJSONLDTests {
    @Test("every page of the sample site, in both languages, gets the same JSON-LD text from the writer as from the tree")
    func writerMatchesTree() throws {
        let model = try Build.model(BuildOptions(root: TemplateReferenceTests.root))
        // What the sample must hold for this comparison to cover each branch of the writer.
        let branches = ["about", "citation", "dateModified", "mainEntity", "honorificSuffix", "alternateName", "publisher",
                        "datePublished", "translationOfWork", "workTranslation", "\"@type\":\"Table\""]
        var seen: Set<String> = []
        for part in [model] + model.translations {
            let site = part.site
            for index in site.pages.indices {
                let tree = site.structuredData(for: index).scriptSafeJSON()
                #expect(site.structuredDataJSON(for: index) == tree, "\(site.pages[index].sitePath)")
                seen.formUnion(branches.filter { tree.contains($0) })
            }
        }
        #expect(Set(branches).subtracting(seen).isEmpty, "no sample page has \(Set(branches).subtracting(seen).sorted())")
    }
}
