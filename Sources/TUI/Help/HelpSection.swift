/// The help overlay's sections, in the order it shows them.
public enum HelpSection: String, CaseIterable, Sendable {
    case everywhere = "Everywhere"
    case form = "In the form"
    case editing = "Editing text"
    case audio = "Audio (text-to-speech)"
    case sending = "Sending"
    case panes = "Preview and call log"
    case dialogs = "In dialogs and pickers"
}
