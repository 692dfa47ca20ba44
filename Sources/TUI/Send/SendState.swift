import CallLogModel
import CallbackCore
import ExolveModel
import Localization

/// A finished send as the outcome dialog shows it.
public struct SentCall: Equatable, Sendable {
    /// What happened.
    public var result: SendResult
    /// The log entry written for it.
    public var entryID: Int64?
    /// Set when the outcome could not be recorded.
    public var logWarning: Localized?

    /// Creates a finished send.
    public init(result: SendResult, entryID: Int64?, logWarning: Localized?) {
        self.result = result
        self.entryID = entryID
        self.logWarning = logWarning
    }
}

/// Whether F5 can send, and if not, why.
public enum SendAvailability: Equatable, Sendable {
    /// A client is configured.
    case ready
    /// No API key: the message says how to provide one.
    case noKey(Localized)
}

/// The send in progress.
public struct InFlight: Equatable, Sendable {
    /// When it started (seconds, the loop's clock).
    public var startedAt: Double
    /// The request sent.
    public var request: MakeCallbackRequest
    /// What it waits for now.
    public var stage: SendStage = .recording

    /// Creates a send in flight.
    public init(startedAt: Double, request: MakeCallbackRequest) {
        self.startedAt = startedAt
        self.request = request
    }
}

/// Where requests go, shown in the header.
public enum SendTarget: Equatable, Sendable {
    /// The in-process stand-in.
    case demo(host: String)
    /// A real endpoint host.
    case live(host: String)
}
