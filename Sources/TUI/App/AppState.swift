import CallLogModel
import CallbackCore
import ExolveModel
import Localization

/// The panes of the main screen.
public enum Pane: Int, CaseIterable, Sendable {
    case form, preview, log

    /// The tab title in `language`.
    public func title(in language: UILanguage) -> String {
        switch self {
        case .form: return language(.paneForm)
        case .preview: return language(.panePreview)
        case .log: return language(.paneLog)
        }
    }
}

/// Everything the front end shows, as one value. `update` changes it,
/// views draw it; nothing else holds UI state.
public struct AppState: Equatable, Sendable {
    /// The terminal size.
    public var size: Size
    /// The language of every human-facing word on screen (Alt-L switches it).
    public var language: UILanguage = .en
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
    /// The account's numbers, as last listed for the profile in use.
    public var accountNumbers: AccountList<AccountNumber> = .notAsked
    /// The application's callback resources (an undocumented list).
    public var callbackResources: AccountList<CallbackResource> = .notAsked
    /// The last click (where and when), to tell a double-click.
    public var lastClick: MouseEvent? = nil
    /// When the last click came (the loop's clock).
    public var lastClickAt: Double = -1
    /// The last path used by F2/F3.
    public var lastFilePath = "request.json"
    /// Set when the app should exit.
    public var quitting = false
    /// Set when the operator chose to quit once the send in flight has its outcome.
    public var quitAfterSend = false
    /// The last send's outcome (the launcher reports it after a quit that waited for it).
    public var lastSent: SentCall? = nil
    /// Whether F5 can send.
    public var availability: SendAvailability = .ready
    /// The send in flight, if any.
    public var inFlight: InFlight? = nil
    /// The loop's clock, seconds (ticks while something animates).
    public var now: Double = 0
    /// How far back the repeat guard looks (the config's repeat_window).
    public var repeatWindow = RepeatWindow.standard
    /// Earlier attempts to the confirmed request's leg-2 numbers, as the call log
    /// answered; nil while the log has not answered yet.
    public var recentAttempts: [RecentAttempt]? = nil
    /// Canonical JSON of requests whose last send had an unknown outcome: sending one again asks twice.
    public var unknownRequests: Set<String> = []
    /// Undo and redo of every form change.
    public var history = FormHistory()
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
        // Exactly what goes on the wire once sendable (1800.0 as 1800, null left out...).
        preview = PreviewDocument(validation.request?.jsonValue ?? json)
        focus = form.focusOrder[0]
        editor = LineEditor(form.text(of: focus))
    }

    /// Recomputes what derives from the form. Call after every form change.
    public mutating func formChanged() {
        serverProblems = []
        let json = form.jsonValue
        validation = RequestValidator.validate(json)
        // Exactly what goes on the wire once sendable (1800.0 as 1800, null left out...).
        preview = PreviewDocument(validation.request?.jsonValue ?? json)
        checkAgainstAccount()
    }

    /// Adds what the account's numbers say about the request (once they are known).
    mutating func checkAgainstAccount() {
        guard case .loaded(let numbers) = accountNumbers, let code = validation.request?.numberCode else { return }
        validation.problems += RequestValidator.accountWarnings(numberCode: code, outgoing: numbers.filter(\.outgoingCalls).map(\.number))
    }

    /// The problems of a field (its path exactly).
    public func problems(of field: FieldID) -> [ValidationProblem] {
        (validation.problems + serverProblems).filter { $0.path == field.path }
    }
}
