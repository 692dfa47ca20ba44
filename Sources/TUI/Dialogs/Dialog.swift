import CallbackCore
import CallLogModel
import Localization

/// A dialog over the main screen: one case per feature, each holding that
/// feature's own dialog. A feature adds a dialog in its own folder (its case,
/// kind, keys, reducer and view); this list changes only for a new feature.
public enum Dialog: Equatable, Sendable {
    /// The help (Help).
    case help(HelpDialog)
    /// The problems list (Problems).
    case problems(ProblemsDialog)
    /// File prompts (Files).
    case files(FileDialog)
    /// The voice and emotion pickers and the explorer (Audio).
    case audio(AudioDialog)
    /// Quitting with a send in flight (Send).
    case quit(QuitDialog)
    /// The confirmation and the outcome (Send).
    case send(SendDialog)
    /// A message with a title (no key configured, the log unavailable...).
    case message(title: String, text: String)
    /// The call log's search and entry (Log).
    case log(LogDialog)
    /// The profile switcher (Profiles).
    case profiles(ProfileDialog)
    /// Saving and loading templates (Templates).
    case templates(TemplateDialog)
    /// The theme list (Theme).
    case theme(ThemeDialog)
    /// The command palette (Palette).
    case palette(PaletteDialog)
    /// The account's lists (Form).
    case account(AccountDialog)

    /// Which kind of dialog this is (the key table's scope).
    public var kind: DialogKind {
        switch self {
        case .help(let dialog): return dialog.kind
        case .problems(let dialog): return dialog.kind
        case .files(let dialog): return dialog.kind
        case .audio(let dialog): return dialog.kind
        case .quit(let dialog): return dialog.kind
        case .send(let dialog): return dialog.kind
        case .message: return .message
        case .log(let dialog): return dialog.kind
        case .profiles(let dialog): return dialog.kind
        case .templates(let dialog): return dialog.kind
        case .theme(let dialog): return dialog.kind
        case .palette(let dialog): return dialog.kind
        case .account(let dialog): return dialog.kind
        }
    }

    /// Whether a key in this dialog can place a call: such a dialog takes only keys
    /// that a person pressed after seeing it (see `KeyGate`).
    public var placesCall: Bool {
        if case .send(.confirm) = self { return true }
        return false
    }

    /// The call_id this dialog shows (an outcome, a log entry), to copy with `c`.
    public var callID: String? {
        switch self {
        case .send(let dialog): return dialog.callID
        case .log(let dialog): return dialog.callID
        case .help, .problems, .files, .audio, .quit, .message, .profiles, .templates, .theme, .palette, .account: return nil
        }
    }
}

/// A kind of dialog, for the key table's scopes and the help's titles. Each
/// feature declares its own kinds beside its dialog.
public struct DialogKind: Hashable, Sendable {
    /// A name for tests and debugging.
    public let name: String
    /// How the help names it.
    public let phrase: Phrase

    /// A kind called `name`, titled `phrase`.
    public init(_ name: String, _ phrase: Phrase) {
        self.name = name
        self.phrase = phrase
    }

    /// How the help names it, in English.
    public var title: String { title(in: .en) }

    /// How the help names it, in `language`.
    public func title(in language: UILanguage) -> String { language(phrase) }

    /// The message box.
    public static let message = DialogKind("message", .dialogMessage)
}
