import Localization

extension CallResult {
    /// The result in a few words, as the log's result column and the guard's list say it
    /// (`ringing client…`, `talking 0:12`, `connected 0:45`, `client busy`, `failed: number does not exist`).
    /// `now` (Unix ms) makes a live call's talk time count.
    public func label(now: Int64?, in language: UILanguage) -> String {
        let words = eventsLabel(now: now, in: language)
        return fromCallHistory ? language(.resultFromCallHistory, ["result": words]) : words
    }

    private func eventsLabel(now: Int64?, in language: UILanguage) -> String {
        func bySide(_ side: CallEvent.Side, _ op: Phrase, _ client: Phrase) -> String { language(side == .a ? op : client) }
        switch stage {
        case .noEvents: return language(.resultNoEvents)
        case .ringingOperator: return language(.resultRingingOperator)
        case .operatorAnswered: return language(.resultOperatorAnswered)
        case .ringingClient: return language(.resultRingingClient)
        case .talking(let since):
            let seconds = since.flatMap { from in now.map { max(0, Int(($0 - from) / 1000)) } } ?? 0
            return language(.resultTalking, ["time": Self.clock(seconds)])
        case .connected(let seconds): return language(.resultConnected, ["time": Self.clock(seconds)])
        case .busy(let side): return bySide(side, .resultOpBusy, .resultClientBusy)
        case .noAnswer(let side): return bySide(side, .resultOpNoAnswer, .resultClientNoAnswer)
        case .declined(let side): return bySide(side, .resultOpDeclined, .resultClientDeclined)
        case .cancelled(let side): return bySide(side, .resultOpCancelled, .resultClientCancelled)
        case .clientNeverRung: return language(.resultClientNeverRung)
        case .failed(let side, let cause, _):
            return language(side == .a ? .resultOpFailed : .resultClientFailed, ["cause": Self.causeName(cause, in: language)])
        }
    }

    /// The result in a badge's width (≤ 10 columns), where the log has no room for a result
    /// column: `ringing…`, `▶ 0:12`, `✓ 0:45`, `busy`, `no answer`, `failed`; nil before any event.
    public func shortLabel(now: Int64?, in language: UILanguage) -> String? {
        switch stage {
        case .noEvents: return nil
        case .ringingOperator, .operatorAnswered, .ringingClient: return language(.shortRinging)
        case .talking(let since):
            let seconds = since.flatMap { from in now.map { max(0, Int(($0 - from) / 1000)) } } ?? 0
            return language(.shortTalking, ["time": Self.clock(seconds)])
        case .connected(let seconds): return language(.shortConnected, ["time": Self.clock(seconds)])
        case .busy: return language(.shortBusy)
        case .noAnswer: return language(.shortNoAnswer)
        case .declined: return language(.shortDeclined)
        case .cancelled, .clientNeverRung, .failed: return language(.shortFailed)
        }
    }

    /// A cause's name in `language` ("user busy"), its number when it has none, or "cause unknown".
    public static func causeName(_ cause: Int?, in language: UILanguage) -> String {
        guard let cause else { return language(.resultCauseUnknown) }
        return Q850.name(cause, in: language) ?? language(.resultCauseNumber, ["code": "\(cause)"])
    }

    /// A cause in full for the entry view: `user busy (Q.850 17, USER_BUSY)`.
    public static func causeInFull(_ cause: Int?, hangupCause: String?, in language: UILanguage) -> String {
        var codes: [String] = []
        if let cause { codes.append("Q.850 \(cause)") }
        if let hangupCause, !hangupCause.isEmpty { codes.append(hangupCause) }
        return causeName(cause, in: language) + (codes.isEmpty ? "" : " (" + codes.joined(separator: ", ") + ")")
    }

    /// Seconds as a clock: `0:45`, `12:03`, `1:02:03`.
    public static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}

extension CallState {
    /// The state as a filter names it: `connected`, `no answer`, `result pending`.
    public func word(in language: UILanguage) -> String {
        switch self {
        case .pending: return language(.resultStatePending)
        case .connected: return language(.resultStateConnected)
        case .busy: return language(.resultStateBusy)
        case .noAnswer: return language(.resultStateNoAnswer)
        case .failed: return language(.resultStateFailed)
        }
    }
}
