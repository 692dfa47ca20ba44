import CallbackCore
import ExolveClient
import FoundationEssentials
import Glibc
import Localization

/// Sends through the client with the call log's rule: the entry is written
/// before the request leaves, and completed with the outcome. If the entry
/// cannot be written, the request is not sent. The CLI and the TUI both send
/// through here.
public struct LoggedSender: Sendable {
    /// The client.
    public let client: ExolveClient
    /// The log; nil only when the operator opted out (`--no-log`).
    public let store: (any CallLogStore)?
    /// live or demo.
    public let mode: CallMode
    /// Who is sending, stamped on every entry.
    public let operatorName: String
    /// Where an outcome the log cannot take right now is kept until it can.
    public let pending: PendingOutcomes

    /// Creates a sender.
    public init(client: ExolveClient, store: (any CallLogStore)?, mode: CallMode, operatorName: String = Operator.fallback,
                pending: PendingOutcomes = .standard()) {
        self.client = client
        self.store = store
        self.mode = mode
        self.operatorName = operatorName
        self.pending = pending
    }

    /// The entry for `request`, due back within the client's timeout.
    private func entry(for request: MakeCallbackRequest) -> CallLogEntry {
        CallLogEntry(request: request, mode: mode, endpointHost: client.endpoint.host, operatorName: operatorName, timeout: client.timeout)
    }

    /// What a logged send produced.
    public struct Outcome: Sendable {
        /// The send's result.
        public var result: SendResult
        /// The log entry's id (nil without a log).
        public var entryID: Int64?
        /// Set when the outcome could not be recorded (the call was still sent).
        public var logWarning: Localized?
        /// Whether the outcome waits on this machine for the log (`PendingOutcomes`).
        public var outcomePending = false
    }

    /// What a guarded send did.
    public enum Guarded: Sendable {
        /// Sent (once), with its outcome.
        case sent(Outcome)
        /// Held by the repeat guard: nothing was sent, nothing written.
        case held([RecentAttempt])
    }

    /// Writes the entry unless the repeat guard holds it (earlier attempts to a
    /// leg-2 number within `window` that are not `acknowledged`), then sends once
    /// and records the outcome. Without a log there is nothing to guard with.
    /// Throws (and sends nothing) only when the entry cannot be written.
    /// `stage` hears what the send is waiting for as it moves on.
    public func send(_ request: MakeCallbackRequest, window: RepeatWindow, acknowledged: Set<Int64> = [],
                     stage: @Sendable (SendStage) -> Void = { _ in }) async throws(CallLogError) -> Guarded {
        var entryID: Int64? = nil
        if let store {
            stage(.recording)
            switch try await store.begin(entry(for: request), guardedBy: window, leg2: RepeatGuard.leg2Numbers(request), acknowledged: acknowledged) {
            case .held(let attempts): return .held(attempts)
            case .begun(let id): entryID = id
            }
        }
        return .sent(await finish(request, entryID: entryID, stage: stage))
    }

    /// Writes the entry, sends once, records the outcome. Throws (and sends
    /// nothing) only when the entry cannot be written.
    public func send(_ request: MakeCallbackRequest) async throws(CallLogError) -> Outcome {
        var entryID: Int64? = nil
        if let store {
            entryID = try await store.begin(entry(for: request))
        }
        return await finish(request, entryID: entryID)
    }

    private func finish(_ request: MakeCallbackRequest, entryID: Int64?, stage: @Sendable (SendStage) -> Void = { _ in }) async -> Outcome {
        stage(.requesting)
        let result = await client.makeCallback(request)
        var warning: Localized? = nil
        var kept = false
        if let store, let entryID {
            stage(.recordingOutcome)
            do {
                try await store.complete(id: entryID, with: result)
            } catch {
                // The answer is in hand: it is kept here and written once the log is back,
                // and the message says first what matters (whether the call was placed).
                let reason: Localized
                if case .unavailable(let location, let detail) = error {
                    reason = .phrase(.logUnreachableReason, ["location": .verbatim(location), "detail": detail])
                } else {
                    reason = .error(error)
                }
                kept = pending.keep(result, entryID: entryID, location: store.location)
                let values: [String: Localized] = ["id": "\(entryID)", "reason": reason, "callID": .verbatim(result.outcome.callID ?? "")]
                switch (kept, result.outcome.callID != nil) {
                case (true, true): warning = .phrase(.logWarningPlacedKept, values)
                case (true, false): warning = .phrase(.logWarningKept, values)
                case (false, true): warning = .phrase(.logWarningPlacedNotRecorded, values)
                case (false, false): warning = .phrase(.logWarningNotRecorded, values)
                }
            }
        }
        return Outcome(result: result, entryID: entryID, logWarning: warning, outcomePending: kept)
    }
}
