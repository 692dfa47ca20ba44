/// The theme list: moving through it previews each theme live; Enter keeps
/// it for the session and offers to save it; Esc goes back to the original.
enum ThemeKeys {
    static func open(_ state: inout AppState) {
        let index = state.themeNames.firstIndex(of: state.themeName) ?? 0
        state.dialog = .themePicker(selected: index, original: state.themeName)
    }

    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.dialog {
        case .themePicker(var selected, let original)?:
            switch key {
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(state.themeNames.count - 1, selected + 1)
            case .escape:
                state.themeName = original
                state.dialog = nil
                return []
            case .enter:
                state.dialog = state.themeName == original ? nil : .saveTheme(state.themeName)
                if state.dialog == nil { state.status = StatusMessage("theme \(state.themeName) kept", .info) }
                return []
            default: return []
            }
            state.themeName = state.themeNames[selected]
            state.dialog = .themePicker(selected: selected, original: original)
        case .saveTheme(let name)?:
            switch key {
            case .character("y"), .character("Y"):
                state.dialog = nil
                return [.saveThemeToConfig(name)]
            case .character("n"), .character("N"), .escape, .enter:
                state.dialog = nil
                state.status = StatusMessage("theme \(name) for this session only", .info)
            default: break
            }
        default: break
        }
        return []
    }
}
