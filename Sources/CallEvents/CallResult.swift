import Localization

/// One leg's life, from all of its events (in any order, duplicates included).
public struct LegProgress: Equatable, Sendable {
    /// When it started ringing (`o`).
    public var rangAt: Int64?
    /// When it answered (`s`).
    public var answeredAt: Int64?
    /// When it hung up (`h`).
    public var hungUpAt: Int64?
    /// Whether its end arrived (`h`, `d` or `e`).
    public var ended = false
    /// Whether a `d` arrived (its cause and times are known).
    public var defined = false
    /// The `d` event's Q.850 cause and `hangup_cause`.
    public var cause: Int?
    public var hangupCause: String?
    /// The `d` event's conversation and conversation-with-message, milliseconds.
    public var durationMs: Int64?
    public var fullDurationMs: Int64?
    /// Whether the conversation is recorded.
    public var recorded: Bool?
    /// Whether any event of this leg arrived.
    public var heard = false

    /// Answered: an `s` arrived, or the `d` counts a conversation.
    public var answered: Bool { answeredAt != nil || (durationMs ?? 0) > 0 }

    /// Whether its `e` arrived.
    public var closed = false
    /// Whether its cause can be told: a `d` or an `e` arrived (an `h` alone may be followed by its `d`).
    public var settled: Bool { defined || closed }

    /// The leg with `event` taken in. Order does not matter: each field keeps its own evidence
    /// (the earliest ring and answer, the latest hang-up, the largest durations).
    mutating func take(_ event: CallEvent) {
        heard = true
        let at = event.at ?? 0
        switch event.kind {
        case .originate: rangAt = min(rangAt ?? at, at)
        case .start: answeredAt = min(answeredAt ?? at, at)
        case .hungup:
            hungUpAt = max(hungUpAt ?? at, at)
            ended = true
        case .definition:
            defined = true
            ended = true
            cause = event.cause ?? cause
            hangupCause = event.hangupCause ?? hangupCause
            durationMs = max(durationMs ?? 0, event.durationMs ?? 0)
            fullDurationMs = max(fullDurationMs ?? 0, event.fullDurationMs ?? 0)
            recorded = event.recordCall ?? recorded
        case .end:
            closed = true
            ended = true
        }
    }
}

/// Where a call stands, as the log's `--result` filter names it.
public enum CallState: String, CaseIterable, Sendable {
    case pending, connected, busy
    case noAnswer = "no-answer"
    case failed
}

/// What happened to a call, derived from all of its events: the same set in any order
/// gives the same result, and a second copy of an event changes nothing.
public struct CallResult: Equatable, Sendable {
    /// A step of the call, finer than its state (what the log's result column says).
    public enum Stage: Equatable, Sendable {
        /// No event has arrived.
        case noEvents
        /// Leg A (the operator) is ringing.
        case ringingOperator
        /// Leg A answered; leg B not rung yet.
        case operatorAnswered
        /// Leg B (the client) is ringing.
        case ringingClient
        /// Both answered, still talking; since when (Unix ms).
        case talking(since: Int64?)
        /// Both answered and it ended: talk time in seconds.
        case connected(talkSeconds: Int)
        /// A leg was busy.
        case busy(CallEvent.Side)
        /// A leg did not answer.
        case noAnswer(CallEvent.Side)
        /// A leg declined the call (Q.850 21).
        case declined(CallEvent.Side)
        /// A leg's ringing was cancelled (Q.850 16 with no answer: the other side hung up first).
        case cancelled(CallEvent.Side)
        /// Leg A answered and hung up before leg B was rung.
        case clientNeverRung
        /// A leg failed, with its cause.
        case failed(CallEvent.Side, cause: Int?, hangupCause: String?)
    }

    /// Leg A (line_1, the operator) and leg B (line_2, the client).
    public var a = LegProgress()
    public var b = LegProgress()
    /// Where it stands.
    public var stage: Stage = .noEvents
    /// Known from Exolve's call history (a talk time only), not from events.
    public var fromCallHistory = false

    /// A call Exolve's call history says talked `seconds` (nil when it says no talk: that
    /// alone does not tell busy from no answer or a failure).
    public static func callHistory(talkSeconds seconds: Int) -> CallResult? {
        guard seconds > 0 else { return nil }
        var result = CallResult()
        result.stage = .connected(talkSeconds: seconds)
        result.fromCallHistory = true
        return result
    }

    /// A call no event has been heard of yet.
    public init() {}

    /// The state the `--result` filter and `log --json` use.
    public var state: CallState {
        switch stage {
        case .noEvents, .ringingOperator, .operatorAnswered, .ringingClient, .talking: return .pending
        case .connected: return .connected
        case .busy: return .busy
        case .noAnswer: return .noAnswer
        case .declined, .cancelled, .clientNeverRung, .failed: return .failed
        }
    }

    /// The talk time in seconds, once the call connected and ended.
    public var talkSeconds: Int? {
        if case .connected(let seconds) = stage { return seconds }
        return nil
    }

    /// The results of the calls `events` belong to, by call_id.
    public static func byCall<S: Sequence>(_ events: S) -> [String: CallResult] where S.Element == CallEvent {
        Dictionary(grouping: events, by: \.callID).mapValues { derive($0) }
    }

    /// The result of `events` (any order, duplicates harmless).
    public static func derive<S: Sequence>(_ events: S) -> CallResult where S.Element == CallEvent {
        var result = CallResult()
        var seen = Set<String>()
        for event in events where seen.insert(event.identity).inserted {
            switch event.side {
            case .a: result.a.take(event)
            case .b: result.b.take(event)
            }
        }
        result.stage = stage(a: result.a, b: result.b)
        return result
    }

    private static func stage(a: LegProgress, b: LegProgress) -> Stage {
        guard a.heard || b.heard else { return .noEvents }
        // B is rung only after A answered: any sign of B means A answered.
        let aAnswered = a.answered || b.heard
        if b.answered {
            guard b.ended else { return .talking(since: b.answeredAt) }
            if let ms = b.durationMs, b.defined { return .connected(talkSeconds: Int((ms + 500) / 1000)) }
            if let from = b.answeredAt, let to = b.hungUpAt, to >= from { return .connected(talkSeconds: Int((to - from + 500) / 1000)) }
            return .connected(talkSeconds: 0)
        }
        if b.settled { return ended(.b, b) }
        if b.heard { return .ringingClient }
        if !aAnswered {
            return a.settled ? ended(.a, a) : .ringingOperator
        }
        return a.settled ? .clientNeverRung : .operatorAnswered
    }

    /// A leg that ended without answering: its cause decides.
    private static func ended(_ side: CallEvent.Side, _ leg: LegProgress) -> Stage {
        switch leg.cause {
        case 17?: return .busy(side)
        case 18?, 19?: return .noAnswer(side)
        case 21?: return .declined(side)
        case 16?: return .cancelled(side)
        default: return .failed(side, cause: leg.cause, hangupCause: leg.hangupCause)
        }
    }
}
