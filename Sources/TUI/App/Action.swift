import CallEvents
import CallbackCore
import CallLogModel
import ExolveModel
import Localization

/// Everything that can happen to the app: keys, resizes, and the results of effects.
public enum Action: Equatable, Sendable {
    /// A key was pressed (or text pasted).
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// A request file was read (F3, --load): its text, or why it could not be read.
    case fileLoaded(path: String, result: FileLoadResult)
    /// A request file was written (F2), or why not.
    case fileSaved(path: String, result: FileSaveResult)
    /// A page of the call log arrived, with how many match (nil: a later page, the count
    /// stands; under a result filter, at least what this page found).
    case logPageLoaded(entries: [CallLogEntry], total: MatchCount?, append: Bool)
    /// What Exolve's events say of the loaded entries' calls, by call_id.
    case logResults([String: CallResult])
    /// Unknown sends the events show a call for (entry id → uid), with those calls' results.
    case logEvidence([Int64: String], results: [String: CallResult], noSign: Set<Int64> = [])
    /// The call log could not be read.
    case logUnavailable(Localized)
    /// Every call to a client, read from the log.
    case clientHistoryLoaded(ClientHistory)
    /// It could not be read, and why.
    case clientHistoryFailed(String, Localized)
    /// The log kept a note or a disposition (stamped with its time).
    case annotated(Annotation)
    /// The log could not keep it, and why.
    case annotationFailed(Annotation, Localized)
    /// Another process (or this one) changed the call log.
    case logChanged
    /// A note to show in the status line (draft restored, etc.).
    case notice(StatusMessage)
    /// Time passed: the loop's clock, before every batch of actions and while a send is in flight.
    case tick(now: Double)
    /// The terminal's colour depth, as detected at start (shown in the theme list).
    case colorDepthDetected(String)
    /// The call log's answer: earlier attempts to this request's leg-2 numbers within the window.
    case repeatChecked(MakeCallbackRequest, [RecentAttempt])
    /// The names of a typed path's folder that start with its last part (Tab in F2/F3).
    case pathCompletions(typed: String, candidates: [String])
    /// The send in flight moved on (recording, waiting for Exolve, recording the outcome).
    case sendStage(SendStage)
    /// The call log could not say whether the client was called recently (it is unreachable).
    case repeatCheckFailed(MakeCallbackRequest, reason: Localized)
    /// The repeat guard held a send at the moment of writing its entry: attempts the
    /// operator had not been shown. Nothing was sent.
    case sendHeld(MakeCallbackRequest, [RecentAttempt])
    /// The account's numbers were read (or could not be).
    case numbersListed(Result<[AccountNumber], ListFailure>)
    /// The application's callback resources were read (or could not be: the list is undocumented).
    case callbackResourcesListed(Result<[CallbackResource], ListFailure>)
    /// A send finished.
    case sendFinished(SentCall)
    /// A send could not start (its log entry could not be written): nothing was sent.
    case sendBlocked(Localized)
    /// The config file was (or could not be) updated.
    case configSaved(Localized?)
    /// The templates were listed (for the picker).
    case templatesListed([TemplateItem])
    /// A template was saved (nil), exists (refused), or failed.
    case templateSaved(name: String, result: FileSaveResult)
    /// The client was rebuilt for a profile.
    case profileApplied(SendAvailability, host: String, endpointURL: String, keyVariable: String)
}

/// The result of reading a file.
public enum FileLoadResult: Equatable, Sendable {
    /// The file's text.
    case text(String)
    /// Why it could not be read.
    case failure(Localized)
}

/// The result of writing a file.
public enum FileSaveResult: Equatable, Sendable {
    /// Written.
    case saved
    /// The file exists and overwriting was not asked for.
    case exists
    /// Why it could not be written.
    case failure(Localized)
}

/// Work for the runtime: I/O the reducer asks for; results come back as actions.
public enum Effect: Equatable, Sendable {
    /// Save the form as the draft (coalesced by the runtime).
    case saveDraft(FormState)
    /// Read a request file.
    case loadFile(path: String)
    /// List the folder of a typed path for Tab's completion.
    case completePath(String)
    /// Tick the clock every second for `seconds` more (a call is talking: its time counts on screen).
    case tickFor(seconds: Int)
    /// Write `contents` to `path` (`overwrite` false refuses an existing file).
    case saveFile(path: String, contents: String, overwrite: Bool)
    /// Read the newest page of the call log matching `filter` (and, when set, whose calls' result is `result`).
    case loadLog(filter: CallLogFilter, result: CallState?, limit: Int)
    /// Read the page after `cursor`.
    case loadMoreLog(filter: CallLogFilter, result: CallState?, after: CallLogCursor, limit: Int)
    /// Read every call to this client (leg 2) from the call log.
    case loadClientHistory(String)
    /// Write a note or a disposition into the call log (the runtime stamps the time).
    case annotate(Annotation)
    /// Read the account's numbers and callback resources (in the background, with the profile's client).
    case listAccount
    /// Look up earlier attempts to the request's leg-2 numbers within `window`.
    case checkRepeat(MakeCallbackRequest, window: RepeatWindow)
    /// Send a request through the call log (written before it leaves), unless the
    /// repeat guard finds attempts within `window` beyond the `acknowledged` ones.
    case send(MakeCallbackRequest, acknowledged: Set<Int64>, window: RepeatWindow)
    /// Put text on the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Write `theme = "NAME"` to the config file.
    case saveThemeToConfig(String)
    /// List the saved templates.
    case listTemplates
    /// Save `json` as the template `name`.
    case saveTemplate(name: String, json: JSONValue, overwrite: Bool)
    /// Rebuild the client for a profile (nil: no profile).
    case switchProfile(String?)
}
