// The files `salve init` writes besides the theme: settings, one short page of each kind and a glossary.

enum StarterFiles {
    /// Path from the project root -> text, with review dates set to `today` so a new project builds cleanly.
    static func files(today: Day) -> [String: String] {
        [
            "salve.yml": settings,
            "content/articles/walking-for-back-pain.md": article(today),
            "content/faqs/back-pain.md": faq(today),
            "content/comparisons/back-pain-self-care.md": comparison(today),
            "content/glossary.yml": glossary,
        ]
    }

    static let settings = """
        # Site settings for Salve. See the README for every field.
        title: My health library
        description: Plain answers about health, checked by professionals.
        base_url: https://example.org/
        language: en
        # Months between medical reviews; a page's next_review defaults to last_reviewed plus this.
        review_interval_months: 12
        disclaimer: >-
          This information is for education only and does not replace advice from your doctor.
          In an emergency, call your local emergency number.
        readability:
          # Pages above this SMOG grade get a warning in `salve check`.
          max_grade: 8

        """

    static func article(_ today: Day) -> String {
        """
        ---
        title: Can walking help with low back pain?
        summary: For most people, gentle walking helps back pain get better sooner than rest does.
        last_reviewed: \(today)
        reviewed_by: Dr. Alex Sample, MD (a made-up reviewer for this starter page)
        conditions: [Low back pain]
        treatments: [Walking]
        related: [../faqs/back-pain.md]
        ---
        For most people, yes. Staying in bed can make the back stiff. Short, easy walks keep it moving.

        ## How to start

        Walk for five or ten minutes at a pace that feels easy. Add a few minutes each day when you can.
        It is fine to feel a little sore. Slow down if the pain gets worse.

        > [!URGENT]
        > Get help now if you cannot control when you pee or poo, or your legs feel numb or weak.

        ## Where to learn more

        Read the [questions about back pain](../faqs/back-pain.md) or the
        [self-care table](../comparisons/back-pain-self-care.md).

        """
    }

    static func faq(_ today: Day) -> String {
        """
        ---
        title: Low back pain questions
        summary: Short answers to common questions about low back pain.
        last_reviewed: \(today)
        reviewed_by: Dr. Alex Sample, MD (a made-up reviewer for this starter page)
        conditions: [Low back pain]
        ---
        These are answers to questions people often ask about low back pain.

        ## Do I need a scan?

        Most people do not. Back pain often gets better in a few weeks without one.
        Your doctor will tell you if you need a scan.

        ## Should I rest in bed?

        Try not to. Gentle movement, such as [walking](../articles/walking-for-back-pain.md), helps most people more.

        """
    }

    static func comparison(_ today: Day) -> String {
        """
        ---
        title: Self-care for low back pain compared
        summary: A side-by-side look at three things you can try at home.
        last_reviewed: \(today)
        reviewed_by: Dr. Alex Sample, MD (a made-up reviewer for this starter page)
        conditions: [Low back pain]
        criteria:
          - key: how
            label: What to do
          - key: note
            label: Good to know
        treatments:
          - name: Walking
            type: therapy
            article: ../articles/walking-for-back-pain.md
            how: Short, easy walks every day.
            note: Add a few minutes at a time.
          - name: Heat
            type: therapy
            how: A warm pack on the sore spot.
            note: Wrap it in a towel so it does not burn.
          - name: Stretching
            type: therapy
            how: Slow, gentle stretches.
            note: null
        ---
        This table shows three things you can try at home. What helps one person may not help another.

        ## Notes

        Talk to your doctor if the pain lasts more than a few weeks.

        """
    }

    static let glossary = """
        # Plain-language definitions. Salve links the first use of each term on a page.
        - term: Low back pain
          definition: Pain, stiffness or soreness between the bottom of the ribs and the top of the legs.
          also_called: [lower back pain]

        """
}
