import CallbackCore
import CallLogModel
import Localization

/// A dialog over the main screen.
public enum Dialog: Equatable, Sendable {
    /// Every key, by place.
    case help(scroll: Int)
    /// Every problem of the request; Enter jumps to its field.
    case problems(selected: Int)
    /// A file name prompt for saving (F2) or opening (F3).
    case filePrompt(FilePromptPurpose, LineEditor)
    /// Asks before overwriting a file.
    case confirmOverwrite(path: String)
    /// The voice picker of a leg: filtered by text and gender.
    case voicePicker(line: Int, filter: String, gender: Gender?, selected: Int)
    /// The emotion picker of a leg: only its voice's emotions.
    case emotionPicker(line: Int, selected: Int)
    /// The whole catalog as a grid (voices down, emotions across) for a leg.
    case voiceExplorer(line: Int, row: Int, column: Int)
    /// What F5 would do; Enter or y sends. `repeatOfUnknown` asks a second time.
    case confirmSend(MakeCallbackRequest, secondAsk: Bool)
    /// The outcome of a send, until dismissed.
    case outcome(SentCall)
    /// A message with a title (no key configured, the log unavailable...).
    case message(title: String, text: String)
    /// The call log search prompt.
    case logSearch(LineEditor)
    /// One call log entry in full.
    case logEntry(CallLogEntry, scroll: Int)
    /// The profile switcher.
    case profilePicker(selected: Int)
    /// F6: the name to save the form as a template.
    case templateName(LineEditor)
    /// A template by that name exists: overwrite it?
    case templateExists(String)
    /// F7: the templates, the selected one previewed.
    case templatePicker(selected: Int)
    /// The theme list: moving previews live; `original` is restored on Esc.
    case themePicker(selected: Int, original: String)
    /// Offers to save the chosen theme to the config file.
    case saveTheme(String)
    /// Quit was asked while a send is in flight: wait for its outcome, or quit now.
    case quitWhileSending
    /// The command palette: every action by name.
    case palette(filter: String, selected: Int)
    /// The account's numbers or callback resources for a field; type to filter.
    case accountPicker(AccountPickerTarget, filter: String, selected: Int)
}


/// The kinds of dialog, for the key table's scopes.
public enum DialogKind: String, CaseIterable, Sendable {
    case quitWhileSending, palette, accountPicker, help, problems, filePrompt, confirmOverwrite, voicePicker, emotionPicker, voiceExplorer, confirmSend, outcome, message, logSearch, logEntry, profilePicker, templateName, templateExists, templatePicker, themePicker, saveTheme

    /// How the help names it, in English.
    public var title: String { title(in: .en) }

    /// How the help names it, in `language`.
    public func title(in language: UILanguage) -> String {
        switch self {
        case .help: return language(.dialogHelp)
        case .problems: return language(.dialogProblems)
        case .filePrompt: return language(.dialogFilePrompt)
        case .confirmOverwrite: return language(.dialogConfirmOverwrite)
        case .voicePicker: return language(.dialogVoicePicker)
        case .emotionPicker: return language(.dialogEmotionPicker)
        case .voiceExplorer: return language(.dialogVoiceExplorer)
        case .confirmSend: return language(.dialogConfirmSend)
        case .outcome: return language(.dialogOutcome)
        case .message: return language(.dialogMessage)
        case .logSearch: return language(.dialogLogSearch)
        case .logEntry: return language(.dialogLogEntry)
        case .profilePicker: return language(.dialogProfilePicker)
        case .templateName: return language(.dialogTemplateName)
        case .templateExists: return language(.dialogTemplateExists)
        case .templatePicker: return language(.dialogTemplatePicker)
        case .themePicker: return language(.dialogThemePicker)
        case .saveTheme: return language(.dialogSaveTheme)
        case .quitWhileSending: return language(.dialogQuitWhileSending)
        case .palette: return language(.dialogPalette)
        case .accountPicker: return language(.dialogAccountPicker)
        }
    }
}

extension Dialog {
    /// Which kind of dialog this is.
    public var kind: DialogKind {
        switch self {
        case .help: return .help
        case .problems: return .problems
        case .filePrompt: return .filePrompt
        case .confirmOverwrite: return .confirmOverwrite
        case .voicePicker: return .voicePicker
        case .emotionPicker: return .emotionPicker
        case .voiceExplorer: return .voiceExplorer
        case .confirmSend: return .confirmSend
        case .outcome: return .outcome
        case .message: return .message
        case .logSearch: return .logSearch
        case .logEntry: return .logEntry
        case .profilePicker: return .profilePicker
        case .templateName: return .templateName
        case .templateExists: return .templateExists
        case .templatePicker: return .templatePicker
        case .themePicker: return .themePicker
        case .saveTheme: return .saveTheme
        case .quitWhileSending: return .quitWhileSending
        case .palette: return .palette
        case .accountPicker: return .accountPicker
        }
    }
}

extension Dialog {
    /// Whether a key in this dialog can place a call: such a dialog takes only keys
    /// that a person pressed after seeing it (see `KeyGate`).
    public var placesCall: Bool {
        if case .confirmSend = self { return true }
        return false
    }
}

extension Dialog {
    /// The call_id this dialog shows (an outcome, a log entry), to copy with `c`.
    public var callID: String? {
        switch self {
        case .outcome(let call): return call.result.outcome.callID
        case .logEntry(let entry, _): return entry.callID
        case .help, .problems, .filePrompt, .confirmOverwrite, .voicePicker, .emotionPicker, .voiceExplorer, .confirmSend, .message,
             .logSearch, .profilePicker, .templateName, .templateExists, .templatePicker, .themePicker, .saveTheme, .quitWhileSending,
             .palette, .accountPicker:
            return nil
        }
    }
}
