import CallbackCore
import CallLog
import ExolveClient

/// F5 and everything after it: confirmation, the send in flight, the outcome.
enum SendKeys {
    /// F5 pressed on the main screen.
    static func start(_ state: inout AppState) -> [Effect] {
        if state.inFlight != nil {
            state.status = StatusMessage("a send is already in flight; wait for its outcome", .warning)
            return []
        }
        if case .noKey(let help) = state.availability {
            state.dialog = .message(title: "No API key: nothing can be sent yet", text: help)
            return []
        }
        guard let request = state.validation.request else {
            let count = state.validation.problems.count
            state.dialog = .problems(selected: 0)
            state.status = StatusMessage("not sent: fix \(count) problem\(count == 1 ? "" : "s") first (Enter jumps to one)", .error)
            return []
        }
        state.dialog = .confirmSend(request, secondAsk: false)
        return []
    }

    /// Keys of the confirmation.
    static func confirm(_ state: inout AppState, _ key: Key, request: MakeCallbackRequest, secondAsk: Bool) -> [Effect] {
        switch key {
        case .escape, .character("n"), .character("N"):
            state.dialog = nil
            state.status = StatusMessage("not sent", .info)
            return []
        case .character("y"), .character("Y"), .enter:
            if secondAsk && key == .enter { return [] } // the second ask takes a deliberate y
            if !secondAsk && state.unknownRequests.contains(request.canonicalJSON()) {
                state.dialog = .confirmSend(request, secondAsk: true)
                return []
            }
            state.dialog = nil
            state.inFlight = InFlight(startedAt: state.now, request: request)
            return [.send(request)]
        default:
            return []
        }
    }

    /// A send finished.
    static func finished(_ state: inout AppState, _ call: SentCall) -> [Effect] {
        let request = state.inFlight?.request
        state.inFlight = nil
        state.dialog = .outcome(call)
        let key = request?.canonicalJSON()
        switch call.result.outcome {
        case .placed(let callID, _):
            if let key { state.unknownRequests.remove(key) }
            state.status = StatusMessage("placed: call_id \(callID) (c copies it)", .success)
        case .rejected(let status, let message):
            state.serverProblems = fieldProblems(in: message, state: state)
            state.status = StatusMessage("rejected (HTTP \(status)): \(message)", .error)
        case .notSent(let reason):
            state.status = StatusMessage("not sent: \(reason); safe to send again", .warning)
        case .unknown(let reason):
            if let key { state.unknownRequests.insert(key) }
            state.status = StatusMessage("UNKNOWN: \(reason). The call may have been placed; check before sending again", .error)
        }
        return [.loadLog(filter: state.log.filter, limit: max(LogPaging.pageSize, state.log.entries.count))]
    }

    /// Fields a rejection message names: a JSON path (`line_1.destinations[0].timeout`)
    /// or the vendor's Go-style name (`MakeCallbackRequest.Line_1`, `NumberCode`).
    static func fieldProblems(in message: String, state: AppState) -> [ValidationProblem] {
        let paths = state.form.focusOrder.map(\.path).sorted { $0.count > $1.count }
        if let path = paths.first(where: { message.contains($0) }) {
            return [ValidationProblem(path: path, message: "Exolve refused it: \(message)")]
        }
        guard let range = message.range(of: "MakeCallbackRequest.") else { return [] }
        let name = message[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        var snake = ""
        for character in name {
            if character.isUppercase, !snake.isEmpty, snake.last != "_" { snake += "_" }
            snake += character.lowercased()
        }
        let field = state.field(forProblemAt: snake)
        guard snake.isEmpty == false, field.path.hasPrefix(snake) else { return [] }
        return [ValidationProblem(path: field.path, message: "Exolve refused \(snake): \(message)")]
    }

    /// Keys of the outcome dialog.
    static func outcomeKeys(_ state: inout AppState, _ key: Key, call: SentCall) -> [Effect] {
        switch key {
        case .character("c"), .character("C"):
            guard let callID = call.result.outcome.callID else { return [] }
            state.status = StatusMessage("call_id \(callID) copied to the clipboard (OSC 52)", .success)
            return [.copyToClipboard(callID)]
        case .escape, .enter, .character(" "), .character("q"):
            state.dialog = nil
        default: break
        }
        return []
    }
}

/// Keys while the call log panel has the keyboard.
enum LogKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .character("/"):
            state.dialog = .logSearch(LineEditor(state.log.filter.search ?? ""))
            return []
        case .character("o"):
            let cycle: [EntryOutcome?] = [nil] + EntryOutcome.filterable
            let index = cycle.firstIndex(of: state.log.filter.outcome) ?? 0
            state.log.filter.outcome = cycle[(index + 1) % cycle.count]
            return reload(&state)
        case .escape:
            guard state.log.filter != CallLogFilter() else { return [] }
            state.log.filter = CallLogFilter()
            state.status = StatusMessage("call log filter cleared", .info)
            return reload(&state)
        case .tab: state.pane = .form; return []
        case .backTab: state.pane = .preview; return []
        default: break
        }
        let count = state.log.entries.count
        guard count > 0 else { return [] }
        let selected = state.log.entries[min(state.log.selected, count - 1)]
        let height = max(1, Layout(state.size).innerHeight(of: .log, shown: state.pane) - 1)
        switch key {
        case .up: state.log.selected = max(0, state.log.selected - 1)
        case .down: state.log.selected = min(count - 1, state.log.selected + 1)
        case .pageUp: state.log.selected = max(0, state.log.selected - height)
        case .pageDown: state.log.selected = min(count - 1, state.log.selected + height)
        case .home: state.log.selected = 0
        case .end: state.log.selected = count - 1
        case .enter: state.dialog = .logEntry(selected, scroll: 0); return []
        case .character("r"): return reuse(&state, selected)
        case .character("e"):
            state.dialog = .filePrompt(.exportRequest(selected.requestJSON), LineEditor("request-\(selected.id ?? 0).json"))
            return []
        default: return []
        }
        // Read the next page before the operator reaches the end of what is loaded.
        if state.log.selected >= count - height, !state.log.loading, let total = state.log.total,
           total.isAtLeast || total.value > count, let last = state.log.entries.last {
            state.log.loading = true
            return [.loadMoreLog(filter: state.log.filter, after: CallLogCursor(after: last), limit: LogPaging.pageSize)]
        }
        return []
    }

    static func reload(_ state: inout AppState) -> [Effect] {
        state.log.loading = true
        state.log.selected = 0
        state.log.scroll = 0
        return [.loadLog(filter: state.log.filter, limit: LogPaging.pageSize)]
    }

    /// `r`: the entry's request into the form; the current form one Ctrl-Z away.
    static func reuse(_ state: inout AppState, _ entry: CallLogEntry) -> [Effect] {
        guard let json = entry.requestValue else { return [] }
        state.undoForm = state.form
        state.form = FormState.loading(json).form
        state.formChanged()
        state.dialog = nil
        state.pane = .form
        state.setFocus(state.form.focusOrder[0])
        state.status = StatusMessage("entry \(entry.id ?? 0)'s request is in the form; Ctrl-Z brings your previous form back", .success)
        return [.saveDraft(state.form)]
    }

    /// Keys of the search prompt.
    static func search(_ state: inout AppState, _ key: Key, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch key {
        case .escape: state.dialog = nil; return []
        case .enter:
            state.dialog = nil
            state.log.filter.search = editor.text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : editor.text
            return reload(&state)
        default:
            if TextKeys.apply(key, to: &editor, rule: .free, status: &state.status) { state.dialog = .logSearch(editor) }
            return []
        }
    }

    /// Keys of an open entry.
    static func entry(_ state: inout AppState, _ key: Key, entry: CallLogEntry, scroll: Int) -> [Effect] {
        switch key {
        case .escape, .enter, .character("q"): state.dialog = nil
        case .up: state.dialog = .logEntry(entry, scroll: max(0, scroll - 1))
        case .down: state.dialog = .logEntry(entry, scroll: scroll + 1)
        case .pageUp: state.dialog = .logEntry(entry, scroll: max(0, scroll - 10))
        case .pageDown: state.dialog = .logEntry(entry, scroll: scroll + 10)
        case .character("r"): return reuse(&state, entry)
        case .character("e"):
            state.dialog = .filePrompt(.exportRequest(entry.requestJSON), LineEditor("request-\(entry.id ?? 0).json"))
        case .character("c"):
            if let callID = entry.callID { return [.copyToClipboard(callID)] }
        default: break
        }
        return []
    }
}

import Foundation
