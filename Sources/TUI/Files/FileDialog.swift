import CallbackCore
import Localization

/// Why a file name is asked for.
public enum FilePromptPurpose: Equatable, Sendable {
    /// F2: the form's request.
    case save
    /// F3: a request file into the form.
    case open
    /// `e` in the call log: a logged request (its exact JSON) to a file.
    case exportRequest(String)
}

/// The files feature's dialogs.
public enum FileDialog: Equatable, Sendable {
    /// A file name prompt for saving (F2), opening (F3) or exporting (`e`).
    case prompt(FilePromptPurpose, LineEditor)
    /// Asks before overwriting a file.
    case confirmOverwrite(path: String)

    /// Its kind.
    public var kind: DialogKind {
        switch self {
        case .prompt: return .filePrompt
        case .confirmOverwrite: return .confirmOverwrite
        }
    }
}

extension DialogKind {
    /// The file name prompt.
    public static let filePrompt = DialogKind("filePrompt", .dialogFilePrompt)
    /// "Overwrite the file?"
    public static let confirmOverwrite = DialogKind("confirmOverwrite", .dialogConfirmOverwrite)
}

/// The files feature's commands.
public enum FileCommand: Equatable, Sendable {
    /// F2: save the request.
    case save
    /// F3: open a request file.
    case open
    /// Tab in the prompt: complete the path from what is on disk.
    case complete
}
