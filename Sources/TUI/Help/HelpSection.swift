import Localization

/// The help overlay's sections, in the order it shows them.
public enum HelpSection: CaseIterable, Sendable {
    case everywhere, form, editing, audio, sending, panes, dialogs

    /// The section's heading in the help.
    var phrase: Phrase {
        switch self {
        case .everywhere: return .helpEverywhere
        case .form: return .helpInTheForm
        case .editing: return .helpEditingText
        case .audio: return .helpAudio
        case .sending: return .helpSending
        case .panes: return .helpPanes
        case .dialogs: return .helpDialogs
        }
    }
}
