import CallbackCore
import ExolveClient

/// The profile switcher, templates (F6 save, F7 pick) and copy as curl.
enum ProfileTemplateKeys {
    static func openProfiles(_ state: inout AppState) {
        guard !state.profiles.isEmpty else {
            state.dialog = .message(title: "No profiles", text: """
            config.toml defines no profiles. Add one per Exolve application, for example:

            [profiles.shop]
            api_key_env = "EXOLVE_SHOP_KEY"
            number_code = 74999999999
            callback_resource_id = 1221

            exocall config path says where the file is; exocall config check checks it.
            """)
            return
        }
        let index = state.profiles.firstIndex { $0.name == state.profileName } ?? 0
        state.dialog = .profilePicker(selected: index)
    }

    static func profileKeys(_ state: inout AppState, _ key: Key, selected: Int) -> [Effect] {
        switch key {
        case .up: state.dialog = .profilePicker(selected: max(0, selected - 1))
        case .down: state.dialog = .profilePicker(selected: min(state.profiles.count - 1, selected + 1))
        case .escape: state.dialog = nil
        case .enter:
            state.dialog = nil
            let profile = state.profiles[selected]
            state.profileName = profile.name
            let filled = state.form.applyDefaults(profile.defaults)
            state.formChanged()
            state.setFocus(state.focus)
            state.status = StatusMessage("profile \(profile.name): " + (filled.isEmpty ? "no empty field to fill" : "filled " + filled.joined(separator: ", ")), .success)
            return [.saveDraft(state.form), .switchProfile(profile.name)]
        default: break
        }
        return []
    }

    static func templateNameKeys(_ state: inout AppState, _ key: Key, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch key {
        case .escape: state.dialog = nil
        case .enter:
            let name = editor.text.trimmingCharacters(in: .whitespaces)
            guard TemplateStore.isValidName(name) else {
                state.status = StatusMessage("a template name takes letters, digits, '.', '_' or '-' (up to 64)", .warning)
                return []
            }
            state.dialog = nil
            return [.saveTemplate(name: name, json: state.form.jsonValue, overwrite: false)]
        default:
            if TextKeys.apply(key, to: &editor, rule: .free, status: &state.status) { state.dialog = .templateName(editor) }
        }
        return []
    }

    static func templatePickerKeys(_ state: inout AppState, _ key: Key, selected: Int) -> [Effect] {
        switch key {
        case .up: state.dialog = .templatePicker(selected: max(0, selected - 1))
        case .down: state.dialog = .templatePicker(selected: min(max(0, state.templates.count - 1), selected + 1))
        case .escape: state.dialog = nil
        case .enter:
            guard let item = state.templates[safe: selected], let json = item.json else { return [] }
            state.dialog = nil
            state.undoForm = state.form
            let (form, ignored) = FormState.loading(json)
            state.form = form
            state.formChanged()
            state.pane = .form
            state.setFocus(state.form.focusOrder[0])
            state.status = StatusMessage("template \(item.name) is in the form" + (ignored.isEmpty ? "" : "; ignored: " + ignored.joined(separator: ", "))
                                         + "; Ctrl-Z brings your previous form back", .success)
            return [.saveDraft(state.form)]
        default: break
        }
        return []
    }

    /// Ctrl-Y: the request as a curl command, to the clipboard.
    static func copyCurl(_ state: inout AppState) -> [Effect] {
        guard let request = state.validation.request else {
            state.status = StatusMessage("the request is not valid yet; F4 lists the problems", .warning)
            return []
        }
        guard let endpoint = try? Endpoint(state.endpointURL) else { return [] }
        let command = CurlCommand.make(endpoint: endpoint, keyVariable: state.keyVariable, body: request.canonicalJSON(.compact))
        state.status = StatusMessage("curl command copied (OSC 52); the key stays $\(state.keyVariable)", .success)
        return [.copyToClipboard(command)]
    }
}
