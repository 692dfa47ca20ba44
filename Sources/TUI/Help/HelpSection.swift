import Localization

/// The help overlay's sections, in the order it shows them.
public enum HelpSection: String, CaseIterable, Sendable {
    case everywhere = "Everywhere"
    case form = "In the form"
    case editing = "Editing text"
    case audio = "Audio (text-to-speech)"
    case sending = "Sending"
    case panes = "Preview and call log"
    case dialogs = "In dialogs and pickers"

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
