import CallbackCore
import CallLog
import ExolveClient

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

/// A finished send as the outcome dialog shows it.
public struct SentCall: Equatable, Sendable {
    /// What happened.
    public var result: SendResult
    /// The log entry written for it.
    public var entryID: Int64?
    /// Set when the outcome could not be recorded.
    public var logWarning: String?

    /// Creates a finished send.
    public init(result: SendResult, entryID: Int64?, logWarning: String?) {
        self.result = result
        self.entryID = entryID
        self.logWarning = logWarning
    }
}

/// Whether F5 can send, and if not, why.
public enum SendAvailability: Equatable, Sendable {
    /// A client is configured.
    case ready
    /// No API key: the message says how to provide one.
    case noKey(String)
}

/// A saved template as the picker shows it.
public struct TemplateItem: Equatable, Sendable {
    /// Its name.
    public var name: String
    /// Its request JSON, or nil when the file is unreadable.
    public var json: JSONValue?
    /// Why it could not be read.
    public var problem: String?

    /// Creates an item.
    public init(name: String, json: JSONValue?, problem: String?) {
        self.name = name
        self.json = json
        self.problem = problem
    }
}

/// The send in progress.
public struct InFlight: Equatable, Sendable {
    /// When it started (seconds, the loop's clock).
    public var startedAt: Double
    /// The request sent.
    public var request: MakeCallbackRequest
}

/// Why a file name is asked for.
public enum FilePromptPurpose: Equatable, Sendable {
    /// F2: the form's request.
    case save
    /// F3: a request file into the form.
    case open
    /// `e` in the call log: a logged request (its exact JSON) to a file.
    case exportRequest(String)
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
    /// Which entries the panel shows.
    public var filter = CallLogFilter()

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
    /// Whether F5 can send.
    public var availability: SendAvailability = .ready
    /// The send in flight, if any.
    public var inFlight: InFlight? = nil
    /// The loop's clock, seconds (ticks while something animates).
    public var now: Double = 0
    /// Canonical JSON of requests whose last send had an unknown outcome: sending one again asks twice.
    public var unknownRequests: Set<String> = []
    /// The form before `r` replaced it with a logged request (Ctrl-Z brings it back).
    public var undoForm: FormState? = nil
    /// The profiles of config.toml.
    public var profiles: [Profile] = []
    /// The profile in use, if any.
    public var profileName: String? = nil
    /// The base URL requests go to (for copy as curl).
    public var endpointURL = Endpoint.defaultBaseURL
    /// The environment variable a curl command names for the key.
    public var keyVariable = APIKey.environmentVariable
    /// The stand-in's failure scenarios (demo mode), for the help: set by the launcher.
    public var demoScenarios: [DemoScenario] = []
    /// The saved templates (name and request JSON), as last listed.
    public var templates: [TemplateItem] = []
    /// The theme in use (the terminal layer draws with it).
    public var themeName = "default"
    /// Every theme's name, for the theme list.
    public var themeNames: [String] = ["default"]
    /// The terminal's colour depth, as detected (shown in the theme list).
    public var colorDepth = ""
    /// The contents an `e` export writes if the operator agrees to overwrite.
    public var pendingExport: String? = nil
    /// Problems the server reported for fields (from a rejection), until the form changes.
    public var serverProblems: [ValidationProblem] = []

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
        serverProblems = []
        let json = form.jsonValue
        validation = RequestValidator.validate(json)
        preview = PreviewDocument(json)
    }

    /// The problems of a field (its path exactly).
    public func problems(of field: FieldID) -> [ValidationProblem] {
        (validation.problems + serverProblems).filter { $0.path == field.path }
    }
}

/// A failure the demo stand-in plays when the description starts with its tag.
public struct DemoScenario: Equatable, Sendable {
    /// `stub:504` and the like.
    public var tag: String
    /// What it does.
    public var effect: String

    /// Creates a scenario.
    public init(tag: String, effect: String) {
        self.tag = tag
        self.effect = effect
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
