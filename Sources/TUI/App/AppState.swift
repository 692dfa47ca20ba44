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
    /// The request being built. Whatever changes it, what derives from it (validation,
    /// the preview) is recomputed here, by construction, not by remembering a call.
    public var form = FormState() {
        didSet { recomputeDerived() }
    }
    /// The form's focus, its text editor, scroll, undo history and the server's problems.
    public var fields = FieldsState()
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
    /// The send in flight, the last outcome, the repeat guard's answers.
    public var sending = SendingState()
    /// The profiles of config.toml and the one in use.
    public var profile = ProfileState()
    /// The theme in use and the ones to choose from.
    public var theme = ThemeState()
    /// The account's numbers and callback resources, as last listed.
    public var account = AccountState()
    /// The last click, to tell a double-click.
    public var click = ClickState()
    /// F2/F3's last path and an export waiting for an overwrite answer.
    public var files = FileState()
    /// Set when the app should exit.
    public var quitting = false
    /// The loop's clock, seconds (ticks while something animates).
    public var now: Double = 0
    /// The stand-in's failure scenarios (demo mode), for the help: set by the launcher.
    public var demoScenarios: [DemoScenario] = []
    /// The saved templates (name and request JSON), as last listed.
    public var templates: [TemplateItem] = []

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
        fields.focus = form.focusOrder[0]
        fields.editor = LineEditor(form.text(of: fields.focus))
    }

    /// Recomputes what derives from the form (and from the account's numbers).
    mutating func recomputeDerived() {
        fields.serverProblems = []
        let json = form.jsonValue
        validation = RequestValidator.validate(json)
        // Exactly what goes on the wire once sendable (1800.0 as 1800, null left out...).
        preview = PreviewDocument(validation.request?.jsonValue ?? json)
        checkAgainstAccount()
    }

    /// Adds what the account's numbers say about the request (once they are known).
    mutating func checkAgainstAccount() {
        guard case .loaded(let numbers) = account.numbers, let code = validation.request?.numberCode else { return }
        validation.problems += RequestValidator.accountWarnings(numberCode: code, outgoing: numbers.filter(\.outgoingCalls).map(\.number))
    }

    /// The problems of a field (its path exactly).
    public func problems(of field: FieldID) -> [ValidationProblem] {
        (validation.problems + fields.serverProblems).filter { $0.path == field.path }
    }
}
