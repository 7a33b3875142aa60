// Slugs of names in any script: conditions, treatments, glossary terms and headings.
import Foundation

enum Slug {
    /// `text` lowercased, with Latin accents folded ("é" gives "e"), letters, marks and digits of every script
    /// kept, spaces as `-`, `-` and `_` kept and everything else dropped; empty when nothing is left.
    /// ASCII names give the same slugs as when only `[a-z0-9_-]` was kept. Nothing kept needs escaping in
    /// HTML (ids are written verbatim); URLs percent-encode the non-ASCII bytes (`Site.url`).
    static func make(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
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

    /// The same slug for an all-ASCII name without Unicode normalisation or case mapping (most names and
    /// headings); nil when `text` has other characters.
    private static func asciiSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                 UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            case 0x80...: return nil
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
