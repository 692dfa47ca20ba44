import Localization

extension PreviewCommands {
    /// The preview's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.preview], meaning: .moving { .preview(.scroll($0)) }, help: .phrase(.helpScrollThePreview), section: .panes, footer: FooterHint("↑↓ PgUp PgDn", .keyScroll)),
        KeyBinding(.of(.tab), [.preview], .screen(.focusPane(.log)), help: .phrase(.helpToTheCallLog), section: .panes),
        KeyBinding(.of(.backTab), [.preview], .screen(.focusPane(.form)), help: .phrase(.helpToTheForm), section: .panes),
    ]

}
