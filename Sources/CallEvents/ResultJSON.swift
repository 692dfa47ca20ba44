import CallbackCore

extension CallResult {
    /// The result as `log --json` carries it: `state` (pending, connected, busy, no-answer,
    /// failed), `talk_seconds` once connected, and per leg (`A`, `B`) whether it answered and
    /// its cause (Q.850 code and hangup_cause) once known.
    public var jsonValue: JSONValue {
        func leg(_ progress: LegProgress) -> JSONValue {
            var members: [JSONValue.Member] = [.init("answered", .bool(progress.answered))]
            if let cause = progress.cause { members.append(.init("cause", .number(String(cause)))) }
            if let hangup = progress.hangupCause { members.append(.init("hangup_cause", .string(hangup))) }
            if let ms = progress.durationMs, ms > 0 { members.append(.init("duration_ms", .number(String(ms)))) }
            return .object(members)
        }
        var members: [JSONValue.Member] = [.init("state", .string(state.rawValue))]
        members.append(.init("talk_seconds", talkSeconds.map { .number(String($0)) } ?? .null))
        members.append(.init("legs", .object([.init("A", leg(a)), .init("B", leg(b))])))
        members.append(.init("source", .string(fromCallHistory ? "call_history" : "events")))
        return .object(members)
    }
}

extension CallEvent {
    /// The event as received, as JSON (its body, read leniently as it was accepted); the uid is kept as written.
    public var jsonValue: JSONValue {
        (try? JSONParser.parse(Array(raw.utf8), trailingCommas: true)) ?? .object([.init("uid", .string(callID))])
    }
}
