import CallbackCore
import CallLog

/// The panes of the main screen.
public enum Pane: Int, CaseIterable, Sendable {
    case form, preview, log

    /// The tab title.
    public var title: String {
        switch self {
        case .form: return "Form"
        case .preview: return "Preview"
        case .log: return "Call log"
        }
    }
}

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
}

/// Why a file name is asked for.
public enum FilePromptPurpose: Equatable, Sendable {
    case save, open
}

/// Where requests go, shown in the header.
public enum SendTarget: Equatable, Sendable {
    /// The in-process stand-in.
    case demo(host: String)
    /// A real endpoint host.
    case live(host: String)
}

/// The call log panel's contents (the runtime loads pages into it).
public struct LogPanelState: Equatable, Sendable {
    /// Entries loaded so far, newest first.
    public var entries: [CallLogEntry] = []
    /// How many entries match in total.
    public var total: MatchCount? = nil
    /// Why there is no log, if there is none.
    public var unavailable: String? = nil
    /// The selected row.
    public var selected = 0
    /// The first row shown.
    public var scroll = 0
    /// Whether a page is being read.
    public var loading = false

    /// An empty panel.
    public init() {}
}

/// Everything the front end shows, as one value. `update` changes it,
/// views draw it; nothing else holds UI state.
public struct AppState: Equatable, Sendable {
    /// The terminal size.
    public var size: Size
    /// The request being built.
    public var form = FormState()
    /// The focused field of the form.
    public var focus: FieldID = .requestDescription
    /// The editor of the focused text field.
    public var editor = LineEditor("")
    /// The first form row shown.
    public var formScroll = 0
    /// The first preview line shown.
    public var previewScroll = 0
    /// The pane with the keyboard (and, when narrow, the tab shown).
    public var pane: Pane = .form
    /// An open dialog.
    public var dialog: Dialog? = nil
    /// A transient message for the status line.
    public var status: StatusMessage? = nil
    /// Where requests go.
    public var target: SendTarget
    /// The call log panel.
    public var log = LogPanelState()
    /// The last path used by F2/F3.
    public var lastFilePath = "request.json"
    /// Set when the app should exit.
    public var quitting = false

    /// Derived, cached on every form change: validation of the form.
    public private(set) var validation: ValidationResult
    /// Derived, cached on every form change: the preview document.
    public private(set) var preview: PreviewDocument

    /// A fresh state.
    public init(size: Size, target: SendTarget, form: FormState = FormState()) {
        self.size = size
        self.target = target
        self.form = form
        let json = form.jsonValue
        validation = RequestValidator.validate(json)
        preview = PreviewDocument(json)
        focus = form.focusOrder[0]
        editor = LineEditor(form.text(of: focus))
    }

    /// Recomputes what derives from the form. Call after every form change.
    public mutating func formChanged() {
        let json = form.jsonValue
        validation = RequestValidator.validate(json)
        preview = PreviewDocument(json)
    }

    /// The problems of a field (its path exactly).
    public func problems(of field: FieldID) -> [ValidationProblem] {
        validation.problems.filter { $0.path == field.path || (field.kind == .button && $0.path == field.path) }
    }
}

/// A message in the status line.
public struct StatusMessage: Equatable, Sendable {
    /// How it reads.
    public enum Tone: Equatable, Sendable { case info, success, warning, error }
    /// The text.
    public var text: String
    /// Its colour.
    public var tone: Tone

    /// Creates a message.
    public init(_ text: String, _ tone: Tone = .info) {
        self.text = text
        self.tone = tone
    }
}
