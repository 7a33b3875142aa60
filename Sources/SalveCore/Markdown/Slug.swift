// Slugs of names in any script: conditions, treatments, glossary terms and headings.
import Foundation

enum Slug {
    /// `text` lowercased, with Latin accents folded ("é" gives "e"), letters, marks and digits of every script
    /// kept, spaces as `-`, `-` and `_` kept and everything else dropped; empty when nothing is left.
    /// ASCII names give the same slugs as when only `[a-z0-9_-]` was kept. Nothing kept needs escaping in
    /// HTML (ids are written verbatim); URLs percent-encode the non-ASCII bytes (`Site.url`).
    static func make(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        // NFC first, so a letter typed as base + combining mark gives the same slug as the precomposed one.
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().foldingDiacritics.unicodeScalars {
            if scalar.isASCII {
                switch scalar {
                case "a"..."z", "0"..."9", "-", "_": slug.append(scalar)
                case " ": slug.append("-")
                default: continue
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                slug.append(scalar)
            default:
                continue
            }
        }
        return String(slug)
    }
}
