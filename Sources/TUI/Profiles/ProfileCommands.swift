import CallbackCore
import ExolveModel
import Localization

/// The profile switcher and copy as curl.
enum ProfileCommands {
    static func open(_ state: inout AppState) {
        guard !state.profile.list.isEmpty else {
            state.dialog = .message(title: state.language(.noProfilesTitle), text: state.language(.noProfilesText))
            return
        }
        let index = state.profile.list.firstIndex { $0.name == state.profile.name } ?? 0
        state.dialog = .profilePicker(selected: index)
    }

    /// A command while the profile list is open.
    static func picker(_ state: inout AppState, _ command: Command, key: Key, selected: Int) -> [Effect] {
        switch command {
        case .move: state.dialog = .profilePicker(selected: ListNavigation.select(selected, ListMove(key) ?? .down, count: state.profile.list.count))
        case .close: state.dialog = nil
        case .accept:
            state.dialog = nil
            guard let profile = state.profile.list[safe: selected] else { return [] }
            state.profile.name = profile.name
            let filled = state.form.applyDefaults(profile.defaults)
            state.setFocus(state.fields.focus)
            state.status = StatusMessage(filled.isEmpty ? state.language(.profileNothingToFill, ["name": profile.name])
                                         : state.language(.profileFilled, ["name": profile.name, "fields": Localized.list(filled).text(state.language)]), .success)
            return [.saveDraft(state.form), .switchProfile(profile.name)]
        default: break
        }
        return []
    }

    /// Ctrl-Y: the request as a curl command, to the clipboard.
    static func copyCurl(_ state: inout AppState) -> [Effect] {
        guard let request = state.validation.request else {
            state.status = StatusMessage(state.language(.profileNotValid), .warning)
            return []
        }
        guard let endpoint = try? Endpoint(state.profile.endpointURL) else { return [] }
        let command = CurlCommand.make(endpoint: endpoint, keyVariable: state.profile.keyVariable, body: request.canonicalJSON(.compact))
        state.status = StatusMessage(state.language(.curlCopied, ["variable": state.profile.keyVariable]), .success)
        return [.copyToClipboard(command)]
    }
}
