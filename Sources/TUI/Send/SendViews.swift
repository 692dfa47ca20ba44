import CallbackCore
import CallLog
import ExolveClient

/// The confirmation before a send, the outcome after it, and plain messages.
enum SendViews {
    static func confirm(_ request: MakeCallbackRequest, secondAsk: Bool, state: AppState, on canvas: inout TextCanvas) {
        var lines: [(String, Style)] = []
        let body = Style(.text, on: .surface)
        let muted = Style(.muted, on: .surface)
        switch state.target {
        case .demo(let host): lines.append(("to        DEMO stand-in at \(host): no real call is placed", Style(.demoBanner, bold: true)))
        case .live(let host): lines.append(("to        \(host): a REAL call will be placed", Style(.warning, on: .surface, bold: true)))
        }
        for (index, line) in request.lines.enumerated() {
            let logic = line.ringLogic ?? .sequential
            let numbers = line.destinations.map(\.number).joined(separator: logic == .sequential ? " → " : ", ")
            let how = logic == .sequential ? "one after another" : "all at once"
            lines.append(("line \(index + 1)    \(numbers)", body))
            lines.append(("          rings \(how)" + (line.ringLogic == nil ? " (default)" : ""), muted))
            lines.append(("          hears " + audioSummary(line.audio), muted))
        }
        let duration = request.duration.map { "\($0) s" } ?? "\(Rules.defaultDuration) s (default)"
        lines.append(("duration  at most \(duration)", body))
        if let description = request.requestDescription { lines.append(("id        \(description)", muted)) }
        lines.append(("", body))
        if secondAsk {
            lines.append(("This very request was sent before and its outcome is UNKNOWN:", Style(.error, on: .surface, bold: true)))
            lines.append(("the call may have been placed. Check before ringing anyone twice.", Style(.error, on: .surface)))
            lines.append(("y sends it again · Esc cancels", Style(.accent, on: .surface, bold: true)))
        } else {
            lines.append(("Enter or y sends · Esc cancels", Style(.accent, on: .surface, bold: true)))
        }
        DialogView.text(title: secondAsk ? "Send AGAIN?" : "Place this callback?", lines: lines, width: 88, state: state, on: &canvas)
    }

    static func audioSummary(_ audio: Audio?) -> String {
        switch audio {
        case nil: return "no message"
        case .media(let id)?: return "recording \(id)"
        case .tts(let tts)?:
            let voice = VoiceCatalog.voice(id: tts.effectiveVoice)
            let emotion = tts.effectiveEmotion.flatMap { voice?.label(forEmotion: $0) } ?? ""
            let text = tts.text.count > 40 ? String(tts.text.prefix(40)) + "…" : tts.text
            return "“\(text)” · voice \(tts.effectiveVoice) \(voice?.name ?? "") \(emotion)"
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
            lines += TextWrap.lines(message, width: 80).map { ($0, body) }
            if !state.serverProblems.isEmpty { lines.append(("The field it names is marked in the form.", muted)) }
        case .notSent(let reason):
            title = "NOT SENT"
            lines.append(("Nothing reached Exolve: \(reason).", Style(.warning, on: .surface, bold: true)))
            lines.append(("It is safe to send again.", body))
        case .unknown(let reason):
            title = "OUTCOME UNKNOWN"
            lines.append(("The call MAY have been placed.", Style(.error, on: .surface, bold: true)))
            lines += TextWrap.lines(reason, width: 80).map { ($0, body) }
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
