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

/// Everything the front end shows, as one value: a short list of the features'
/// own states. `update` changes it, views draw it; nothing else holds UI state.
public struct AppState: Equatable, Sendable {
    /// The language of every human-facing word on screen (Alt-L switches it).
    public var language: UILanguage = .en
    /// The screen: size, pane, clock, clicks, quitting.
    public var screen: ScreenState
    /// The form feature: the request being built, its focus, editor and history. Whatever
    /// changes the request, what derives from it (validation, the preview) is recomputed
    /// here, by construction, not by remembering a call.
    public var editing: FormEditing {
        didSet { if editing.form != oldValue.form { recomputeDerived() } }
    }
    /// The first preview line shown.
    public var previewScroll = 0
    /// An open dialog (each feature owns its own). Another dialog starts at its top.
    public var dialog: Dialog? = nil {
        didSet { if dialog != oldValue { screen.dialogScroll = 0 } }
    }
    /// A transient message for the status line.
    public var status: StatusMessage? = nil
    /// The call log panel.
    public var log = LogPanelState()
    /// Where requests go, the send in flight, the last outcome, the repeat guard's answers.
    public var sending: SendingState
    /// The profiles of config.toml and the one in use.
    public var profile = ProfileState()
    /// The theme in use and the ones to choose from.
    public var theme = ThemeState()
    /// The account's numbers and callback resources, as last listed.
    public var account = AccountState()
    /// F2/F3's last path and an export waiting for an overwrite answer.
    public var files = FileState()
    /// The saved templates (name and request JSON), as last listed.
    public var templates: [TemplateItem] = []
    /// What the help adds beyond the key table (the stand-in's scenarios).
    public var help = HelpState()
    /// Derived from the form (and the account's numbers) on every change: validation and the preview.
    public private(set) var derived: Derived

    /// A fresh state.
    public init(size: Size, target: SendTarget, form: FormState = FormState()) {
        screen = ScreenState(size: size)
        sending = SendingState(target: target)
        editing = FormEditing(form: form)
        derived = Derived(form: form, numbers: .notAsked)
    }

    /// Recomputes what derives from the form (and from the account's numbers).
    mutating func recomputeDerived() {
        editing.fields.serverProblems = []
        derived = Derived(form: editing.form, numbers: account.numbers)
    }

    /// The problems of a field (its path exactly).
    public func problems(of field: FieldID) -> [ValidationProblem] {
        let path = field.path
        return derived.validation.problems.filter { $0.path == path } + editing.fields.serverProblems.filter { $0.path == path }
    }

    /// What every feature may read of the screen.
    /// Where everything goes now (the status line grows for a long message).
    public var layout: Layout { Layout(size, statusRows: StatusView.rows(for: self)) }

    var context: ScreenContext { ScreenContext(language: language, size: screen.size, pane: screen.pane, now: screen.now) }
}

/// What derives from the form: validation and the preview document.
public struct Derived: Equatable, Sendable {
    /// Validation of the form (with the account's warnings once its numbers are known).
    public var validation: ValidationResult
    /// The preview document: exactly what goes on the wire once sendable.
    public var preview: PreviewDocument

    /// Derives from `form` and the account's `numbers`.
    init(form: FormState, numbers: AccountList<AccountNumber>) {
        let json = form.jsonValue
        validation = RequestValidator.validate(json)
        // Exactly what goes on the wire once sendable (1800.0 as 1800, null left out...).
        preview = PreviewDocument(validation.request?.jsonValue ?? json)
        if case .loaded(let numbers) = numbers, let code = validation.request?.numberCode {
            validation.problems += RequestValidator.accountWarnings(numberCode: code, outgoing: numbers.filter(\.outgoingCalls).map(\.number))
        }
    }
}

/// Shorthands for the parts most views and tests read.
extension AppState {
    /// The request being built.
    public var form: FormState {
        get { editing.form }
        set { editing.form = newValue }
    }
    /// The form's focus, editor, scroll, history and server problems.
    public var fields: FieldsState {
        get { editing.fields }
        set { editing.fields = newValue }
    }
    /// The terminal size.
    public var size: Size {
        get { screen.size }
        set { screen.size = newValue }
    }
    /// The pane with the keyboard.
    public var pane: Pane {
        get { screen.pane }
        set { screen.pane = newValue }
    }
    /// The loop's clock.
    public var now: Double {
        get { screen.now }
        set { screen.now = newValue }
    }
    /// Whether the app should exit.
    public var quitting: Bool {
        get { screen.quitting }
        set { screen.quitting = newValue }
    }
    /// Where requests go.
    public var target: SendTarget {
        get { sending.target }
        set { sending.target = newValue }
    }
    /// Validation of the form.
    public var validation: ValidationResult { derived.validation }
    /// The preview document.
    public var preview: PreviewDocument { derived.preview }
    /// The stand-in's failure scenarios (demo mode), for the help.
    public var demoScenarios: [DemoScenario] {
        get { help.demoScenarios }
        set { help.demoScenarios = newValue }
    }
}
