import Localization

/// The theme list: moving through it previews each theme live; Enter keeps
/// it for the session and offers to save it; Esc goes back to the original.
enum ThemeCommands {
    static func open(_ state: inout AppState) {
        let index = state.theme.names.firstIndex(of: state.theme.name) ?? 0
        state.dialog = .themePicker(selected: index, original: state.theme.name)
    }

    /// A command while the theme list is open.
    static func picker(_ state: inout AppState, _ command: Command, key: Key, selected: Int, original: String) -> [Effect] {
        switch command {
        case .move:
            let next = ListNavigation.select(selected, ListMove(key) ?? .down, count: state.theme.names.count)
            state.theme.name = state.theme.names[next]
            state.dialog = .themePicker(selected: next, original: original)
        case .close:
            state.theme.name = original
            state.dialog = nil
        case .accept:
            state.dialog = state.theme.name == original ? nil : .saveTheme(state.theme.name)
            if state.dialog == nil { state.status = StatusMessage(state.language(.themeKept, ["name": state.theme.name]), .info) }
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
