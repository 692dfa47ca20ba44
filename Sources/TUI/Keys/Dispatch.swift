import Localization

/// A key through the key table: the binding in force that takes it decides
/// the command; a key no binding takes does nothing.
func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.dialog == nil { state.status = nil }
    guard let binding = KeyTable.binding(for: key, in: state) else { return [] }
    return perform(binding.command, key: key, in: &state)
}

/// Carries out a command (the key that asked for it, for commands such as
/// typing or moving, whose key says how).
func perform(_ command: Command, key: Key, in state: inout AppState) -> [Effect] {
    if command == .quit { return QuitCommands.quit(&state) }
    if let dialog = state.dialog {
        return DialogCommands.perform(command, key: key, dialog: dialog, in: &state)
    }
    switch command {
    case .openHelp: state.dialog = .help(scroll: 0)
    case .saveRequest: state.dialog = .filePrompt(.save, LineEditor(state.files.lastPath))
    case .openRequest: state.dialog = .filePrompt(.open, LineEditor(state.files.lastPath))
    case .openProblems: state.dialog = .problems(selected: 0)
    case .openExplorer: AudioCommands.openExplorer(&state)
    case .send: return SendCommands.start(&state)
    case .openThemes: ThemeCommands.open(&state)
    case .openProfiles: ProfileCommands.open(&state)
    case .saveTemplate: TemplateCommands.askName(&state)
    case .openTemplates:
        state.dialog = .templatePicker(selected: 0)
        return [.listTemplates]
    case .copyCurl: return ProfileCommands.copyCurl(&state)
    case .nextPane: state.pane = Pane(rawValue: (state.pane.rawValue + 1) % Pane.allCases.count)!
    case .showPane(let pane), .focusPane(let pane): state.pane = pane
    case .quit: break // above
    case .switchLanguage:
        state.language = state.language == .en ? .ru : .en
        state.status = StatusMessage(state.language(.languageSwitched), .info)
    case .openPalette: PaletteCommands.open(&state)
    case .openAccountPicker: return AccountPickerCommands.open(&state)
    case .refreshAccount: return AccountPickerCommands.refresh(&state)
    case .mouse: if case .mouse(let event) = key { return MouseCommands.handle(&state, event) }
    case .newRequest: return FormCommands.newRequest(&state)
    case .focusNext, .focusPrevious, .verticalMove, .undo, .redo, .nextSection, .previousSection, .explicitDefault, .addRow, .removeRow, .moveRow, .nextFromText, .applyFix,
         .edit, .step, .cycleChoice, .resetChoice, .openPicker, .nextFromChoice, .pressButton:
        return FormCommands.perform(command, key: key, in: &state)
    case .scrollPreview: PreviewCommands.scroll(&state, key)
    case .logSearch, .logCycleOutcome, .logClearFilter, .logMove, .logOpen, .logReuse, .logExport:
        return LogCommands.perform(command, key: key, in: &state)
    case .close, .accept, .yes, .no, .move, .filterType, .filterErase, .filterClear, .cycleGender, .promptEdit, .copyCallID, .dropKept:
        break // dialog commands, handled above
    }
    return []
}
