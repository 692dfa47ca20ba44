import Localization

extension PreviewCommands {
    /// The preview's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.preview], .preview(.scroll), label: "↑ ↓ PgUp PgDn Home End",
                   help: .phrase(.helpScrollThePreview), section: .panes, footer: FooterHint("↑↓ PgUp PgDn", .keyScroll)),
        KeyBinding(.of(.tab), [.preview], .screen(.focusPane(.log)), label: .phrase(.labelTabInThePreview), help: .phrase(.helpToTheCallLog), section: .panes),
        KeyBinding(.of(.backTab), [.preview], .screen(.focusPane(.form)), label: .phrase(.labelShiftTabInThePreview), help: .phrase(.helpToTheForm), section: .panes),
    ]

}
