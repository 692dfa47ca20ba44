import Localization

extension LogCommands {
    /// The call log panel's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.log], when: .logHasEntries, .log(.move),
                   label: "↑ ↓ PgUp PgDn Home End", help: .phrase(.helpMoveInTheCallLog), section: .panes,
                   footer: FooterHint("↑↓", .keyMove, when: .logHasEntries)),
        KeyBinding(.of(.enter), [.log], when: .logHasEntries, .log(.open), label: .phrase(.labelEnterInTheLog),
                   help: .phrase(.helpTheEntryInFullRequest), section: .panes,
                   footer: FooterHint("Enter", .keyOpen, when: .logHasEntries)),
        KeyBinding(.of(.character("/")), [.log], .log(.search), label: .phrase(.labelSlashInTheLog),
                   help: .phrase(.helpSearchNumbersAndTheirLast), section: .panes,
                   footer: FooterHint("/", .keySearch)),
        KeyBinding(.of(.character("o")), [.log], .log(.cycleOutcome), label: .phrase(.labelOInTheLog),
                   help: .phrase(.helpCycleTheOutcomeFilter), section: .panes, footer: FooterHint("o", .keyOutcome)),
        KeyBinding(.of(.character("r")), [.log], when: .logHasEntries, .log(.reuse), label: .phrase(.labelRInTheLog),
                   help: .phrase(.helpLoadTheEntrySRequest), section: .panes,
                   footer: FooterHint("r", .keyReuse, when: .logHasEntries)),
        KeyBinding(.of(.character("e")), [.log], when: .logHasEntries, .log(.export), label: .phrase(.labelEInTheLog),
                   help: .phrase(.helpSaveTheEntrySRequest), section: .panes, footer: FooterHint("e", .keyExport, when: .logHasEntries)),
        KeyBinding(.of(.escape), [.log], .log(.clearFilter), label: .phrase(.labelEscInTheLog), help: .phrase(.helpClearTheSearchAndThe), section: .panes),
        KeyBinding(.of(.tab), [.log], .screen(.focusPane(.form)), label: .phrase(.labelTabInTheLog), help: .phrase(.helpToTheForm), section: .panes),
        KeyBinding(.of(.backTab), [.log], .screen(.focusPane(.preview)), label: .phrase(.labelShiftTabInTheLog), help: .phrase(.helpToThePreview), section: .panes),
    ]

}
