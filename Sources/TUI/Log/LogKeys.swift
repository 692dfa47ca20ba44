import Localization

extension LogCommands {
    /// The call log panel's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.log], when: .logHasEntries, meaning: .moving { .log(.move($0)) },
                   help: .phrase(.helpMoveInTheCallLog), section: .panes,
                   footer: FooterHint("↑↓", .keyMove, when: .logHasEntries)),
        KeyBinding(.of(.enter), [.log], when: .logHasEntries, .log(.open), help: .phrase(.helpTheEntryInFullRequest), section: .panes,
                   footer: FooterHint("Enter", .keyOpen, when: .logHasEntries)),
        KeyBinding(.of(.character("/")), [.log], .log(.search), help: .phrase(.helpSearchNumbersAndTheirLast), section: .panes,
                   footer: FooterHint("/", .keySearch)),
        KeyBinding(.of(.character("o")), [.log], .log(.cycleOutcome), help: .phrase(.helpCycleTheOutcomeFilter), section: .panes, footer: FooterHint("o", .keyOutcome)),
        KeyBinding(.of(.character("r")), [.log], when: .logHasEntries, .log(.reuse), help: .phrase(.helpLoadTheEntrySRequest), section: .panes,
                   footer: FooterHint("r", .keyReuse, when: .logHasEntries)),
        KeyBinding(.of(.character("e")), [.log], when: .logHasEntries, .log(.export), help: .phrase(.helpSaveTheEntrySRequest), section: .panes, footer: FooterHint("e", .keyExport, when: .logHasEntries)),
        KeyBinding(.of(.character("n")), [.log], when: .logHasEntries, .log(.note), help: .phrase(.helpNoteOnTheEntry), section: .panes,
                   footer: FooterHint("n", .keyNote, when: .logHasEntries)),
        KeyBinding(.of(.character("d")), [.log], when: .logHasEntries, .log(.disposition), help: .phrase(.helpDispositionOfTheEntry), section: .panes,
                   footer: FooterHint("d", .keyDisposition, when: .logHasEntries)),
        KeyBinding(.of(.character("h")), [.log], when: .logHasEntries, .log(.clientHistory), help: .phrase(.helpClientHistory), section: .panes,
                   footer: FooterHint("h", .keyClientHistory, when: .logHasEntries)),
        KeyBinding(.of(.alt("h")), [.screen], .log(.clientOfForm), help: .phrase(.helpClientOfForm), section: .everywhere),
        KeyBinding(.of(.escape), [.log], .log(.clearFilter), help: .phrase(.helpClearTheSearchAndThe), section: .panes),
        KeyBinding(.of(.tab), [.log], .screen(.focusPane(.form)), help: .phrase(.helpToTheForm), section: .panes),
        KeyBinding(.of(.backTab), [.log], .screen(.focusPane(.preview)), help: .phrase(.helpToThePreview), section: .panes),
    ]

}
