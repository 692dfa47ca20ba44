/// A move within a list, a grid or a scrolled text.
public enum ListMove: Equatable, Sendable {
    case up, down, pageUp, pageDown, home, end, left, right
}

/// Everything a key can do: the verbs every dialog shares, then one case per
/// feature holding that feature's own commands (declared in its folder). The key
/// table maps keys to these; `perform` hands each to its feature.
public enum Command: Equatable, Sendable {
    // The verbs dialogs share (a list, a prompt, a question).
    case close, accept, yes, no
    /// Move in a list, a grid or a scrolled text.
    case move(ListMove)
    /// Text typed or pasted into a picker's filter.
    case filterType(String)
    case filterErase, filterClear
    /// Start a search in the open text (`/` in the help).
    case search
    /// An editing key in a prompt.
    case promptEdit(TextEdit)
    case copyCallID
    /// The screen's own: panes, language, help, palette, mouse, quit.
    case screen(ScreenCommand)
    /// The form's.
    case form(FormCommand)
    /// The preview's.
    case preview(PreviewCommand)
    /// The call log's.
    case log(LogCommand)
    /// Sending.
    case send(SendCommand)
    /// Files (F2/F3).
    case files(FileCommand)
    /// The problems list.
    case problems(ProblemsCommand)
    /// Voices and emotions.
    case audio(AudioCommand)
    /// Themes.
    case theme(ThemeCommand)
    /// Profiles.
    case profiles(ProfileCommand)
    /// Templates.
    case templates(TemplateCommand)

    /// Whether the palette lists it by name (a command that needs a particular key,
    /// a place or an open dialog is not run by name). Each feature decides for its own.
    var runnableByName: Bool {
        switch self {
        case .close, .accept, .yes, .no, .move, .filterType, .filterErase, .filterClear, .search, .promptEdit: return false
        case .copyCallID: return true
        case .screen(let command): return command.runnableByName
        case .form(let command): return command.runnableByName
        case .preview: return false
        case .log(let command): return command.runnableByName
        case .send, .files, .problems, .audio, .theme, .profiles, .templates: return true
        }
    }
}

/// The screen's commands.
public enum ScreenCommand: Equatable, Sendable {
    case openHelp, openPalette, nextPane, showPane(Pane), focusPane(Pane), quit, switchLanguage
    /// A click or a wheel turn.
    case mouse(MouseEvent)
    /// Scrolls a text dialog taller than the screen.
    case scrollDialog(ListMove)

    var runnableByName: Bool {
        switch self {
        case .openHelp, .nextPane, .showPane, .quit, .switchLanguage: return true
        case .openPalette, .focusPane, .mouse, .scrollDialog: return false
        }
    }
}
