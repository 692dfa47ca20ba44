import Localization

/// The theme feature's dialogs.
public enum ThemeDialog: Equatable, Sendable {
    /// The theme list: moving previews live; `original` is restored on Esc.
    case picker(selected: Int, original: String)
    /// Offers to save the chosen theme to the config file.
    case save(String)

    /// Its kind.
    public var kind: DialogKind {
        switch self {
        case .picker: return .themePicker
        case .save: return .saveTheme
        }
    }
}

extension DialogKind {
    /// The theme list.
    public static let themePicker = DialogKind("themePicker", .dialogThemePicker)
    /// "Save the theme?"
    public static let saveTheme = DialogKind("saveTheme", .dialogSaveTheme)
}

/// The theme list: moving through it previews each theme live; Enter keeps
/// it for the session and offers to save it; Esc goes back to the original.
enum ThemeCommands {
    /// The theme dialogs' keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.themePicker, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyPreview),
        KeyTable.on(.themePicker, .of(.enter), .accept, "Enter", .keyKeep),
        KeyTable.on(.themePicker, .of(.escape), .close, "Esc", .keyRevert),
        KeyTable.on(.saveTheme, .of(.character("y"), .character("Y")), .yes, "y", .keySaveToConfig),
        KeyTable.on(.saveTheme, .of(.character("n"), .character("N"), .escape, .enter), .no, "n", .keySessionOnly),
    ]

    /// F12 / t: the list on the theme in use.
    static func open(_ theme: ThemeState) -> Reply {
        let index = theme.names.firstIndex(of: theme.name) ?? 0
        return .show(.theme(.picker(selected: index, original: theme.name)))
    }

    /// A command while a theme dialog is open.
    static func reduce(_ theme: inout ThemeState, _ dialog: ThemeDialog, _ command: Command, context: ScreenContext) -> Reply {
        let language = context.language
        switch dialog {
        case .picker(let selected, let original):
            switch command {
            case .move(let move):
                let next = ListNavigation.select(selected, move, count: theme.names.count)
                theme.name = theme.names[next]
                return .show(.theme(.picker(selected: next, original: original)))
            case .close:
                theme.name = original
                return .close
            case .accept:
                if theme.name != original { return .show(.theme(.save(theme.name))) }
                return Reply(dialog: .close, status: StatusMessage(language(.themeKept, ["name": theme.name]), .info))
            default: return .none
            }
        case .save(let name):
            switch command {
            case .yes: return Reply(effects: [.saveThemeToConfig(name)], dialog: .close)
            case .no, .close: return Reply(dialog: .close, status: StatusMessage(language(.themeSessionOnly, ["name": name]), .info))
            default: return .none
            }
        }
    }

    /// Draws a theme dialog.
    static func draw(_ dialog: ThemeDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .picker(let selected, _): ThemeViews.picker(state, selected: selected, on: &canvas)
        case .save(let name): ThemeViews.save(name, state: state, on: &canvas)
        }
        return nil
    }
}

/// The theme feature's commands.
public enum ThemeCommand: Equatable, Sendable {
    /// F12 / t: the theme list.
    case open
}
