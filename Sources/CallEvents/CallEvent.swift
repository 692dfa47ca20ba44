import CallbackCore

/// One of Exolve's callback call events: one leg's step (it rings, answers, hangs up,
/// ends with a cause), as POSTed to the application's event URL.
public struct CallEvent: Equatable, Hashable, Sendable {
    /// Which leg: A is `line_1` (rung first, e.g. the operator), B is `line_2` (the client).
    public enum Side: String, CaseIterable, Sendable {
        case a = "A", b = "B"
    }

    /// What happened, by Exolve's one-letter code.
    public enum Kind: String, CaseIterable, Sendable {
        /// Originate: the leg starts ringing.
        case originate = "o"
        /// Start: the leg answered.
        case start = "s"
        /// Hungup: the leg hung up or was disconnected.
        case hungup = "h"
        /// Definition: the leg ended, with its cause and times.
        case definition = "d"
        /// End: the leg's end.
        case end = "e"
    }

    /// The call's id, the same in every event of one call: the log entry's `call_id` in decimal.
    public var uid: UInt64
    /// Which leg.
    public var side: Side
    /// What happened.
    public var kind: Kind
    /// When it happened, as sent (RFC 3339); part of the event's identity.
    public var dateTime: String
    /// `date_time` in Unix milliseconds, when it reads as RFC 3339.
    public var at: Int64?
    /// The number this leg dialled.
    public var number: String?
    /// `call_sid`.
    public var callSID: String?
    /// A `d` event's Q.850 cause code (`cause`, sent as a string).
    public var cause: Int?
    /// A `d` event's `hangup_cause` (`NORMAL_CLEARING`, `USER_BUSY`...), as sent.
    public var hangupCause: String?
    /// A `d` event's `duration`: the conversation, milliseconds.
    public var durationMs: Int64?
    /// A `d` event's `full_duration`: the conversation with the message played, milliseconds.
    public var fullDurationMs: Int64?
    /// A `d` event's `wait_time`: how long leg A waited for B to answer, milliseconds.
    public var waitMs: Int64?
    /// A `d` event's `started` and `ended` (Unix milliseconds).
    public var startedAt: Int64?
    public var endedAt: Int64?
    /// `record_call`: whether the conversation is recorded.
    public var recordCall: Bool?
    /// The body as received (unknown fields are kept here).
    public var raw: String

    /// The identity of an event (the spec's ruling): a second copy changes nothing.
    public var identity: String { "\(uid)|\(side.rawValue)|\(kind.rawValue)|\(dateTime)" }

    /// The `call_id` of the log entry the event belongs to.
    public var callID: String { String(uid) }

    /// An event with only what identifies it (tests, the stand-in); the rest is optional.
    public init(uid: UInt64, side: Side, kind: Kind, dateTime: String, raw: String = "") {
        self.uid = uid
        self.side = side
        self.kind = kind
        self.dateTime = dateTime
        self.at = RFC3339.milliseconds(dateTime)
        self.raw = raw
    }
}
