import CallbackCore
import Localization

/// What a feature's reducer asks of the screen around it. A feature changes only
/// its own state; everything else it wants (a dialog shown or closed, a status
/// message, the focus, the pane, effects) it says here, and the composition root
/// (`AppState.apply`) carries it out. The same idea as an Elm "out message".
struct Reply {
    /// What happens to the dialog.
    enum DialogChange: Equatable {
        /// Stays as it is.
        case keep
        /// Closes.
        case close
        /// This one is shown (replacing any other).
        case show(Dialog)
    }

    /// Effects to run.
    var effects: [Effect] = []
    /// The dialog's fate.
    var dialog: DialogChange = .keep
    /// A status message, replacing the one shown.
    var status: StatusMessage? = nil
    /// The pane to give the keyboard.
    var pane: Pane? = nil
    /// The form field to focus (its text loaded into the editor).
    var focus: FieldID? = nil
    /// A request to load into the form, replacing it (its first field focused, the old form one Ctrl-Z away).
    var loadForm: FormState? = nil
    /// A status made once the form's validation is known (after a load).
    var loadStatus: LoadStatus? = nil
    /// Leave the app.
    var quit = false
    /// Another command to run after this one (the palette runs what it lists).
    var then: Command? = nil

    /// Nothing asked.
    static let none = Reply()
    /// The dialog closes.
    static let close = Reply(dialog: .close)

    /// `dialog` is shown.
    static func show(_ dialog: Dialog) -> Reply { Reply(dialog: .show(dialog)) }
    /// Only a status message.
    static func status(_ message: StatusMessage) -> Reply { Reply(status: message) }
    /// Only effects.
    static func effects(_ effects: [Effect]) -> Reply { Reply(effects: effects) }
}

/// A status line made after a request was loaded into the form, from the
/// loaded form's validation (which only the composition root knows).
struct LoadStatus {
    /// The phrase; its `summary` placeholder gets `LoadReport.summary`.
    var phrase: Phrase
    /// Its other placeholders.
    var arguments: [String: String]
    /// Values kept as typed (`LoadReport` names them).
    var kept: [String]
    /// Whether the tone follows the validation (errors, warnings, or success).
    var toneFromValidation: Bool
}
