import Localization

/// The one key table. Dispatch (`KeyTable.binding(for:in:)`), the help
/// overlay and the footer all read it, so they cannot disagree. Order
/// matters: the first binding in force that takes a key wins, and the footer
/// lists hints in table order (the place's own keys first, then the screen's).
public enum KeyTable {
    /// Every binding.
    public static let bindings: [KeyBinding] = joined(FormCommands.keys, PreviewCommands.keys, LogCommands.keys, screen, dialogs)

    /// `parts` in one array, each binding copied once: a chain of `+` copied the growing
    /// table at every step (the first frame's footer builds it, issue #32).
    private static func joined(_ parts: [KeyBinding]...) -> [KeyBinding] {
        var all: [KeyBinding] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { all.append(contentsOf: part) }
        return all
    }

    /// The editing keys of a text field or prompt.
    static func editing(in scopes: [KeyScope], when: KeyCondition) -> [KeyBinding] {
        let command: KeyMeaning = scopes == [.form] ? .editing { .form(.edit($0)) } : .editing { .promptEdit($0) }
        return [
            KeyBinding([.anyCharacter, .anyPaste], scopes, when: when, meaning: command, help: .phrase(.helpTextAPasteIsText), section: .editing),
            KeyBinding(.of(.left, .right, .home, .end, .control("a"), .control("e")), scopes, when: when, meaning: command,
                       help: .phrase(.helpMoveTheCursorCtrlA), section: .editing),
            KeyBinding(.of(.controlLeft, .controlRight, .alt("b"), .alt("f")), scopes, when: when, meaning: command,
                       help: .phrase(.helpWordLeftRightAltB), section: .editing),
            KeyBinding(.of(.backspace, .delete), scopes, when: when, meaning: command, help: .phrase(.helpDeleteACharacter), section: .editing),
            KeyBinding(.of(.control("u"), .control("k"), .control("w")), scopes, when: when, meaning: command, help: .phrase(.helpDeleteToTheStartTo), section: .editing),
        ]
    }

    /// Keys of the main screen, whichever pane has the keyboard.
    static let screen: [KeyBinding] = [
        KeyBinding(.of(.function(9)), [.screen], .audio(.openExplorer), help: .phrase(.helpTheVoiceExplorerEveryVoice), section: .audio,
                   footer: FooterHint("F9", .keyVoices, when: .onLine)),
        KeyBinding(.of(.function(8), .control("t")), [.screen], .screen(.nextPane), help: .phrase(.helpNextPaneNextTabWhen), section: .everywhere, footer: FooterHint("F8", .keyNextPane, when: .inPreview)),
        KeyBinding(.of(.function(5)), [.screen], .send(.send), help: .phrase(.helpSendCheckConfirmEnterOr),
                   section: .sending, footer: FooterHint("F5", .keySend)),
        KeyBinding(.of(.function(2)), [.screen], .files(.save), help: .phrase(.helpSaveTheRequestToA),
                   section: .everywhere, footer: FooterHint("F2", .keySave)),
        KeyBinding(.of(.function(3)), [.screen], .files(.open), help: .phrase(.helpOpenARequestFile),
                   section: .everywhere, footer: FooterHint("F3", .keyOpenFile)),
        KeyBinding(.of(.function(4)), [.screen], .problems(.open), help: .phrase(.helpTheProblemsListEnterJumps),
                   section: .everywhere, footer: FooterHint("F4", .keyProblems)),
        KeyBinding(.of(.function(1)), [.screen], .screen(.openHelp), help: .phrase(.helpThisHelp), section: .everywhere,
                   footer: FooterHint("F1", .keyHelp)),
        KeyBinding(.of(.character("?")), [.screen], when: .outsideText, .screen(.openHelp), help: .phrase(.helpThisHelp),
                   section: .everywhere),
        KeyBinding(.of(.function(10), .control("q")), [.screen, .anyDialog], .screen(.quit), help: .phrase(.helpQuitTheFormIsKept), section: .everywhere, footer: FooterHint("F10", .keyQuit)),
        KeyBinding(.of(.function(12)), [.screen], .theme(.open), help: .phrase(.helpTheThemeListPreviewedLive), section: .everywhere),
        KeyBinding(.of(.character("t")), [.screen], when: .outsideText, .theme(.open), help: .phrase(.helpTheThemeListPreviewedLive), section: .everywhere),
        KeyBinding(.of(.function(11)), [.screen], .profiles(.open), help: .phrase(.helpSwitchProfileFillsEmptyFields), section: .everywhere),
        KeyBinding(.of(.character("p")), [.screen], when: .outsideText, .profiles(.open), help: .phrase(.helpSwitchProfileFillsEmptyFields), section: .everywhere),
        KeyBinding(.of(.function(6)), [.screen], .templates(.save), help: .phrase(.helpSaveTheFormAsA), section: .everywhere),
        KeyBinding(.of(.function(7)), [.screen], .templates(.open), help: .phrase(.helpTheTemplatesPreviewedEnterLoads), section: .everywhere),
        KeyBinding([.anyMouse], [.screen], meaning: .mouse, help: .phrase(.helpClickAFieldAChoice),
                   section: .everywhere),
        KeyBinding(.of(.control("p")), [.screen], .screen(.openPalette), help: .phrase(.helpTheCommandPaletteEveryAction), section: .everywhere),
        KeyBinding(.of(.alt("l")), [.screen], .screen(.switchLanguage), help: .phrase(.helpSwitchTheInterfaceLanguageEnglish), section: .everywhere),
        KeyBinding(.of(.alt("n")), [.screen], .form(.newRequest), help: .phrase(.helpANewRequestAnEmpty), section: .everywhere),
        KeyBinding(.of(.control("y")), [.screen], .profiles(.copyCurl), help: .phrase(.helpCopyTheRequestAsA), section: .sending),
        KeyBinding(.of(.alt("1")), [.screen], .screen(.showPane(.form)), help: .phrase(.helpShowForm), section: .everywhere),
        KeyBinding(.of(.alt("2")), [.screen], .screen(.showPane(.preview)), help: .phrase(.helpShowPreview), section: .everywhere),
        KeyBinding(.of(.alt("3")), [.screen], .screen(.showPane(.log)), help: .phrase(.helpShowLog), section: .everywhere),
        KeyBinding(.of(.character("1")), [.screen], when: .outsideText, .screen(.showPane(.form)), help: .phrase(.helpShowForm), section: .everywhere),
        KeyBinding(.of(.character("2")), [.screen], when: .outsideText, .screen(.showPane(.preview)), help: .phrase(.helpShowPreview), section: .everywhere),
        KeyBinding(.of(.character("3")), [.screen], when: .outsideText, .screen(.showPane(.log)), help: .phrase(.helpShowLog), section: .everywhere),
    ]

    /// A binding of one dialog; `footerKeys` is how the footer writes its keys (the help names them all).
    static func on(_ kind: DialogKind, _ keys: [KeyPattern], when: KeyCondition = .always, _ command: Command,
                   _ footerKeys: String, _ text: Phrase, footer: Bool = true, section: HelpSection = .dialogs) -> KeyBinding {
        on(kind, keys, when: when, meaning: .always(command), footerKeys, text, footer: footer, section: section)
    }

    /// The same, for keys whose meaning differs by key (moves, typing).
    static func on(_ kind: DialogKind, _ keys: [KeyPattern], when: KeyCondition = .always, meaning: KeyMeaning,
                   _ footerKeys: String, _ text: Phrase, footer: Bool = true, section: HelpSection = .dialogs) -> KeyBinding {
        // "type" is the one footer key that is a word, not a key's name.
        let shown: Localized = footerKeys == "type" ? .phrase(.labelType) : .verbatim(footerKeys)
        return KeyBinding(keys, [.dialog(kind)], when: when, meaning: meaning, help: .phrase(text), section: section,
                          footer: footer ? FooterHint(shown, text, when: when) : nil)
    }

    /// The message box's key.
    static let message: [KeyBinding] = [on(.message, .of(.enter, .escape, .character(" ")), .close, "Enter / Esc", .keyClose)]

    /// Any text dialog taller than the screen scrolls (a dialog's own keys come first, so a list keeps its arrows).
    static let dialogScroll: [KeyBinding] = [
        KeyBinding(.of(.up, .down, .pageUp, .pageDown, .home, .end), [.anyDialog], when: .dialogOverflows,
                   meaning: .moving { .screen(.scrollDialog($0)) }, help: .phrase(.helpScrollATallDialog), section: .dialogs,
                   footer: FooterHint("↑↓", .keyScroll, when: .dialogOverflows)),
    ]

    /// Every feature's dialog keys, in the order the help lists the dialogs; the prompts'
    /// editing keys last, so a prompt's own keys win.
    static let dialogs: [KeyBinding] = joined(QuitCommands.keys, PaletteCommands.keys, AccountPickerCommands.keys, HelpFeature.keys,
        ProblemsFeature.keys, FileFeature.keys, AudioCommands.keys, SendCommands.keys, message, LogCommands.dialogKeys,
        ProfileCommands.keys, TemplateCommands.keys, ThemeCommands.keys, dialogScroll,
        FileFeature.editingKeys, LogCommands.editingKeys, TemplateCommands.editingKeys, HelpFeature.editingKeys)

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
        position(for: key, in: state).map { bindings[$0] }
    }

    /// Where in `bindings` the binding that takes `key` in `state` is.
    static func position(for key: Key, in state: AppState) -> Int? {
        let active = activeScopes(state)
        return index.candidates(for: key).first { bindings[$0].command(for: key) != nil && bindings[$0].applies(in: state, scopes: active) }
    }

    /// The bindings' positions by key.
    private static let index = KeyIndex(bindings)

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
