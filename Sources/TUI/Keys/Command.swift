/// A move within a list, a grid or a scrolled text.
public enum ListMove: Equatable, Sendable {
    case up, down, pageUp, pageDown, home, end, left, right

    /// The move a key asks for, if it is one.
    public init?(_ key: Key) {
        switch key {
        case .up: self = .up
        case .down: self = .down
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home: self = .home
        case .end: self = .end
        case .left: self = .left
        case .right: self = .right
        default: return nil
        }
    }
}

/// Everything a key can do. The key table maps keys to these; `perform`
/// carries them out; the command palette (later) can list them by name.
public enum Command: Equatable, Sendable {
    // The main screen.
    case openHelp, saveRequest, openRequest, openProblems, openExplorer, send
    case openThemes, openProfiles, saveTemplate, openTemplates, copyCurl
    case nextPane, showPane(Pane), quit, switchLanguage
    // The form.
    case focusNext, focusPrevious, verticalMove, undo, redo
    case addRow, removeRow, moveRow(up: Bool)
    case mouse, openAccountPicker, refreshAccount, nextFromText, applyFix, edit, step, nextSection, previousSection, explicitDefault, newRequest, openPalette
    case cycleChoice, resetChoice, openPicker, nextFromChoice, pressButton
    // The preview and the call log.
    case scrollPreview, focusPane(Pane)
    case logSearch, logCycleOutcome, logClearFilter, logMove, logOpen, logReuse, logExport
    // Dialogs.
    case close, accept, yes, no, move
    case filterType, filterErase, filterClear, cycleGender, promptEdit, copyCallID, dropKept
}
