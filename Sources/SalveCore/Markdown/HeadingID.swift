// GitHub-style heading ids: lowercased, punctuation dropped, spaces to hyphens, -1/-2 for repeats.

/// Hands out heading ids for one page, numbering repeats the way GitHub does.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        let base = HeadingIDs.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }

    /// Only `[a-z0-9_-]` survives: ids are written into HTML verbatim, so nothing may need escaping.
    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().foldingDiacritics.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": slug.unicodeScalars.append(scalar)
            case " ": slug.append("-")
            case "_": slug.append("_")
            default: continue
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

extension String {
    /// Latin letters with accents become their plain letters ("é" gives "e"); combining marks are dropped.
    var foldingDiacritics: String {
        var result = String.UnicodeScalarView()
        for scalar in self.unicodeScalars {
            if let folded = latinFold[scalar] {
                result.append(contentsOf: folded.unicodeScalars)
            } else if !(0x0300...0x036F).contains(scalar.value) {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

private let latinFold: [Unicode.Scalar: String] = {
    let pairs: [(String, String)] = [
        ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēė", "e"), ("ìíîïī", "i"), ("ñń", "n"), ("òóôõöøō", "o"),
        ("ùúûüū", "u"), ("ýÿ", "y"), ("šś", "s"), ("žź", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"),
    ]
    var table: [Unicode.Scalar: String] = [:]
    for (letters, ascii) in pairs {
        for scalar in letters.unicodeScalars { table[scalar] = ascii }
    }
    return table
}()
