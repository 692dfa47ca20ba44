import CallbackCore
import CallLog
import ExolveClient

/// The confirmation before a send, the outcome after it, and plain messages.
enum SendViews {
    static func confirm(_ request: MakeCallbackRequest, secondAsk: Bool, state: AppState, on canvas: inout TextCanvas) {
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let width = min(state.size.width - 2, 96) - 4
        var lines: [(String, Style)] = []
        /// A labelled fact, wrapped under its label so nothing that decides a send is cut.
        func fact(_ label: String, _ text: String, _ style: Style) {
            let pad = String(repeating: " ", count: 10)
            for (index, part) in TextWrap.lines(text, width: max(10, width - 10)).enumerated() {
                lines.append(((index == 0 ? label.padding(toLength: 10, withPad: " ", startingAt: 0) : pad) + part, style))
            }
        }
        switch state.target {
        case .demo(let host): fact("to", "DEMO stand-in at \(host): no real call is placed", Style(.demoBanner, bold: true))
        case .live(let host): fact("to", "\(host): a REAL call will be placed", Style(.warning, on: .surface, bold: true))
        }
        for (index, line) in request.lines.enumerated() {
            let logic = line.ringLogic ?? .sequential
            let numbers = line.destinations.map { "\($0.number) (rings \($0.timeout.map { "\($0) s" } ?? "\(Rules.defaultTimeout) s"))" }
                .joined(separator: logic == .sequential ? " → " : ", ")
            let how = logic == .sequential ? "one after another" : "all at once"
            fact("line \(index + 1)", numbers, body)
            fact("", "rings \(how)" + (line.ringLogic == nil ? " (default)" : ""), muted)
            fact("", "hears " + audioSummary(line.audio), muted)
        }
        let duration = request.duration.map { "\($0) s" } ?? "\(Rules.defaultDuration) s (default)"
        fact("duration", "at most \(duration)", body)
        if let description = request.requestDescription { fact("id", description, muted) }
        let warnings = state.validation.warnings
        if !warnings.isEmpty {
            lines.append(("", body))
            lines.append(("\(warnings.count) warning\(warnings.count == 1 ? "" : "s") (the request can still be sent):", Style(.warning, on: .surface, bold: true)))
            for warning in warnings {
                lines.append(("! \(ProblemPath.display(warning.path)): \(warning.message)", Style(.warning, on: .surface)))
            }
        }
        lines.append(("", body))
        let recent = state.recentAttempts
        if recent == nil {
            lines.append(("Checking the call log for recent calls to these numbers…", muted))
        } else if let recent, !recent.isEmpty {
            let bold = Style(.error, on: .surface, bold: true)
            for part in TextWrap.lines("This client was called within the last \(state.repeatWindow):", width: width) { lines.append((part, bold)) }
            for attempt in recent {
                for part in TextWrap.lines("• " + attempt.summary, width: width) { lines.append((part, Style(.error, on: .surface))) }
            }
            if recent.contains(where: \.mayBeRinging) {
                for part in TextWrap.lines("An earlier call's outcome is not known: it may be ringing the client right now.", width: width) {
                    lines.append((part, bold))
                }
            }
        }
        if secondAsk {
            let sameUnknown = state.unknownRequests.contains(request.canonicalJSON())
            let warning = sameUnknown
                ? "This very request was sent before and its outcome is UNKNOWN: the call may have been placed."
                : "Sending now may ring the same person twice."
            for part in TextWrap.lines(warning + " Check before ringing anyone again.", width: width) {
                lines.append((part, Style(.error, on: .surface, bold: true)))
            }
            lines.append(("y sends it anyway · Esc cancels", Style(.accent, on: .surface, bold: true)))
        } else {
            lines.append(("Enter or y sends · Esc cancels", Style(.accent, on: .surface, bold: true)))
        }
        DialogView.text(title: secondAsk ? "Send AGAIN?" : "Place this callback?", lines: lines, width: 96, state: state, on: &canvas)
    }

    static func audioSummary(_ audio: Audio?) -> String {
        switch audio {
        case nil: return "no message"
        case .media(let id)?: return "recording \(id)"
        case .tts(let tts)?:
            let voice = VoiceCatalog.voice(id: tts.effectiveVoice)
            let emotion = tts.effectiveEmotion.flatMap { voice?.label(forEmotion: $0) } ?? ""
            let text = tts.text.count > 60 ? String(tts.text.prefix(60)) + "…" : tts.text
            return "voice \(tts.effectiveVoice) \(voice?.name ?? "") \(emotion) · “\(text)”"
        }
    }

    static func outcome(_ call: SentCall, state: AppState, on canvas: inout TextCanvas) {
        var lines: [(String, Style)] = []
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        let title: String
        switch call.result.outcome {
        case .placed(let callID, let requestID):
            title = "PLACED"
            lines.append(("The callback is being placed.", Style(.success, on: .surface, bold: true)))
            lines.append(("call_id   \(callID)", Style(.text, on: .surface, bold: true)))
            if let requestID, !requestID.isEmpty { lines.append(("request   \(requestID)", muted)) }
            lines.append(("c copies the call_id to the clipboard", Style(.accent, on: .surface)))
        case .rejected(let status, let message):
            title = "REJECTED"
            lines.append(("Exolve refused the request (HTTP \(status)); nothing was placed.", Style(.error, on: .surface, bold: true)))
            lines.append((message, body))
            if !state.serverProblems.isEmpty { lines.append(("The field it names is marked in the form.", muted)) }
        case .notSent(let reason):
            title = "NOT SENT"
            lines.append(("Nothing reached Exolve: \(reason).", Style(.warning, on: .surface, bold: true)))
            lines.append(("It is safe to send again.", body))
        case .unknown(let reason):
            title = "OUTCOME UNKNOWN"
            lines.append(("The call MAY have been placed.", Style(.error, on: .surface, bold: true)))
            lines.append((reason, body))
            lines.append(("Check (the call log, the Exolve console) before sending again;", body))
            lines.append(("sending this same request again will ask twice.", body))
        }
        lines.append(("", body))
        var facts = ["\(call.result.latencyMs) ms"]
        if let status = call.result.httpStatus { facts.insert("HTTP \(status)", at: 0) }
        if let entry = call.entryID { facts.append("log entry \(entry)") }
        lines.append((facts.joined(separator: " · "), muted))
        if let warning = call.logWarning { lines.append((warning, Style(.warning, on: .surface))) }
        lines.append(("Enter or Esc closes", Style(.accent, on: .surface)))
        DialogView.text(title: title, lines: lines, width: 88, state: state, on: &canvas, titleRole: role(call.result.outcome))
    }

    static func role(_ outcome: SendOutcome) -> Role {
        switch outcome {
        case .placed: return .badgePlaced
        case .rejected: return .badgeRejected
        case .notSent: return .badgeNotSent
        case .unknown: return .badgeUnknown
        }
    }

}
