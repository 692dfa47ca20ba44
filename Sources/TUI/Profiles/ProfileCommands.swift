import CallbackCore
import ExolveModel
import Localization

/// The profile feature's dialog.
public enum ProfileDialog: Equatable, Sendable {
    /// The profile switcher, `selected` chosen.
    case picker(selected: Int)

    /// Its kind.
    public var kind: DialogKind { .profilePicker }
}

extension DialogKind {
    /// The profile switcher.
    public static let profilePicker = DialogKind("profilePicker", .dialogProfilePicker)
}

/// The profile switcher and copy as curl.
enum ProfileCommands {
    /// The switcher's keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.profilePicker, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyChoose),
        KeyTable.on(.profilePicker, .of(.enter), .accept, "Enter", .keySwitch),
        KeyTable.on(.profilePicker, .of(.escape), .close, "Esc", .keyCancel),
    ]

    /// F11 / p: the switcher on the profile in use (or why there is none).
    static func open(_ profile: ProfileState, context: ScreenContext) -> Reply {
        guard !profile.list.isEmpty else {
            return .show(.message(title: context.language(.noProfilesTitle), text: context.language(.noProfilesText)))
        }
        let index = profile.list.firstIndex { $0.name == profile.name } ?? 0
        return .show(.profiles(.picker(selected: index)))
    }

    /// A command while the profile list is open: Enter switches and fills the form's empty fields.
    static func reduce(_ profile: inout ProfileState, _ editing: inout FormEditing, _ dialog: ProfileDialog, _ command: Command,
                       context: ScreenContext) -> Reply {
        guard case .picker(let selected) = dialog else { return .none }
        let language = context.language
        switch command {
        case .move(let move): return .show(.profiles(.picker(selected: ListNavigation.select(selected, move, count: profile.list.count))))
        case .close: return .close
        case .accept:
            guard let chosen = profile.list[safe: selected] else { return .close }
            // What the old profile put in the form goes with it: never a mix of two profiles' values.
            let old = profile.list.first { $0.name == profile.name && $0.name != chosen.name }
            let removed = old.map { editing.form.removeDefaults($0.defaults) } ?? []
            profile.name = chosen.name
            let filled = editing.form.applyDefaults(chosen.defaults)
            editing.setFocus(editing.fields.focus)
            let names = ["name": chosen.name, "old": old?.name ?? "", "removed": Localized.list(removed).text(language),
                         "fields": Localized.list(filled).text(language)]
            let status: StatusMessage
            switch (removed.isEmpty, filled.isEmpty) {
            case (true, true): status = StatusMessage(language(.profileNothingToFill, names), .success)
            case (true, false): status = StatusMessage(language(.profileFilled, names), .success)
            case (false, false): status = StatusMessage(language(.profileReplaced, names), .success)
            case (false, true): status = StatusMessage(language(.profileRemovedOnly, names), .warning)
            }
            return Reply(effects: [.saveDraft(editing.form), .switchProfile(chosen.name)], dialog: .close, status: status)
        default: return .none
        }
    }

    /// Ctrl-Y: the request as a curl command, to the clipboard.
    static func copyCurl(_ profile: ProfileState, validation: ValidationResult, context: ScreenContext) -> Reply {
        guard let request = validation.request else { return .status(StatusMessage(context.language(.profileNotValid), .warning)) }
        guard let endpoint = try? Endpoint(profile.endpointURL) else { return .none }
        let command = CurlCommand.make(endpoint: endpoint, keyVariable: profile.keyVariable, body: request.canonicalJSON(.compact))
        return Reply(effects: [.copyToClipboard(command)], status: StatusMessage(context.language(.curlCopied, ["variable": profile.keyVariable]), .success))
    }

    /// Draws the switcher.
    static func draw(_ dialog: ProfileDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        guard case .picker(let selected) = dialog else { return nil }
        ProfilePickerView.draw(state, selected: selected, on: &canvas)
        return nil
    }
}

/// The profile feature's commands.
public enum ProfileCommand: Equatable, Sendable {
    /// F11 / p: the switcher.
    case open
    /// Ctrl-Y: the request as curl.
    case copyCurl
}
