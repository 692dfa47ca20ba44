import Localization

/// A key through the key table: the binding in force that takes it decides
/// the command; a key no binding takes does nothing.
func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.dialog == nil { state.status = nil }
    guard let command = KeyTable.binding(for: key, in: state)?.command(for: key) else { return [] }
    return perform(command, in: &state)
}

/// Carries out a command: hands it to the feature that owns it, with that
/// feature's own state and what it may read, and applies the reply.
func perform(_ command: Command, in state: inout AppState) -> [Effect] {
    state.apply(reply(to: command, in: &state))
}

/// The owning feature's reply to a command: one line per feature.
private func reply(to command: Command, in state: inout AppState) -> Reply {
    let context = state.context
    if command == .screen(.quit) { return QuitCommands.quit(state.sending, asked: state.dialog == .quit(.whileSending)) }
    if case .screen(.scrollDialog(let move)) = command {
        let limit = DialogView.scrollLimit(state)
        state.screen.dialogScroll = min(limit, ListNavigation.select(state.screen.dialogScroll, move, count: limit + 1,
                                                                     page: max(1, state.size.height - 6)))
        return .none
    }
    if let dialog = state.dialog { return DialogCommands.reply(to: command, dialog: dialog, in: &state) }
    switch command {
    case .screen(let command): return screen(command, in: &state)
    case .form(.openAccountPicker):
        return AccountPickerCommands.open(&state.account, focus: state.fields.focus, availability: state.sending.availability, context: context)
    case .form(.refreshAccount): return AccountPickerCommands.refresh(&state.account, availability: state.sending.availability, context: context)
    case .form(.newRequest): return FormCommands.newRequest(state.profile, context: context)
    case .form(let command):
        let problems = state.problems(of: state.fields.focus)
        return FormCommands.perform(&state.editing, command, problems: problems, context: context)
    case .preview(.scroll(let move)):
        state.previewScroll = PreviewCommands.scroll(state.previewScroll, move, lines: state.preview.lines.count, context: context)
        return .none
    case .log(.clientOfForm): return ClientHistoryView.open(ClientHistoryView.client(of: state.editing, typing: state.pane == .form))
    case .log(let command): return LogCommands.perform(&state.log, command, context: context)
    case .send(.send): return SendCommands.start(&state.sending, validation: state.validation, context: context)
    case .send(.nextClient): return SendCommands.nextClient(state.form, context: context)
    case .files(.save): return FileFeature.open(state.files, .save)
    case .files(.open): return FileFeature.open(state.files, .open)
    case .files(.complete): return .none // in the prompt only
    case .problems(.open): return .show(.problems(.list(selected: 0)))
    case .audio(.openExplorer): return AudioCommands.openExplorer(state.editing)
    case .theme(.open): return ThemeCommands.open(state.theme)
    case .profiles(.open): return ProfileCommands.open(state.profile, context: context)
    case .profiles(.copyCurl): return ProfileCommands.copyCurl(state.profile, validation: state.validation, context: context)
    case .templates(.save): return TemplateCommands.askName(state.form)
    case .templates(.open): return TemplateCommands.openList()
    case .close, .accept, .yes, .no, .move, .filterType, .filterErase, .filterClear, .search, .promptEdit, .copyCallID, .problems(.dropKept), .audio(.cycleGender):
        return .none // dialog commands, handled above
    }
}

/// The screen's own commands.
private func screen(_ command: ScreenCommand, in state: inout AppState) -> Reply {
    switch command {
    case .openHelp: return .show(.help(.overlay(scroll: 0)))
    case .openPalette: return PaletteCommands.open()
    case .nextPane: return Reply(pane: Pane(rawValue: (state.pane.rawValue + 1) % Pane.allCases.count)!)
    case .showPane(let pane), .focusPane(let pane): return Reply(pane: pane)
    case .quit: return .none // above: quitting works in every dialog
    case .switchLanguage:
        state.language = state.language == .en ? .ru : .en
        return .status(StatusMessage(state.language(.languageSwitched), .info))
    case .mouse(let event): return MouseCommands.handle(&state, event)
    case .scrollDialog: return .none // above: it scrolls whichever dialog is open
    }
}
