// The accessible name of a heading's `#` anchor, in the page's language (`heading_anchor_label`).

/// `Link to this section: {heading}` split once around `{heading}`, so that labelling a heading is two appends.
struct HeadingLabel: Sendable {
    private let strings: UIStrings
    /// The wording before and after `{heading}`; nil when it does not hold exactly one.
    private let around: (before: String, after: String)?

    init(_ strings: UIStrings) {
        self.strings = strings
        let parts = strings.text("heading_anchor_label").split(separator: "{heading}", omittingEmptySubsequences: false)
        around = parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }

    func callAsFunction(_ heading: String) -> String {
        guard let around else { return strings.text("heading_anchor_label", ["heading": heading]) }
        return around.before + heading + around.after
    }
}
