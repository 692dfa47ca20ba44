import CallLogModel
import CallbackCore
import CallEvents
import Localization
import ExolveModel

/// The reducer: applies an action to the state and returns the effects to run.
/// All behaviour of the front end lives here and in the functions it calls,
/// so it is tested without a terminal.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    let before = state.form
    var typing: FieldID? = nil
    var historyMove = false
    if case .key(let key) = action, state.dialog == nil, let command = KeyTable.binding(for: key, in: state)?.command(for: key) {
        if case .form(.edit) = command { typing = state.fields.focus }
        historyMove = command == .form(.undo) || command == .form(.redo)
    }
    let effects = reduce(&state, action)
    if state.form != before && !historyMove { state.fields.history.record(before, typing: typing) }
    return effects
}

private func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects: [Effect] = []
    switch action {
    case .resize(let size):
        state.size = size.bounded
    case .key(let key):
        effects = handleKey(&state, key)
    case .fileLoaded(let path, let result):
        effects = loadRequest(&state, path: path, result: result)
    case .fileSaved(let path, let result):
        switch result {
        case .saved: state.status = StatusMessage(state.language(.savedRequest, ["path": path]), .success)
        case .exists: state.dialog = .files(.confirmOverwrite(path: path))
        case .failure(let reason): state.status = StatusMessage(state.language(.couldNotSave, ["path": path, "reason": reason.text(state.language)]), .error)
        }
    case .logPageLoaded(let entries, let total, let append):
        state.log.loading = false
        state.log.unavailable = nil
        state.log.entries = append ? state.log.entries + entries : entries
        if state.log.resultFilter != nil, let total {
            // A result filter's pages say what each found: the total is every entry shown,
            // and whether more may follow is the last page's say.
            state.log.total = MatchCount(value: state.log.entries.count, isAtLeast: total.isAtLeast)
        } else if let total {
            state.log.total = total
        }
        state.log.selected = min(state.log.selected, max(0, state.log.entries.count - 1))
        // An open entry shows what the log now says of it (another operator's note, its outcome).
        if case .log(.entry(let shown, let scroll))? = state.dialog,
           let fresh = entries.first(where: { $0.id == shown.id }), fresh != shown {
            state.dialog = .log(.entry(fresh, scroll: scroll))
        }
    case .logResults(let results):
        state.log.results.merge(results) { _, new in new }
        // A call still talking counts its time on screen.
        if results.values.contains(where: { if case .talking = $0.stage { return true } else { return false } }) {
            effects = [.tickFor(seconds: 60)]
        }
    case .logEvidence(let links, let results, let noSign):
        state.log.evidence.merge(links) { _, new in new }
        state.log.noSign.formUnion(noSign)
        state.log.noSign.subtract(links.keys)
        state.log.results.merge(results) { _, new in new }
    case .logUnavailable(let reason):
        state.log.loading = false
        state.log.unavailable = reason
    case .clientHistoryLoaded(let history):
        ClientHistoryView.loaded(history, state: &state)
    case .clientHistoryFailed(let number, let reason):
        ClientHistoryView.failed(number, reason: reason, state: &state)
    case .annotated(let annotation):
        LogAnnotating.kept(annotation, state: &state)
    case .annotationFailed(let annotation, let reason):
        LogAnnotating.refused(annotation, reason: reason, state: &state)
    case .logChanged:
        state.log.loading = true
        effects = [.loadLog(filter: state.log.filter, result: state.log.resultFilter, limit: max(LogPaging.pageSize, state.log.entries.count))]
        // The guard's list is the log's: an attempt another exocall has just placed stops reading "in flight".
        if case .send(.confirm(let request, _))? = state.dialog, !state.sending.repeatWindow.isOff {
            effects.append(.checkRepeat(request, window: state.sending.repeatWindow))
        }
    case .notice(let message):
        state.status = message
    case .tick(let now):
        state.now = now
    case .colorDepthDetected(let depth):
        state.theme.colorDepth = depth
    case .repeatCheckFailed(let request, let reason):
        if case .send(.confirm(request, _))? = state.dialog {
            state.sending.recentAttempts = []
            state.sending.repeatCheckFailure = reason
        }
    case .repeatChecked(let request, let attempts):
        if case .send(.confirm(request, _))? = state.dialog { state.sending.recentAttempts = attempts }
    case .pathCompletions(let typed, let candidates):
        if case .files(let dialog)? = state.dialog {
            effects = state.apply(FileFeature.completed(&state.files, dialog, typed: typed, candidates: candidates, context: state.context))
        }
    case .sendStage(let stage):
        state.sending.inFlight?.stage = stage
    case .sendHeld(let request, let attempts):
        state.sending.inFlight = nil
        state.sending.recentAttempts = attempts
        state.dialog = .send(.confirm(request, secondAsk: true))
        let window = state.sending.repeatWindow.text(in: state.language)
        state.status = StatusMessage(attempts.count == 1 ? state.language(.sendHeldOnce, ["window": window])
                                         : state.language(.sendHeldTimes, ["count": "\(attempts.count)", "window": window]), .warning)
    case .numbersListed(let result):
        switch result {
        case .success(let numbers): state.account.numbers = .loaded(numbers)
        case .failure(let failure): state.account.numbers = .failed(failure.text)
        }
        state.recomputeDerived() // the account's numbers add their warnings
    case .callbackResourcesListed(let result):
        switch result {
        case .success(let resources): state.account.resources = .loaded(resources)
        case .failure(let failure): state.account.resources = .failed(failure.text)
        }
    case .sendFinished(let call) where state.sending.quitAfterSend:
        state.sending.inFlight = nil
        state.sending.lastSent = call
        state.quitting = true
    case .sendFinished(let call):
        var editing = state.editing
        let reply = SendCommands.finished(&state.sending, call, editing: &editing, log: state.log, context: state.context)
        state.editing = editing
        effects = state.apply(reply)
    case .configSaved(let problem):
        state.status = problem.map { StatusMessage(state.language(.themeNotSaved, ["reason": $0.text(state.language)]), .error) }
            ?? StatusMessage(state.language(.themeSaved, ["name": state.theme.name]), .success)
    case .templatesListed(let items):
        state.templates = items
        if case .templates(.picker(let selected))? = state.dialog { state.dialog = .templates(.picker(selected: min(selected, max(0, items.count - 1)))) }
    case .templateSaved(let name, let result):
        switch result {
        case .saved: state.status = StatusMessage(state.language(.templateSaved, ["name": name]), .success)
        case .exists: state.dialog = .templates(.exists(name))
        case .failure(let reason): state.status = StatusMessage(state.language(.templateNotSaved, ["reason": reason.text(state.language)]), .error)
        }
    case .profileApplied(let availability, let host, let endpointURL, let keyVariable):
        state.sending.availability = availability
        state.profile.endpointURL = endpointURL
        // Another profile, another account: its lists are read anew.
        state.account.numbers = availability == .ready ? .loading : .notAsked
        state.account.resources = availability == .ready ? .loading : .notAsked
        effects = availability == .ready ? [.listAccount] : []
        state.profile.keyVariable = keyVariable
        if case .live = state.target { state.target = .live(host: host) }
    case .sendBlocked(let reason):
        state.sending.inFlight = nil
        state.dialog = .message(title: state.language(.notSentTitle), text: reason.text(state.language))
        state.status = StatusMessage(state.language(.logCouldNotRecord), .error)
    }
    state.followFocus()
    return effects
}

private func loadRequest(_ state: inout AppState, path: String, result: FileLoadResult) -> [Effect] {
    switch result {
    case .failure(let reason):
        state.status = StatusMessage(state.language(.couldNotOpen, ["path": path, "reason": reason.text(state.language)]), .error)
        return []
    case .text(let text):
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            state.status = StatusMessage(state.language(.loadFailed, ["path": path, "error": error.message.text(state.language)]), .error)
            return []
        }
        let (form, kept) = FormState.loading(json)
        state.form = form
        state.setFocus(state.form.focusOrder[0])
        state.fields.scroll = 0
        state.status = StatusMessage(state.language(.loadedFile, ["path": path, "summary": LoadReport.summary(state.validation, kept: kept, language: state.language)]),
                                     state.validation.errors.isEmpty ? (state.validation.warnings.isEmpty ? .success : .warning) : .error)
        return [.saveDraft(state.form)]
    }
}
