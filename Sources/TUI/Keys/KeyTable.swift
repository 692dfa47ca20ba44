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
        KeyBinding(.of(.enter), [.form], when: .onPicker, .openPicker, label: "Enter on Voice / Emotion",
                   help: "the voice picker (type to filter, Tab for gender) / only the emotions the voice offers",
                   section: .audio, footer: FooterHint("Enter", .keyPick, when: .onPicker)),
        KeyBinding(.of(.enter, .character(" ")), [.form], when: .onButton, .pressButton, label: "Enter on + destination",
                   help: "add a destination row", section: .form, footer: FooterHint("Enter", .keyAdd, when: .onButton)),
        KeyBinding(.of(.left, .right, .pageUp, .pageDown), [.form], when: .onStepper, .step, label: "← → on Volume/Speed",
                   help: "step 1 / 0.1 (PgUp PgDn: volume by 10, speed by 1)", section: .audio),
        KeyBinding(.of(.left, .right, .character(" ")), [.form], when: .onChoice, .cycleChoice, label: "← → on a choice",
                   help: "change the value (audio: none / recorded / text-to-speech, values kept; voice: an emotion it lacks becomes its default)",
                   section: .form, footer: FooterHint("←→", .keyChange, when: .onChoice)),
        KeyBinding(.of(.delete, .backspace), [.form], when: .onChoice, .resetChoice, label: "Del on a choice",
                   help: "return it to the API's default", section: .form, footer: FooterHint("Del", .keyDefault, when: .onChoice)),
        KeyBinding(.of(.enter), [.form], when: .onPlainChoice, .nextFromChoice, label: "Enter on a choice",
                   help: "next field", section: .form),
        KeyBinding(.of(.tab), [.form], .focusNext, label: "Tab", help: "next field", section: .form,
                   footer: FooterHint("Tab", .keyNext)),
        KeyBinding(.of(.backTab), [.form], .focusPrevious, label: "Shift-Tab", help: "previous field", section: .form,
                   footer: FooterHint("S-Tab", .keyPrevious, when: .inText)),
        KeyBinding(.of(.pageDown), [.form], .nextSection, label: "PgDn / PgUp",
                   help: "the next / previous section's first field (General, Line 1, Line 2)", section: .form),
        KeyBinding(.of(.pageUp), [.form], .previousSection, label: "PgDn / PgUp",
                   help: "the next / previous section's first field (General, Line 1, Line 2)", section: .form),
        KeyBinding(.of(.character("=")), [.form], when: .onChoice, .explicitDefault, label: "= on a choice",
                   help: "send the default value explicitly (it shows as chosen, not as \"default\")", section: .form),
        KeyBinding(.of(.up, .down), [.form], .verticalMove, label: "↑ ↓",
                   help: "previous / next field (in the TTS text: between wrapped lines first)", section: .form),
        KeyBinding(.of(.control("n"), .insert), [.form], when: .onDestination, .addRow, label: "Ctrl-N / Insert",
                   help: "add a destination below (in a destination row; at most 10)", section: .form,
                   footer: FooterHint("^N", .keyAddRow, when: .onDestination)),
        KeyBinding(.of(.control("d")), [.form], when: .onDestination, .removeRow, label: "Ctrl-D",
                   help: "remove the destination row", section: .form, footer: FooterHint("^D", .keyRemove, when: .onDestination)),
        KeyBinding(.of(.altUp, .controlUp), [.form], when: .onDestination, .moveRow(up: true), label: "Alt-↑ / Ctrl-↑",
                   help: "move the destination row up", section: .form,
                   footer: FooterHint("Alt-↑↓", .keyMove, when: .onDestination)),
        KeyBinding(.of(.altDown, .controlDown), [.form], when: .onDestination, .moveRow(up: false), label: "Alt-↓ / Ctrl-↓",
                   help: "move the destination row down", section: .form),
        KeyBinding(.of(.control("z")), [.form], .undo, label: "Ctrl-Z",
                   help: "undo the last change to the form (typing, a load, r, a template, a row...), step by step", section: .form),
        KeyBinding(.of(.control("r")), [.form], .redo, label: "Ctrl-R", help: "redo what Ctrl-Z undid", section: .form),
        KeyBinding(.of(.enter), [.form], when: .onAccountField, .openAccountPicker, label: "Enter on Number code / Display number / Callback resource",
                   help: "pick from the account's numbers (those that can place calls, for Number code) or callback resources; typing works as ever",
                   section: .form, footer: FooterHint("Enter", .keyPick, when: .onAccountField)),
        KeyBinding(.of(.enter), [.form], when: .inText, .nextFromText, label: "Enter in a text field", help: "next field", section: .form),
        KeyBinding(.of(.control("f")), [.form], when: .inText, .applyFix, label: "Ctrl-F",
                   help: "use the suggested fix (a normalized phone number)", section: .form),
    ] + editing(in: [.form], when: .inText)

    /// The editing keys of a text field or prompt.
    static func editing(in scopes: [KeyScope], when: KeyCondition) -> [KeyBinding] {
        let command: Command = scopes == [.form] ? .edit : .promptEdit
        return [
            KeyBinding([.anyCharacter, .anyPaste], scopes, when: when, command, label: "type / paste",
                       help: "text (a paste is text only; control characters are dropped)", section: .editing),
            KeyBinding(.of(.left, .right, .home, .end, .control("a"), .control("e")), scopes, when: when, command,
                       label: "← → Home End", help: "move the cursor (Ctrl-A / Ctrl-E too)", section: .editing),
            KeyBinding(.of(.controlLeft, .controlRight, .alt("b"), .alt("f")), scopes, when: when, command,
                       label: "Ctrl-← Ctrl-→", help: "word left / right (Alt-B / Alt-F too)", section: .editing),
            KeyBinding(.of(.backspace, .delete), scopes, when: when, command, label: "Backspace Del",
                       help: "delete a character", section: .editing),
            KeyBinding(.of(.control("u"), .control("k"), .control("w")), scopes, when: when, command, label: "Ctrl-U Ctrl-K Ctrl-W",
                       help: "delete to the start / to the end / the word before the cursor", section: .editing),
        ]
    }

    /// The preview's keys.
    static let preview: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.preview], .scrollPreview, label: "↑ ↓ PgUp PgDn Home End",
                   help: "scroll the preview", section: .panes, footer: FooterHint("↑↓ PgUp PgDn", .keyScroll)),
        KeyBinding(.of(.tab), [.preview], .focusPane(.log), label: "Tab in the preview", help: "to the call log", section: .panes),
        KeyBinding(.of(.backTab), [.preview], .focusPane(.form), label: "Shift-Tab in the preview", help: "to the form", section: .panes),
    ]

    /// The call log panel's keys.
    static let log: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.log], when: .logHasEntries, .logMove,
                   label: "↑ ↓ PgUp PgDn Home End", help: "move in the call log", section: .panes,
                   footer: FooterHint("↑↓", .keyMove, when: .logHasEntries)),
        KeyBinding(.of(.enter), [.log], when: .logHasEntries, .logOpen, label: "Enter in the log",
                   help: "the entry in full: request as sent, response, status", section: .panes,
                   footer: FooterHint("Enter", .keyOpen, when: .logHasEntries)),
        KeyBinding(.of(.character("/")), [.log], .logSearch, label: "/ in the log",
                   help: "search numbers (and their last digits), description, call_id, TTS text", section: .panes,
                   footer: FooterHint("/", .keySearch)),
        KeyBinding(.of(.character("o")), [.log], .logCycleOutcome, label: "o in the log",
                   help: "cycle the outcome filter", section: .panes, footer: FooterHint("o", .keyOutcome)),
        KeyBinding(.of(.character("r")), [.log], when: .logHasEntries, .logReuse, label: "r in the log",
                   help: "load the entry's request into the form (Ctrl-Z undoes)", section: .panes,
                   footer: FooterHint("r", .keyReuse, when: .logHasEntries)),
        KeyBinding(.of(.character("e")), [.log], when: .logHasEntries, .logExport, label: "e in the log",
                   help: "save the entry's request to a file", section: .panes, footer: FooterHint("e", .keyExport, when: .logHasEntries)),
        KeyBinding(.of(.escape), [.log], .logClearFilter, label: "Esc in the log", help: "clear the search and the filter", section: .panes),
        KeyBinding(.of(.tab), [.log], .focusPane(.form), label: "Tab in the log", help: "to the form", section: .panes),
        KeyBinding(.of(.backTab), [.log], .focusPane(.preview), label: "Shift-Tab in the log", help: "to the preview", section: .panes),
    ]

    /// Keys of the main screen, whichever pane has the keyboard.
    static let screen: [KeyBinding] = [
        KeyBinding(.of(.function(9)), [.screen], .openExplorer, label: "F9",
                   help: "the voice explorer: every voice and emotion as a grid", section: .audio,
                   footer: FooterHint("F9", .keyVoices, when: .onLine)),
        KeyBinding(.of(.function(8), .control("t")), [.screen], .nextPane, label: "F8 / Ctrl-T",
                   help: "next pane (next tab when narrow)", section: .everywhere, footer: FooterHint("F8", .keyNextPane, when: .inPreview)),
        KeyBinding(.of(.function(5)), [.screen], .send, label: "F5", help: "send: check, confirm (Enter or y), then the outcome",
                   section: .sending, footer: FooterHint("F5", .keySend)),
        KeyBinding(.of(.function(2)), [.screen], .saveRequest, label: "F2", help: "save the request to a JSON file",
                   section: .everywhere, footer: FooterHint("F2", .keySave)),
        KeyBinding(.of(.function(3)), [.screen], .openRequest, label: "F3", help: "open a request file",
                   section: .everywhere, footer: FooterHint("F3", .keyOpenFile)),
        KeyBinding(.of(.function(4)), [.screen], .openProblems, label: "F4", help: "the problems list; Enter jumps to a field",
                   section: .everywhere, footer: FooterHint("F4", .keyProblems)),
        KeyBinding(.of(.function(1)), [.screen], .openHelp, label: "F1", help: "this help", section: .everywhere,
                   footer: FooterHint("F1", .keyHelp)),
        KeyBinding(.of(.character("?")), [.screen], when: .outsideText, .openHelp, label: "?", help: "this help (outside text fields)",
                   section: .everywhere),
        KeyBinding(.of(.function(10), .control("q")), [.screen, .anyDialog], .quit, label: "F10 / Ctrl-Q",
                   help: "quit (the form is kept as a draft)", section: .everywhere, footer: FooterHint("F10", .keyQuit)),
        KeyBinding(.of(.function(12)), [.screen], .openThemes, label: "F12", help: "the theme list, previewed live", section: .everywhere),
        KeyBinding(.of(.character("t")), [.screen], when: .outsideText, .openThemes, label: "t",
                   help: "the theme list (outside text fields)", section: .everywhere),
        KeyBinding(.of(.function(11)), [.screen], .openProfiles, label: "F11",
                   help: "switch profile: fills empty fields with its defaults", section: .everywhere),
        KeyBinding(.of(.character("p")), [.screen], when: .outsideText, .openProfiles, label: "p",
                   help: "switch profile (outside text fields)", section: .everywhere),
        KeyBinding(.of(.function(6)), [.screen], .saveTemplate, label: "F6", help: "save the form as a named template", section: .everywhere),
        KeyBinding(.of(.function(7)), [.screen], .openTemplates, label: "F7",
                   help: "the templates, previewed; Enter loads one (Ctrl-Z undoes)", section: .everywhere),
        KeyBinding([.anyMouse], [.screen], .mouse, label: "mouse",
                   help: "click a field, a choice (opens its picker), a tab, a pane or a log row (double-click opens it); the wheel scrolls",
                   section: .everywhere),
        KeyBinding(.of(.control("p")), [.screen], .openPalette, label: "Ctrl-P",
                   help: "the command palette: every action by name, with its key", section: .everywhere),
        KeyBinding(.of(.alt("l")), [.screen], .switchLanguage, label: "Alt-L",
                   help: "switch the interface language: English / Русский", section: .everywhere),
        KeyBinding(.of(.alt("n")), [.screen], .newRequest, label: "Alt-N",
                   help: "a new request: an empty form, or the profile's defaults (Ctrl-Z brings the old one back)", section: .everywhere),
        KeyBinding(.of(.control("y")), [.screen], .copyCurl, label: "Ctrl-Y",
                   help: "copy the request as a curl command (the key stays $VARIABLE)", section: .sending),
        KeyBinding(.of(.alt("1")), [.screen], .showPane(.form), label: "Alt-1 / 1", help: "the form (1 outside text fields)", section: .everywhere),
        KeyBinding(.of(.alt("2")), [.screen], .showPane(.preview), label: "Alt-2 / 2", help: "the preview (2 outside text fields)", section: .everywhere),
        KeyBinding(.of(.alt("3")), [.screen], .showPane(.log), label: "Alt-3 / 3", help: "the call log (3 outside text fields)", section: .everywhere),
        KeyBinding(.of(.character("1")), [.screen], when: .outsideText, .showPane(.form), label: "Alt-1 / 1", help: "the form (1 outside text fields)", section: .everywhere),
        KeyBinding(.of(.character("2")), [.screen], when: .outsideText, .showPane(.preview), label: "Alt-2 / 2", help: "the preview (2 outside text fields)", section: .everywhere),
        KeyBinding(.of(.character("3")), [.screen], when: .outsideText, .showPane(.log), label: "Alt-3 / 3", help: "the call log (3 outside text fields)", section: .everywhere),
    ]

    /// A binding of one dialog; its help text is the footer's word unless given.
    private static func on(_ kind: DialogKind, _ keys: [KeyPattern], when: KeyCondition = .always, _ command: Command,
                           _ label: String, _ text: Phrase, footer: Bool = true, section: HelpSection = .dialogs) -> KeyBinding {
        KeyBinding(keys, [.dialog(kind)], when: when, command, label: label, help: Catalog.text(text, .en), section: section,
                   footer: footer ? FooterHint(label, text, when: when) : nil)
    }

    /// Keys of the dialogs, dialog by dialog, in the order their footers show them.
    static let dialogs: [KeyBinding] = [
        on(.quitWhileSending, .of(.enter, .character("w"), .character("W")), .accept, "Enter / w", .keyWaitThenQuit),
        on(.quitWhileSending, .of(.character("q"), .character("Q")), .yes, "q", .keyQuitNow),
        on(.quitWhileSending, .of(.escape), .close, "Esc", .keyStay),
        on(.help, .of(.up, .down, .pageUp, .pageDown), .move, "↑↓", .keyScroll),
        on(.help, .of(.escape, .enter, .function(1), .character("q"), .character("?")), .close, "Esc", .keyClose),
        on(.problems, .of(.up, .down), .move, "↑↓", .keyChoose),
        on(.problems, .of(.enter), .accept, "Enter", .keyGoToField),
        on(.problems, .of(.escape, .function(4)), .close, "Esc", .keyClose),
        on(.problems, .of(.delete), .dropKept, "Del", .keyDropKept, footer: false),
        on(.filePrompt, .of(.enter), .accept, "Enter", .keyConfirm),
        on(.filePrompt, .of(.escape), .close, "Esc", .keyCancel),
        on(.confirmOverwrite, .of(.character("y"), .character("Y")), .yes, "y", .keyOverwrite),
        on(.confirmOverwrite, .of(.character("n"), .character("N"), .escape), .no, "n / Esc", .keyCancel),
        on(.voicePicker, [.anyCharacter, .anyPaste], .filterType, "type", .keyFilter),
        on(.voicePicker, .of(.tab), .cycleGender, "Tab", .keyGender),
        on(.voicePicker, .of(.up, .down), .move, "↑↓", .keyChoose),
        on(.voicePicker, .of(.enter), .accept, "Enter", .keySet),
        on(.voicePicker, .of(.escape), .close, "Esc", .keyCancel),
        on(.voicePicker, .of(.backspace), .filterErase, "Backspace", .keyEraseFilter, footer: false),
        on(.voicePicker, .of(.control("u")), .filterClear, "Ctrl-U", .keyClearFilter, footer: false),
        on(.emotionPicker, .of(.up, .down), .move, "↑↓", .keyChoose),
        on(.emotionPicker, .of(.enter), .accept, "Enter", .keySet),
        on(.emotionPicker, .of(.escape), .close, "Esc", .keyCancel),
        on(.voiceExplorer, .of(.left, .up, .down, .right, .home, .end, .pageUp, .pageDown), .move, "←↑↓→", .keyMove),
        on(.voiceExplorer, .of(.enter), .accept, "Enter", .keySetVoiceEmotion),
        on(.voiceExplorer, .of(.escape, .function(9)), .close, "Esc", .keyClose),
        on(.confirmSend, .of(.enter, .character("y"), .character("Y")), when: .firstAsk, .yes, "Enter / y", .keySend, section: .sending),
        on(.confirmSend, .of(.character("y"), .character("Y")), when: .secondAsk, .yes, "y", .keySendAgain, section: .sending),
        on(.confirmSend, .of(.escape, .character("n"), .character("N")), .no, "Esc", .keyCancel, section: .sending),
        on(.outcome, .of(.character("c"), .character("C")), when: .hasCallID, .copyCallID, "c", .keyCopyCallID, section: .sending),
        on(.outcome, .of(.enter, .escape, .character(" "), .character("q")), .close, "Enter / Esc", .keyClose, section: .sending),
        on(.message, .of(.enter, .escape, .character(" ")), .close, "Enter / Esc", .keyClose),
        on(.logSearch, .of(.enter), .accept, "Enter", .keySearch),
        on(.logSearch, .of(.escape), .close, "Esc", .keyCancel),
        on(.logEntry, .of(.up, .down, .pageUp, .pageDown), .move, "↑↓", .keyScroll),
        on(.logEntry, .of(.character("r")), .logReuse, "r", .keyReuse),
        on(.logEntry, .of(.character("e")), .logExport, "e", .keyExport),
        on(.logEntry, .of(.character("c")), when: .hasCallID, .copyCallID, "c", .keyCopyCallID),
        on(.logEntry, .of(.escape, .enter, .character("q")), .close, "Esc", .keyClose),
        on(.themePicker, .of(.up, .down), .move, "↑↓", .keyPreview),
        on(.themePicker, .of(.enter), .accept, "Enter", .keyKeep),
        on(.themePicker, .of(.escape), .close, "Esc", .keyRevert),
        on(.profilePicker, .of(.up, .down), .move, "↑↓", .keyChoose),
        on(.profilePicker, .of(.enter), .accept, "Enter", .keySwitch),
        on(.profilePicker, .of(.escape), .close, "Esc", .keyCancel),
        on(.templateName, .of(.enter), .accept, "Enter", .keySave),
        on(.templateName, .of(.escape), .close, "Esc", .keyCancel),
        on(.templateExists, .of(.character("y"), .character("Y")), .yes, "y", .keyReplace),
        on(.templateExists, .of(.character("n"), .character("N"), .escape), .no, "n", .keyKeep),
        on(.templatePicker, .of(.up, .down), .move, "↑↓", .keyPreview),
        on(.templatePicker, .of(.enter), .accept, "Enter", .keyLoad),
        on(.templatePicker, .of(.escape), .close, "Esc", .keyCancel),
        on(.saveTheme, .of(.character("y"), .character("Y")), .yes, "y", .keySaveToConfig),
        on(.accountPicker, [.anyCharacter, .anyPaste], .filterType, "type", .keyFilter),
        on(.accountPicker, .of(.up, .down, .pageUp, .pageDown, .home, .end), .move, "↑↓", .keyChoose),
        on(.accountPicker, .of(.enter), .accept, "Enter", .keyFill),
        on(.accountPicker, .of(.control("r")), .refreshAccount, "^R", .keyRefresh),
        on(.accountPicker, .of(.escape), .close, "Esc", .keyClose),
        on(.accountPicker, .of(.backspace), .filterErase, "Backspace", .keyErase, footer: false),
        on(.accountPicker, .of(.control("u")), .filterClear, "Ctrl-U", .keyClear, footer: false),
        on(.palette, [.anyCharacter, .anyPaste], .filterType, "type", .keyFind),
        on(.palette, .of(.up, .down, .pageUp, .pageDown), .move, "↑↓", .keyChoose),
        on(.palette, .of(.enter), .accept, "Enter", .keyRun),
        on(.palette, .of(.escape), .close, "Esc", .keyClose),
        on(.palette, .of(.backspace), .filterErase, "Backspace", .keyErase, footer: false),
        on(.palette, .of(.control("u")), .filterClear, "Ctrl-U", .keyClear, footer: false),
        on(.saveTheme, .of(.character("n"), .character("N"), .escape, .enter), .no, "n", .keySessionOnly),
    ] + editing(in: prompts, when: .always)

    private static let prompts: [KeyScope] = [.dialog(.filePrompt), .dialog(.logSearch), .dialog(.templateName)]

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
        return (own + screen).compactMap(\.footer).filter { seen.insert($0.keys + "\u{0}" + $0.text.rawValue).inserted }
    }
}
