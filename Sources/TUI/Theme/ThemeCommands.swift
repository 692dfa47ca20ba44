import Localization

/// The theme list: moving through it previews each theme live; Enter keeps
/// it for the session and offers to save it; Esc goes back to the original.
enum ThemeCommands {
    static func open(_ state: inout AppState) {
        let index = state.themeNames.firstIndex(of: state.themeName) ?? 0
        state.dialog = .themePicker(selected: index, original: state.themeName)
    }

    /// A command while the theme list is open.
    static func picker(_ state: inout AppState, _ command: Command, key: Key, selected: Int, original: String) -> [Effect] {
        switch command {
        case .move:
            let next = ListNavigation.select(selected, ListMove(key) ?? .down, count: state.themeNames.count)
            state.themeName = state.themeNames[next]
            state.dialog = .themePicker(selected: next, original: original)
        case .close:
            state.themeName = original
            state.dialog = nil
        case .accept:
            state.dialog = state.themeName == original ? nil : .saveTheme(state.themeName)
            if state.dialog == nil { state.status = StatusMessage(state.language(.themeKept, ["name": state.themeName]), .info) }
        default: break
        }
        return []
    }

    /// A command while "save the theme?" is asked.
    static func save(_ state: inout AppState, _ command: Command, name: String) -> [Effect] {
        switch command {
        case .yes:
            state.dialog = nil
            return [.saveThemeToConfig(name)]
        case .no, .close:
            state.dialog = nil
            state.status = StatusMessage(state.language(.themeSessionOnly, ["name": name]), .info)
        default: break
        }
        return []
    }
}
