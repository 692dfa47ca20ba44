import CallbackCore
import CallLogModel
import Localization

/// What the send feature keeps between keys: where requests go, whether F5 can send, the send in
/// flight, the last outcome, and what the repeat guard answered.
public struct SendingState: Equatable, Sendable {
    /// Where requests go.
    public var target: SendTarget
    /// Whether F5 can send.
    public var availability: SendAvailability = .ready
    /// The send in flight, if any.
    public var inFlight: InFlight? = nil
    /// The last send's outcome (the launcher reports it after a quit that waited for it).
    public var lastSent: SentCall? = nil
    /// Set when the operator chose to quit once the send in flight has its outcome.
    public var quitAfterSend = false
    /// How far back the repeat guard looks (the config's repeat_window).
    public var repeatWindow = RepeatWindow.standard
    /// Earlier attempts to the confirmed request's leg-2 numbers, as the call log
    /// answered; nil while the log has not answered yet.
    public var recentAttempts: [RecentAttempt]? = nil
    /// Why the call log could not answer the repeat guard (it is unreachable): the
    /// confirmation says so instead of showing an empty list.
    public var repeatCheckFailure: Localized? = nil
    /// Canonical JSON of requests whose last send had an unknown outcome: sending one again asks twice.
    public var unknownRequests: Set<String> = []

    /// Nothing sent yet, to `target`.
    public init(target: SendTarget) {
        self.target = target
    }
}
