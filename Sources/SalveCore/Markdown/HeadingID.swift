// GitHub-style heading ids: lowercased, punctuation dropped, spaces to hyphens, -1/-2 for repeats; letters of
// every script kept; ids the theme uses are taken already.

/// Hands out heading ids for one page, numbering repeats the way GitHub does.
struct HeadingIDs {
    /// Each id handed out, with the last number given to a repeat of it. The theme's own ids count as used
    /// (`count(of:)`), so a heading "Main" gets `main-1`, never a second `main`; they are not copied in, which
    /// cost a copy of the whole set on every page's first heading.
    private var used: [String: Int] = [:]
    private var untitled = 0

    private func count(of id: String) -> Int? {
        used[id] ?? (ThemeIDs.reserved.contains(id) ? 0 : nil)
    }

    mutating func next(for text: String) -> String {
        var base = Slug.make(text)
        if base.isEmpty {
            // "." never appears in a slug or a theme id, so these cannot meet any other id.
            untitled += 1
            return "section.\(untitled)"
        }
        // A family the theme or cmark-gfm numbers (fn-1, glossary-tip-…): a suffix could still meet one of its
        // members, a prefix cannot.
        if ThemeIDs.reservedPrefixes.contains(where: { base.hasPrefix($0) }) { base = "heading-" + base }
        guard let last = count(of: base) else {
            used[base] = 0
            return base
        }
        var n = last + 1
        while count(of: "\(base)-\(n)") != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
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
