import CallbackCore
import CallLogModel
import ExolveModel
import Localization

/// F5 and everything after it: confirmation, the send in flight, the outcome.
enum SendCommands {
    /// F5 pressed on the main screen.
    static func start(_ sending: inout SendingState, validation: ValidationResult, context: ScreenContext) -> Reply {
        let language = context.language
        if sending.inFlight != nil { return .status(StatusMessage(language(.sendInFlight), .warning)) }
        if case .noKey(let help) = sending.availability {
            return .show(.message(title: language(.noKeyTitle), text: help.text(language)))
        }
        guard let request = validation.request else {
            let count = validation.problems.count
            return Reply(dialog: .show(.problems(.list(selected: 0))), status: StatusMessage(language(.sendFixFirst, ["count": "\(count)"]), .error))
        }
        sending.repeatCheckFailure = nil
        guard !sending.repeatWindow.isOff else {
            sending.recentAttempts = []
            return .show(.send(.confirm(request, secondAsk: false)))
        }
        sending.recentAttempts = nil
        return Reply(effects: [.checkRepeat(request, window: sending.repeatWindow)], dialog: .show(.send(.confirm(request, secondAsk: false))))
    }

    /// A command while a send dialog is open.
    static func reduce(_ sending: inout SendingState, _ dialog: SendDialog, _ command: Command, context: ScreenContext) -> Reply {
        switch dialog {
        case .confirm(let request, let secondAsk): return confirm(&sending, command, request: request, secondAsk: secondAsk, context: context)
        case .outcome(let call): return outcome(command, call: call, context: context)
        }
    }

    /// A command while the confirmation is open (the table lets only y send on the second ask).
    private static func confirm(_ sending: inout SendingState, _ command: Command, request: MakeCallbackRequest, secondAsk: Bool,
                                context: ScreenContext) -> Reply {
        switch command {
        case .no, .close:
            return Reply(dialog: .close, status: StatusMessage(context.language(.sendCancelled), .info))
        case .log(.clientHistory):
            // The guard's list in full: every call to this client (F5 asks again afterwards).
            return ClientHistoryView.open(RepeatGuard.leg2Numbers(request).first ?? "")
        case .yes where sending.repeatCheckFailure != nil:
            // The log could not be checked: nothing is sent; y asks the log again.
            sending.repeatCheckFailure = nil
            sending.recentAttempts = nil
            return Reply(effects: [.checkRepeat(request, window: sending.repeatWindow)],
                         status: StatusMessage(context.language(.confirmCheckingAgain), .info))
        case .yes:
            let recent = sending.recentAttempts ?? []
            if !secondAsk && (!recent.isEmpty || sending.unknownRequests.contains(request.canonicalJSON())) {
                return .show(.send(.confirm(request, secondAsk: true)))
            }
            sending.inFlight = InFlight(startedAt: context.now, request: request)
            // The guard looks again as the entry is written: an attempt made meanwhile
            // (by another exocall) holds the send rather than ringing the client twice.
            return Reply(effects: [.send(request, acknowledged: Set(recent.map(\.entryID)), window: sending.repeatWindow)], dialog: .close)
        default:
            return .none
        }
    }

    /// A send finished: the outcome is shown, the log read again; a rejection's named fields are marked.
    static func finished(_ sending: inout SendingState, _ call: SentCall, editing: inout FormEditing, log: LogPanelState,
                         context: ScreenContext) -> Reply {
        let language = context.language
        let request = sending.inFlight?.request
        sending.inFlight = nil
        sending.lastSent = call
        let key = request?.canonicalJSON()
        let status: StatusMessage
        switch call.result.outcome {
        case .placed(let callID, _):
            if let key { sending.unknownRequests.remove(key) }
            status = StatusMessage(language(.sendPlaced, ["callID": callID]), .success)
        case .rejected(let code, let message):
            editing.fields.serverProblems = fieldProblems(in: message, editing: editing)
            status = StatusMessage(language(.sendRejected, ["status": "\(code)", "message": message]), .error)
        case .notSent(let reason):
            status = StatusMessage(language(.sendNotSent, ["reason": reason.text(language)]), .warning)
        case .unknown(let reason):
            if let key { sending.unknownRequests.insert(key) }
            status = StatusMessage(language(.sendUnknown, ["reason": reason.text(language)]), .error)
        }
        return Reply(effects: [.loadLog(filter: log.filter, result: log.resultFilter, limit: max(LogPaging.pageSize, log.entries.count))],
                     dialog: .show(.send(.outcome(call))), status: status)
    }

    /// Fields a rejection message names: a JSON path (`line_1.destinations[0].timeout`)
    /// or the vendor's Go-style name (`MakeCallbackRequest.Line_1`, `NumberCode`).
    static func fieldProblems(in message: String, editing: FormEditing) -> [ValidationProblem] {
        let paths = editing.form.focusOrder.map(\.path).sorted { $0.count > $1.count }
        if let path = paths.first(where: { message.contains($0) }) {
            return [ValidationProblem(path: path, text: .phrase(.serverRefusedField, ["message": .verbatim(message)]))]
        }
        guard let range = message.firstRange(of: "MakeCallbackRequest.") else { return [] }
        let name = message[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        var snake = ""
        for character in name {
            if character.isUppercase, !snake.isEmpty, snake.last != "_" { snake += "_" }
            snake += character.lowercased()
        }
        let field = editing.field(forProblemAt: snake)
        guard snake.isEmpty == false, field.path.hasPrefix(snake) else { return [] }
        return [ValidationProblem(path: field.path, text: .phrase(.serverRefusedNamedField, ["field": .verbatim(snake), "message": .verbatim(message)]))]
    }

    /// `n` after a placed call: the same request for the next client. Leg 2's numbers and the
    /// description are cleared (the rest stays: operator leg, audio, resource), leg 2's first
    /// number focused; Ctrl-Z brings the last client back.
    static func nextClient(_ form: FormState, context: ScreenContext) -> Reply {
        var next = form
        next.requestDescription = ""
        next.lines[1].destinations = [DestinationForm()]
        next.clearRaw(under: FieldID.addDestination(line: 1).path)
        next.clearRaw(at: FieldID.requestDescription.path)
        return Reply(dialog: .close, status: StatusMessage(context.language(.nextClientReady), .success), pane: .form,
                     focus: .destinationNumber(line: 1, index: 0), loadForm: next)
    }

    /// A command while an outcome is shown.
    private static func outcome(_ command: Command, call: SentCall, context: ScreenContext) -> Reply {
        switch command {
        case .copyCallID:
            guard let callID = call.result.outcome.callID else { return .none }
            return Reply(effects: [.copyToClipboard(callID)], status: StatusMessage(context.language(.callIDCopied, ["callID": callID]), .success))
        case .close: return .close
        default: return .none
        }
    }
}
