import CallbackCore
import CallLog

/// The reducer: applies an action to the state and returns the effects to run.
/// All behaviour of the front end lives here and in the functions it calls,
/// so it is tested without a terminal.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects: [Effect] = []
    switch action {
    case .resize(let size):
        state.size = size
    case .key(let key):
        effects = handleKey(&state, key)
    case .fileLoaded(let path, let result):
        effects = loadRequest(&state, path: path, result: result)
    case .fileSaved(let path, let result):
        switch result {
        case .saved: state.status = StatusMessage("saved the request to \(path)", .success)
        case .exists: state.dialog = .confirmOverwrite(path: path)
        case .failure(let reason): state.status = StatusMessage("could not save \(path): \(reason)", .error)
        }
    case .logPageLoaded(let entries, let total, let append):
        state.log.loading = false
        state.log.unavailable = nil
        state.log.entries = append ? state.log.entries + entries : entries
        state.log.total = total
        state.log.selected = min(state.log.selected, max(0, state.log.entries.count - 1))
    case .logUnavailable(let reason):
        state.log.loading = false
        state.log.unavailable = reason
    case .logChanged:
        state.log.loading = true
        effects = [.loadLog(filter: state.log.filter, limit: max(LogPaging.pageSize, state.log.entries.count))]
    case .notice(let message):
        state.status = message
    case .tick(let now):
        state.now = now
    case .colorDepthDetected(let depth):
        state.colorDepth = depth
    case .sendFinished(let call):
        effects = SendKeys.finished(&state, call)
    case .configSaved(let problem):
        state.status = problem.map { StatusMessage("the theme was not saved: \($0)", .error) }
            ?? StatusMessage("theme \(state.themeName) saved to the config file", .success)
    case .templatesListed(let items):
        state.templates = items
        if case .templatePicker(let selected)? = state.dialog { state.dialog = .templatePicker(selected: min(selected, max(0, items.count - 1))) }
    case .templateSaved(let name, let result):
        switch result {
        case .saved: state.status = StatusMessage("saved the form as template \(name) (F7 lists templates)", .success)
        case .exists: state.dialog = .templateExists(name)
        case .failure(let reason): state.status = StatusMessage("template not saved: \(reason)", .error)
        }
    case .profileApplied(let availability, let host, let endpointURL, let keyVariable):
        state.availability = availability
        state.endpointURL = endpointURL
        state.keyVariable = keyVariable
        if case .live = state.target { state.target = .live(host: host) }
    case .sendBlocked(let reason):
        state.inFlight = nil
        state.dialog = .message(title: "Not sent", text: reason)
        state.status = StatusMessage("not sent: the call log could not record it", .error)
    }
    state.followFocus()
    return effects
}

/// How many log entries a page holds.
public enum LogPaging {
    /// Entries per read.
    public static let pageSize = 100
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.dialog != nil { return handleDialogKey(&state, key) }
    state.status = nil
    let inText: Bool = {
        if state.pane != .form { return false }
        if case .text = state.focus.kind { return true }
        return false
    }()
    switch key {
    case .function(1):
        state.dialog = .help(scroll: 0)
        return []
    case .character("?") where !inText:
        state.dialog = .help(scroll: 0)
        return []
    case .function(2):
        state.dialog = .filePrompt(.save, LineEditor(state.lastFilePath))
        return []
    case .function(3):
        state.dialog = .filePrompt(.open, LineEditor(state.lastFilePath))
        return []
    case .function(4):
        state.dialog = .problems(selected: 0)
        return []
    case .function(9):
        AudioKeys.openExplorer(&state)
        return []
    case .function(5):
        return SendKeys.start(&state)
    case .function(12):
        ThemeKeys.open(&state)
        return []
    case .character("t") where !inText:
        ThemeKeys.open(&state)
        return []
    case .function(11):
        ProfileTemplateKeys.openProfiles(&state)
        return []
    case .character("p") where !inText:
        ProfileTemplateKeys.openProfiles(&state)
        return []
    case .function(6):
        state.dialog = .templateName(LineEditor(state.form.requestDescription.isEmpty ? "" : String(state.form.requestDescription.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }.prefix(40))))
        return []
    case .function(7):
        state.dialog = .templatePicker(selected: 0)
        return [.listTemplates]
    case .control("y"):
        return ProfileTemplateKeys.copyCurl(&state)
    case .function(8), .control("t"):
        state.pane = Pane(rawValue: (state.pane.rawValue + 1) % Pane.allCases.count)!
        return []
    case .alt("1"), .alt("2"), .alt("3"):
        if case .alt(let digit) = key, let number = digit.wholeNumberValue { state.pane = Pane(rawValue: number - 1)! }
        return []
    case .function(10), .control("q"):
        state.quitting = true
        return []
    default:
        break
    }
    switch state.pane {
    case .form: return FormKeys.handle(&state, key)
    case .preview:
        scrollPreview(&state, key)
        return []
    case .log: return LogKeys.handle(&state, key)
    }
}

private func scrollPreview(_ state: inout AppState, _ key: Key) {
    let height = Layout(state.size).innerHeight(of: .preview, shown: state.pane)
    let maxScroll = max(0, state.preview.lines.count - height)
    switch key {
    case .up: state.previewScroll -= 1
    case .down: state.previewScroll += 1
    case .pageUp: state.previewScroll -= max(1, height - 1)
    case .pageDown: state.previewScroll += max(1, height - 1)
    case .home: state.previewScroll = 0
    case .end: state.previewScroll = maxScroll
    case .tab: state.pane = .log
    case .backTab: state.pane = .form
    default: break
    }
    state.previewScroll = min(max(0, state.previewScroll), maxScroll)
}

private func handleDialogKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let dialog = state.dialog else { return [] }
    if key == .function(10) || key == .control("q") {
        state.quitting = true
        return []
    }
    switch dialog {
    case .confirmSend(let request, let secondAsk):
        return SendKeys.confirm(&state, key, request: request, secondAsk: secondAsk)
    case .outcome(let call):
        return SendKeys.outcomeKeys(&state, key, call: call)
    case .message:
        if key == .escape || key == .enter || key == .character(" ") { state.dialog = nil }
    case .logSearch(let editor):
        return LogKeys.search(&state, key, editor: editor)
    case .logEntry(let entry, let scroll):
        return LogKeys.entry(&state, key, entry: entry, scroll: scroll)
    case .voicePicker, .emotionPicker, .voiceExplorer:
        return AudioKeys.handleDialog(&state, key)
    case .themePicker, .saveTheme:
        return ThemeKeys.handle(&state, key)
    case .profilePicker(let selected):
        return ProfileTemplateKeys.profileKeys(&state, key, selected: selected)
    case .templateName(let editor):
        return ProfileTemplateKeys.templateNameKeys(&state, key, editor: editor)
    case .templatePicker(let selected):
        return ProfileTemplateKeys.templatePickerKeys(&state, key, selected: selected)
    case .templateExists(let name):
        state.dialog = nil
        if key == .character("y") || key == .character("Y") {
            return [.saveTemplate(name: name, json: state.form.jsonValue, overwrite: true)]
        }
        state.status = StatusMessage("template \(name) kept as it was", .info)
    case .help(let scroll):
        // Scroll no further than the last full screen of keys.
        let count = DialogView.helpLines(state).count
        let visible = min(state.size.height - 4, count + 2) - 2
        let maxScroll = max(0, count - visible)
        switch key {
        case .up: state.dialog = .help(scroll: max(0, scroll - 1))
        case .down: state.dialog = .help(scroll: min(scroll + 1, maxScroll))
        case .pageDown: state.dialog = .help(scroll: min(scroll + 10, maxScroll))
        case .pageUp: state.dialog = .help(scroll: max(0, scroll - 10))
        case .escape, .enter, .function(1), .character("q"), .character("?"): state.dialog = nil
        default: break
        }
    case .problems(let selected):
        let count = state.validation.problems.count
        switch key {
        case .up: state.dialog = .problems(selected: max(0, selected - 1))
        case .down: state.dialog = .problems(selected: min(max(0, count - 1), selected + 1))
        case .enter:
            state.dialog = nil
            if let problem = state.validation.problems[safe: selected] {
                state.pane = .form
                state.setFocus(state.field(forProblemAt: problem.path))
                state.status = StatusMessage("\(problem.path): \(problem.message)", .error)
            }
        case .escape, .function(4): state.dialog = nil
        default: break
        }
    case .filePrompt(let purpose, var editor):
        switch key {
        case .escape: state.dialog = nil
        case .enter:
            let path = editor.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                state.status = StatusMessage("type a file name", .warning)
                return []
            }
            state.dialog = nil
            state.lastFilePath = path
            switch purpose {
            case .save:
                return [.saveFile(path: path, contents: state.preview.text + "\n", overwrite: false)]
            case .open:
                return [.loadFile(path: path)]
            case .exportRequest(let json):
                let pretty = (try? JSONParser.parse(json)).map { CanonicalJSON.string($0, style: .pretty) } ?? json
                state.pendingExport = pretty + "\n"
                return [.saveFile(path: path, contents: pretty + "\n", overwrite: false)]
            }
        default:
            if TextKeys.apply(key, to: &editor, rule: .free, status: &state.status) {
                state.dialog = .filePrompt(purpose, editor)
            }
        }
    case .confirmOverwrite(let path):
        switch key {
        case .character("y"), .character("Y"):
            state.dialog = nil
            let contents = state.pendingExport ?? state.preview.text + "\n"
            state.pendingExport = nil
            return [.saveFile(path: path, contents: contents, overwrite: true)]
        case .character("n"), .character("N"), .escape:
            state.dialog = nil
            state.pendingExport = nil
            state.status = StatusMessage("not saved", .info)
        default: break
        }
    }
    return []
}

private func loadRequest(_ state: inout AppState, path: String, result: FileLoadResult) -> [Effect] {
    switch result {
    case .failure(let reason):
        state.status = StatusMessage("could not open \(path): \(reason)", .error)
        return []
    case .text(let text):
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            state.status = StatusMessage("\(path): \(error.description); the form is unchanged", .error)
            return []
        }
        let (form, ignored) = FormState.loading(json)
        state.form = form
        state.formChanged()
        state.setFocus(state.form.focusOrder[0])
        state.formScroll = 0
        let problems = state.validation.problems.count
        var message = "loaded \(path)"
        message += problems == 0 ? ": valid" : ": \(problems) problem\(problems == 1 ? "" : "s") marked (F4 lists them)"
        if !ignored.isEmpty { message += "; ignored what the form cannot hold: " + ignored.joined(separator: ", ") }
        state.status = StatusMessage(message, ignored.isEmpty && problems == 0 ? .success : .warning)
        return [.saveDraft(state.form)]
    }
}

extension AppState {
    /// Moves the focus to `field`, loading its text into the editor.
    public mutating func setFocus(_ field: FieldID) {
        let order = form.focusOrder
        focus = order.contains(field) ? field : order[0]
        editor = LineEditor(form.text(of: focus))
    }

    /// The form field that best shows a problem at `path`.
    public func field(forProblemAt path: String) -> FieldID {
        let order = form.focusOrder
        if let exact = order.first(where: { $0.path == path }) { return exact }
        if let inside = order.first(where: { $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }) {
            if path.hasSuffix("destinations"), let button = order.first(where: { $0.path == path && $0.kind == .button }) { return button }
            return inside
        }
        var parent = path
        while let cut = parent.lastIndex(where: { $0 == "." || $0 == "[" }) {
            parent = String(parent[..<cut])
            if let found = order.first(where: { $0.path == parent }) { return found }
        }
        return order[0]
    }

    /// Keeps the focused field and its preview line on screen.
    mutating func followFocus() {
        let layout = Layout(size)
        let formHeight = layout.innerHeight(of: .form, shown: pane == .form ? .form : pane)
        if formHeight > 0, let row = form.row(of: focus) {
            if row < formScroll { formScroll = max(0, row - 1) }
            if row >= formScroll + formHeight { formScroll = row - formHeight + 1 }
        }
        formScroll = max(0, min(formScroll, max(0, form.rows.count - formHeight)))
        let previewHeight = layout.innerHeight(of: .preview, shown: pane)
        if pane != .preview, previewHeight > 0, let line = preview.line(for: focus.path) {
            if line < previewScroll { previewScroll = max(0, line - 2) }
            if line >= previewScroll + previewHeight { previewScroll = line - previewHeight + 3 }
        }
        previewScroll = max(0, min(previewScroll, max(0, preview.lines.count - previewHeight)))
        let logHeight = layout.innerHeight(of: .log, shown: pane)
        if logHeight > 0 {
            if log.selected < log.scroll { log.scroll = log.selected }
            if log.selected >= log.scroll + logHeight { log.scroll = log.selected - logHeight + 1 }
        }
    }
}
