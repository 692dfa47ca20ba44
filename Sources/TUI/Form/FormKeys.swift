import Localization

extension FormCommands {
    /// The form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(.of(.enter), [.form], when: .onPicker, .form(.openPicker), help: .phrase(.helpTheVoicePickerTypeTo),
                   section: .audio, footer: FooterHint("Enter", .keyPick, when: .onPicker)),
        KeyBinding(.of(.enter, .character(" ")), [.form], when: .onButton, .form(.pressButton), help: .phrase(.helpAddADestinationRow), section: .form, footer: FooterHint("Enter", .keyAdd, when: .onButton)),
        KeyBinding(.of(.left, .right, .controlLeft, .controlRight), [.form], when: .onStepper, meaning: .stepping, help: .phrase(.helpStep), section: .audio,
                   footer: FooterHint("←→", .keyStep, when: .onStepper)),
        KeyBinding(.of(.left, .right, .character(" ")), [.form], when: .onChoice, meaning: .cycling, help: .phrase(.helpChangeTheValueAudioNone),
                   section: .form, footer: FooterHint("←→", .keyChange, when: .onChoice)),
        KeyBinding(.of(.delete, .backspace), [.form], when: .onChoice, .form(.resetChoice), help: .phrase(.helpReturnItToTheAPI), section: .form, footer: FooterHint("Del", .keyDefault, when: .onChoice)),
        KeyBinding(.of(.enter), [.form], when: .onPlainChoice, .form(.nextFromChoice), help: .phrase(.helpNextField), section: .form),
        KeyBinding(.of(.tab), [.form], .form(.focusNext), help: .phrase(.helpNextField), section: .form,
                   footer: FooterHint("Tab", .keyNext)),
        KeyBinding(.of(.backTab), [.form], .form(.focusPrevious), help: .phrase(.helpPreviousField), section: .form,
                   footer: FooterHint("S-Tab", .keyPrevious, when: .inText)),
        KeyBinding(.of(.pageDown), [.form], .form(.nextSection), help: .phrase(.helpNextSection), section: .form),
        KeyBinding(.of(.pageUp), [.form], .form(.previousSection), help: .phrase(.helpPreviousSection), section: .form),
        KeyBinding(.of(.character("=")), [.form], when: .hasDefault, .form(.explicitDefault), help: .phrase(.helpSendTheDefaultValueExplicitly), section: .form,
                   footer: FooterHint("=", .keyExplicit, when: .hasDefault)),
        KeyBinding(.of(.up, .down), [.form], meaning: .vertical, help: .phrase(.helpPreviousNextFieldInThe), section: .form),
        KeyBinding(.of(.control("n"), .insert), [.form], when: .onDestination, .form(.addRow), help: .phrase(.helpAddADestinationBelowIn), section: .form,
                   footer: FooterHint("^N", .keyAddRow, when: .onDestination)),
        KeyBinding(.of(.control("d")), [.form], when: .onDestination, .form(.removeRow), help: .phrase(.helpRemoveTheDestinationRow), section: .form, footer: FooterHint("^D", .keyRemove, when: .onDestination)),
        KeyBinding(.of(.altUp, .controlUp), [.form], when: .onDestination, .form(.moveRow(up: true)), help: .phrase(.helpMoveTheDestinationRowUp), section: .form,
                   footer: FooterHint("Alt-↑↓", .keyMove, when: .onDestination)),
        KeyBinding(.of(.altDown, .controlDown), [.form], when: .onDestination, .form(.moveRow(up: false)), help: .phrase(.helpMoveTheDestinationRowDown), section: .form),
        KeyBinding(.of(.control("z")), [.form], .form(.undo), help: .phrase(.helpUndoTheLastChangeTo), section: .form),
        KeyBinding(.of(.control("r")), [.form], .form(.redo), help: .phrase(.helpRedoWhatCtrlZUndid), section: .form),
        KeyBinding(.of(.enter), [.form], when: .onAccountField, .form(.openAccountPicker), help: .phrase(.helpPickFromTheAccountS),
                   section: .form, footer: FooterHint("Enter", .keyPick, when: .onAccountField)),
        KeyBinding(.of(.enter), [.form], when: .inText, .form(.nextFromText), help: .phrase(.helpNextField), section: .form),
        KeyBinding(.of(.control("f")), [.form], when: .inText, .form(.applyFix), help: .phrase(.helpUseTheSuggestedFixA), section: .form),
    ] + KeyTable.editing(in: [.form], when: .inText)

}
