import CallbackCore
import CallLogModel
import ExolveModel
import Localization

/// F5 and everything after it: confirmation, the send in flight, the outcome.
enum SendCommands {
    /// F5 pressed on the main screen.
    static func start(_ state: inout AppState) -> [Effect] {
        if state.sending.inFlight != nil {
            state.status = StatusMessage(state.language(.sendInFlight), .warning)
            return []
        }
        if case .noKey(let help) = state.sending.availability {
            state.dialog = .message(title: state.language(.noKeyTitle), text: help.text(state.language))
            return []
        }
        guard let request = state.validation.request else {
            let count = state.validation.problems.count
            state.dialog = .problems(selected: 0)
            state.status = StatusMessage(state.language(.sendFixFirst, ["count": "\(count)"]), .error)
            return []
        }
        state.dialog = .confirmSend(request, secondAsk: false)
        guard !state.sending.repeatWindow.isOff else {
            state.sending.recentAttempts = []
            return []
        }
        state.sending.recentAttempts = nil
        return [.checkRepeat(request, window: state.sending.repeatWindow)]
    }

    /// A command while the confirmation is open (the table lets only y send on the second ask).
    static func confirm(_ state: inout AppState, _ command: Command, request: MakeCallbackRequest, secondAsk: Bool) -> [Effect] {
        switch command {
        case .no, .close:
            state.dialog = nil
            state.status = StatusMessage(state.language(.sendCancelled), .info)
            return []
        case .yes:
            let recent = state.sending.recentAttempts ?? []
            if !secondAsk && (!recent.isEmpty || state.sending.unknownRequests.contains(request.canonicalJSON())) {
                state.dialog = .confirmSend(request, secondAsk: true)
                return []
            }
            state.dialog = nil
            state.sending.inFlight = InFlight(startedAt: state.now, request: request)
            // The guard looks again as the entry is written: an attempt made meanwhile
            // (by another exocall) holds the send rather than ringing the client twice.
            return [.send(request, acknowledged: Set(recent.map(\.entryID)), window: state.sending.repeatWindow)]
        default:
            return []
        }
    }

    /// A send finished.
    static func finished(_ state: inout AppState, _ call: SentCall) -> [Effect] {
        let request = state.sending.inFlight?.request
        state.sending.inFlight = nil
        state.sending.lastSent = call
        state.dialog = .outcome(call)
        let key = request?.canonicalJSON()
        switch call.result.outcome {
        case .placed(let callID, _):
            if let key { state.sending.unknownRequests.remove(key) }
            state.status = StatusMessage(state.language(.sendPlaced, ["callID": callID]), .success)
        case .rejected(let status, let message):
            state.fields.serverProblems = fieldProblems(in: message, state: state)
            state.status = StatusMessage(state.language(.sendRejected, ["status": "\(status)", "message": message]), .error)
        case .notSent(let reason):
            state.status = StatusMessage(state.language(.sendNotSent, ["reason": reason.text(state.language)]), .warning)
        case .unknown(let reason):
            if let key { state.sending.unknownRequests.insert(key) }
            state.status = StatusMessage(state.language(.sendUnknown, ["reason": reason.text(state.language)]), .error)
        }
        return [.loadLog(filter: state.log.filter, limit: max(LogPaging.pageSize, state.log.entries.count))]
    }

    /// Fields a rejection message names: a JSON path (`line_1.destinations[0].timeout`)
    /// or the vendor's Go-style name (`MakeCallbackRequest.Line_1`, `NumberCode`).
    static func fieldProblems(in message: String, state: AppState) -> [ValidationProblem] {
        let paths = state.form.focusOrder.map(\.path).sorted { $0.count > $1.count }
        if let path = paths.first(where: { message.contains($0) }) {
            return [ValidationProblem(path: path, text: .phrase(.serverRefusedField, ["message": .verbatim(message)]))]
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
        return [ValidationProblem(path: field.path, text: .phrase(.serverRefusedNamedField, ["field": .verbatim(snake), "message": .verbatim(message)]))]
    }

    /// A command while an outcome is shown.
    static func outcome(_ state: inout AppState, _ command: Command, call: SentCall) -> [Effect] {
        switch command {
        case .copyCallID:
            guard let callID = call.result.outcome.callID else { return [] }
            state.status = StatusMessage(state.language(.callIDCopied, ["callID": callID]), .success)
            return [.copyToClipboard(callID)]
        case .close:
            state.dialog = nil
        default: break
        }
        return []
    }
}
