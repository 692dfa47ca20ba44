import Localization

/// The one key table. Dispatch (`KeyTable.binding(for:in:)`), the help
/// overlay and the footer all read it, so they cannot disagree. Order
/// matters: the first binding in force that takes a key wins, and the footer
/// lists hints in table order (the place's own keys first, then the screen's).
public enum KeyTable {
    /// Every binding.
    public static let bindings: [KeyBinding] = form + preview + log + screen + dialogs

    /// The form's keys.
    static let form: [KeyBinding] = [
        KeyBinding(.of(.enter), [.form], when: .onPicker, .openPicker, label: .phrase(.labelEnterOnVoiceEmotion),
                   help: .phrase(.helpTheVoicePickerTypeTo),
                   section: .audio, footer: FooterHint("Enter", .keyPick, when: .onPicker)),
        KeyBinding(.of(.enter, .character(" ")), [.form], when: .onButton, .pressButton, label: .phrase(.labelEnterOnDestination),
                   help: .phrase(.helpAddADestinationRow), section: .form, footer: FooterHint("Enter", .keyAdd, when: .onButton)),
        KeyBinding(.of(.left, .right, .pageUp, .pageDown), [.form], when: .onStepper, .step, label: .phrase(.labelArrowsOnVolumeSpeed),
                   help: .phrase(.helpStep101PgUp), section: .audio),
        KeyBinding(.of(.left, .right, .character(" ")), [.form], when: .onChoice, .cycleChoice, label: .phrase(.labelArrowsOnAChoice),
                   help: .phrase(.helpChangeTheValueAudioNone),
                   section: .form, footer: FooterHint("←→", .keyChange, when: .onChoice)),
        KeyBinding(.of(.delete, .backspace), [.form], when: .onChoice, .resetChoice, label: .phrase(.labelDelOnAChoice),
                   help: .phrase(.helpReturnItToTheAPI), section: .form, footer: FooterHint("Del", .keyDefault, when: .onChoice)),
        KeyBinding(.of(.enter), [.form], when: .onPlainChoice, .nextFromChoice, label: .phrase(.labelEnterOnAChoice),
                   help: .phrase(.helpNextField), section: .form),
        KeyBinding(.of(.tab), [.form], .focusNext, label: "Tab", help: .phrase(.helpNextField), section: .form,
                   footer: FooterHint("Tab", .keyNext)),
        KeyBinding(.of(.backTab), [.form], .focusPrevious, label: "Shift-Tab", help: .phrase(.helpPreviousField), section: .form,
                   footer: FooterHint("S-Tab", .keyPrevious, when: .inText)),
        KeyBinding(.of(.pageDown), [.form], .nextSection, label: "PgDn / PgUp",
                   help: .phrase(.helpTheNextPreviousSectionS), section: .form),
        KeyBinding(.of(.pageUp), [.form], .previousSection, label: "PgDn / PgUp",
                   help: .phrase(.helpTheNextPreviousSectionS), section: .form),
        KeyBinding(.of(.character("=")), [.form], when: .onChoice, .explicitDefault, label: .phrase(.labelEqualsOnAChoice),
                   help: .phrase(.helpSendTheDefaultValueExplicitly), section: .form),
        KeyBinding(.of(.up, .down), [.form], .verticalMove, label: "↑ ↓",
                   help: .phrase(.helpPreviousNextFieldInThe), section: .form),
        KeyBinding(.of(.control("n"), .insert), [.form], when: .onDestination, .addRow, label: "Ctrl-N / Insert",
                   help: .phrase(.helpAddADestinationBelowIn), section: .form,
                   footer: FooterHint("^N", .keyAddRow, when: .onDestination)),
        KeyBinding(.of(.control("d")), [.form], when: .onDestination, .removeRow, label: "Ctrl-D",
                   help: .phrase(.helpRemoveTheDestinationRow), section: .form, footer: FooterHint("^D", .keyRemove, when: .onDestination)),
        KeyBinding(.of(.altUp, .controlUp), [.form], when: .onDestination, .moveRow(up: true), label: "Alt-↑ / Ctrl-↑",
                   help: .phrase(.helpMoveTheDestinationRowUp), section: .form,
                   footer: FooterHint("Alt-↑↓", .keyMove, when: .onDestination)),
        KeyBinding(.of(.altDown, .controlDown), [.form], when: .onDestination, .moveRow(up: false), label: "Alt-↓ / Ctrl-↓",
                   help: .phrase(.helpMoveTheDestinationRowDown), section: .form),
        KeyBinding(.of(.control("z")), [.form], .undo, label: "Ctrl-Z",
                   help: .phrase(.helpUndoTheLastChangeTo), section: .form),
        KeyBinding(.of(.control("r")), [.form], .redo, label: "Ctrl-R", help: .phrase(.helpRedoWhatCtrlZUndid), section: .form),
        KeyBinding(.of(.enter), [.form], when: .onAccountField, .openAccountPicker, label: .phrase(.labelEnterOnNumberCodeDisplay),
                   help: .phrase(.helpPickFromTheAccountS),
                   section: .form, footer: FooterHint("Enter", .keyPick, when: .onAccountField)),
        KeyBinding(.of(.enter), [.form], when: .inText, .nextFromText, label: .phrase(.labelEnterInATextField), help: .phrase(.helpNextField), section: .form),
        KeyBinding(.of(.control("f")), [.form], when: .inText, .applyFix, label: "Ctrl-F",
                   help: .phrase(.helpUseTheSuggestedFixA), section: .form),
    ] + editing(in: [.form], when: .inText)

    /// The editing keys of a text field or prompt.
    static func editing(in scopes: [KeyScope], when: KeyCondition) -> [KeyBinding] {
        let command: Command = scopes == [.form] ? .edit : .promptEdit
        return [
            KeyBinding([.anyCharacter, .anyPaste], scopes, when: when, command, label: .phrase(.labelTypePaste),
                       help: .phrase(.helpTextAPasteIsText), section: .editing),
            KeyBinding(.of(.left, .right, .home, .end, .control("a"), .control("e")), scopes, when: when, command,
                       label: "← → Home End", help: .phrase(.helpMoveTheCursorCtrlA), section: .editing),
            KeyBinding(.of(.controlLeft, .controlRight, .alt("b"), .alt("f")), scopes, when: when, command,
                       label: "Ctrl-← Ctrl-→", help: .phrase(.helpWordLeftRightAltB), section: .editing),
            KeyBinding(.of(.backspace, .delete), scopes, when: when, command, label: "Backspace Del",
                       help: .phrase(.helpDeleteACharacter), section: .editing),
            KeyBinding(.of(.control("u"), .control("k"), .control("w")), scopes, when: when, command, label: "Ctrl-U Ctrl-K Ctrl-W",
                       help: .phrase(.helpDeleteToTheStartTo), section: .editing),
        ]
    }

    /// The preview's keys.
    static let preview: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.preview], .scrollPreview, label: "↑ ↓ PgUp PgDn Home End",
                   help: .phrase(.helpScrollThePreview), section: .panes, footer: FooterHint("↑↓ PgUp PgDn", .keyScroll)),
        KeyBinding(.of(.tab), [.preview], .focusPane(.log), label: .phrase(.labelTabInThePreview), help: .phrase(.helpToTheCallLog), section: .panes),
        KeyBinding(.of(.backTab), [.preview], .focusPane(.form), label: .phrase(.labelShiftTabInThePreview), help: .phrase(.helpToTheForm), section: .panes),
    ]

    /// The call log panel's keys.
    static let log: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.log], when: .logHasEntries, .logMove,
                   label: "↑ ↓ PgUp PgDn Home End", help: .phrase(.helpMoveInTheCallLog), section: .panes,
                   footer: FooterHint("↑↓", .keyMove, when: .logHasEntries)),
        KeyBinding(.of(.enter), [.log], when: .logHasEntries, .logOpen, label: .phrase(.labelEnterInTheLog),
                   help: .phrase(.helpTheEntryInFullRequest), section: .panes,
                   footer: FooterHint("Enter", .keyOpen, when: .logHasEntries)),
        KeyBinding(.of(.character("/")), [.log], .logSearch, label: .phrase(.labelSlashInTheLog),
                   help: .phrase(.helpSearchNumbersAndTheirLast), section: .panes,
                   footer: FooterHint("/", .keySearch)),
        KeyBinding(.of(.character("o")), [.log], .logCycleOutcome, label: .phrase(.labelOInTheLog),
                   help: .phrase(.helpCycleTheOutcomeFilter), section: .panes, footer: FooterHint("o", .keyOutcome)),
        KeyBinding(.of(.character("r")), [.log], when: .logHasEntries, .logReuse, label: .phrase(.labelRInTheLog),
                   help: .phrase(.helpLoadTheEntrySRequest), section: .panes,
                   footer: FooterHint("r", .keyReuse, when: .logHasEntries)),
        KeyBinding(.of(.character("e")), [.log], when: .logHasEntries, .logExport, label: .phrase(.labelEInTheLog),
                   help: .phrase(.helpSaveTheEntrySRequest), section: .panes, footer: FooterHint("e", .keyExport, when: .logHasEntries)),
        KeyBinding(.of(.escape), [.log], .logClearFilter, label: .phrase(.labelEscInTheLog), help: .phrase(.helpClearTheSearchAndThe), section: .panes),
        KeyBinding(.of(.tab), [.log], .focusPane(.form), label: .phrase(.labelTabInTheLog), help: .phrase(.helpToTheForm), section: .panes),
        KeyBinding(.of(.backTab), [.log], .focusPane(.preview), label: .phrase(.labelShiftTabInTheLog), help: .phrase(.helpToThePreview), section: .panes),
    ]

    /// Keys of the main screen, whichever pane has the keyboard.
    static let screen: [KeyBinding] = [
        KeyBinding(.of(.function(9)), [.screen], .openExplorer, label: "F9",
                   help: .phrase(.helpTheVoiceExplorerEveryVoice), section: .audio,
                   footer: FooterHint("F9", .keyVoices, when: .onLine)),
        KeyBinding(.of(.function(8), .control("t")), [.screen], .nextPane, label: "F8 / Ctrl-T",
                   help: .phrase(.helpNextPaneNextTabWhen), section: .everywhere, footer: FooterHint("F8", .keyNextPane, when: .inPreview)),
        KeyBinding(.of(.function(5)), [.screen], .send, label: "F5", help: .phrase(.helpSendCheckConfirmEnterOr),
                   section: .sending, footer: FooterHint("F5", .keySend)),
        KeyBinding(.of(.function(2)), [.screen], .saveRequest, label: "F2", help: .phrase(.helpSaveTheRequestToA),
                   section: .everywhere, footer: FooterHint("F2", .keySave)),
        KeyBinding(.of(.function(3)), [.screen], .openRequest, label: "F3", help: .phrase(.helpOpenARequestFile),
                   section: .everywhere, footer: FooterHint("F3", .keyOpenFile)),
        KeyBinding(.of(.function(4)), [.screen], .openProblems, label: "F4", help: .phrase(.helpTheProblemsListEnterJumps),
                   section: .everywhere, footer: FooterHint("F4", .keyProblems)),
        KeyBinding(.of(.function(1)), [.screen], .openHelp, label: "F1", help: .phrase(.helpThisHelp), section: .everywhere,
                   footer: FooterHint("F1", .keyHelp)),
        KeyBinding(.of(.character("?")), [.screen], when: .outsideText, .openHelp, label: "?", help: .phrase(.helpThisHelpOutsideTextFields),
                   section: .everywhere),
        KeyBinding(.of(.function(10), .control("q")), [.screen, .anyDialog], .quit, label: "F10 / Ctrl-Q",
                   help: .phrase(.helpQuitTheFormIsKept), section: .everywhere, footer: FooterHint("F10", .keyQuit)),
        KeyBinding(.of(.function(12)), [.screen], .openThemes, label: "F12", help: .phrase(.helpTheThemeListPreviewedLive), section: .everywhere),
        KeyBinding(.of(.character("t")), [.screen], when: .outsideText, .openThemes, label: "t",
                   help: .phrase(.helpTheThemeListOutsideText), section: .everywhere),
        KeyBinding(.of(.function(11)), [.screen], .openProfiles, label: "F11",
                   help: .phrase(.helpSwitchProfileFillsEmptyFields), section: .everywhere),
        KeyBinding(.of(.character("p")), [.screen], when: .outsideText, .openProfiles, label: "p",
                   help: .phrase(.helpSwitchProfileOutsideTextFields), section: .everywhere),
        KeyBinding(.of(.function(6)), [.screen], .saveTemplate, label: "F6", help: .phrase(.helpSaveTheFormAsA), section: .everywhere),
        KeyBinding(.of(.function(7)), [.screen], .openTemplates, label: "F7",
                   help: .phrase(.helpTheTemplatesPreviewedEnterLoads), section: .everywhere),
        KeyBinding([.anyMouse], [.screen], .mouse, label: .phrase(.labelMouse),
                   help: .phrase(.helpClickAFieldAChoice),
                   section: .everywhere),
        KeyBinding(.of(.control("p")), [.screen], .openPalette, label: "Ctrl-P",
                   help: .phrase(.helpTheCommandPaletteEveryAction), section: .everywhere),
        KeyBinding(.of(.alt("l")), [.screen], .switchLanguage, label: "Alt-L",
                   help: .phrase(.helpSwitchTheInterfaceLanguageEnglish), section: .everywhere),
        KeyBinding(.of(.alt("n")), [.screen], .newRequest, label: "Alt-N",
                   help: .phrase(.helpANewRequestAnEmpty), section: .everywhere),
        KeyBinding(.of(.control("y")), [.screen], .copyCurl, label: "Ctrl-Y",
                   help: .phrase(.helpCopyTheRequestAsA), section: .sending),
        KeyBinding(.of(.alt("1")), [.screen], .showPane(.form), label: "Alt-1 / 1", help: .phrase(.helpTheForm1OutsideText), section: .everywhere),
        KeyBinding(.of(.alt("2")), [.screen], .showPane(.preview), label: "Alt-2 / 2", help: .phrase(.helpThePreview2OutsideText), section: .everywhere),
        KeyBinding(.of(.alt("3")), [.screen], .showPane(.log), label: "Alt-3 / 3", help: .phrase(.helpTheCallLog3Outside), section: .everywhere),
        KeyBinding(.of(.character("1")), [.screen], when: .outsideText, .showPane(.form), label: "Alt-1 / 1", help: .phrase(.helpTheForm1OutsideText), section: .everywhere),
        KeyBinding(.of(.character("2")), [.screen], when: .outsideText, .showPane(.preview), label: "Alt-2 / 2", help: .phrase(.helpThePreview2OutsideText), section: .everywhere),
        KeyBinding(.of(.character("3")), [.screen], when: .outsideText, .showPane(.log), label: "Alt-3 / 3", help: .phrase(.helpTheCallLog3Outside), section: .everywhere),
    ]

    /// A binding of one dialog; its help text is the footer's word unless given.
    static func on(_ kind: DialogKind, _ keys: [KeyPattern], when: KeyCondition = .always, _ command: Command,
                   _ label: String, _ text: Phrase, footer: Bool = true, section: HelpSection = .dialogs) -> KeyBinding {
        // "type" is the one dialog key label that is a word, not a key's name.
        let shown: Localized = label == "type" ? .phrase(.labelType) : .verbatim(label)
        return KeyBinding(keys, [.dialog(kind)], when: when, command, label: shown, help: .phrase(text), section: section,
                          footer: footer ? FooterHint(shown, text, when: when) : nil)
    }

    /// The message box's key.
    static let message: [KeyBinding] = [on(.message, .of(.enter, .escape, .character(" ")), .close, "Enter / Esc", .keyClose)]

    /// Every feature's dialog keys, in the order the help lists the dialogs; the prompts'
    /// editing keys last, so a prompt's own keys win.
    static let dialogs: [KeyBinding] = QuitCommands.keys + PaletteCommands.keys + AccountPickerCommands.keys + HelpFeature.keys
        + ProblemsFeature.keys + FileFeature.keys + AudioCommands.keys + SendCommands.keys + message + LogCommands.dialogKeys
        + ProfileCommands.keys + TemplateCommands.keys + ThemeCommands.keys
        + FileFeature.editingKeys + LogCommands.editingKeys + TemplateCommands.editingKeys

    /// The kinds of dialog that have keys, in the table's order (the help lists them so).
    static let dialogKinds: [DialogKind] = {
        var kinds: [DialogKind] = []
        for binding in dialogs {
            for case .dialog(let kind) in binding.scopes where !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }()

    /// The scopes in force in `state`.
    public static func activeScopes(_ state: AppState) -> [KeyScope] {
        if let dialog = state.dialog { return [.anyDialog, .dialog(dialog.kind)] }
        switch state.pane {
        case .form: return [.screen, .form]
        case .preview: return [.screen, .preview]
        case .log: return [.screen, .log]
        }
    }

    /// The binding that takes `key` in `state`, if any: the first in force.
    public static func binding(for key: Key, in state: AppState) -> KeyBinding? {
        let active = activeScopes(state)
        return bindings.first { $0.keys.contains { $0.matches(key) } && $0.applies(in: state, scopes: active) }
    }

    /// The footer's hints for `state`: the place's own first, then the screen's; each once.
    public static func footer(for state: AppState) -> [FooterHint] {
        let active = activeScopes(state)
        let inForce = bindings.filter { $0.footer != nil && $0.applies(in: state, scopes: active) && $0.footer!.when.holds(in: state) }
        let own = inForce.filter { !$0.scopes.contains(.screen) }
        let screen = state.dialog == nil ? inForce.filter { $0.scopes.contains(.screen) } : []
        var seen: Set<String> = []
        return (own + screen).compactMap(\.footer).filter { seen.insert($0.keys.text(.en) + "\u{0}" + $0.text.rawValue).inserted }
    }
}
