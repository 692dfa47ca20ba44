import CallbackCore
import Localization

/// Commands while a dialog is open, handed to the feature that owns the dialog,
/// with that feature's own state and what it may read.
enum DialogCommands {
    /// The owning feature's reply.
    static func reply(to command: Command, dialog: Dialog, in state: inout AppState) -> Reply {
        let context = state.context
        switch dialog {
        case .help(let help):
            return HelpFeature.reduce(help, command, total: HelpContent.lines(state, matching: help.query).count, context: context)
        case .problems(let problems):
            return ProblemsFeature.reduce(&state.editing, problems, command, validation: state.validation, context: context)
        case .files(let files):
            return FileFeature.reduce(&state.files, files, command, previewText: state.preview.text, context: context)
        case .audio(let audio):
            return AudioCommands.reduce(&state.editing, audio, command, context: context)
        case .quit:
            return QuitCommands.answer(&state.sending, command, context: context)
        case .send(.outcome) where command == .send(.nextClient):
            return SendCommands.nextClient(state.form, context: context)
        case .send(let send):
            return SendCommands.reduce(&state.sending, send, command, context: context)
        case .message:
            return command == .close ? .close : .none
        case .log(let log):
            return LogCommands.reduce(&state.log, log, command, context: context)
        case .profiles(let profiles):
            var editing = state.editing
            defer { state.editing = editing }
            return ProfileCommands.reduce(&state.profile, &editing, profiles, command, context: context)
        case .templates(let templates):
            return TemplateCommands.reduce(state.templates, templates, command, form: state.form, context: context)
        case .theme(let theme):
            return ThemeCommands.reduce(&state.theme, theme, command, context: context)
        case .palette(let palette):
            return PaletteCommands.reduce(palette, command, main: state)
        case .account(let account):
            var editing = state.editing
            defer { state.editing = editing }
            return AccountPickerCommands.reduce(&state.account, &editing, account, command,
                                                availability: state.sending.availability, context: context)
        }
    }
}
