import CallbackCore
import ExolveClient
import Foundation

/// Sends through the client with the call log's rule: the entry is written
/// before the request leaves, and completed with the outcome. If the entry
/// cannot be written, the request is not sent. The CLI and the TUI both send
/// through here.
public struct LoggedSender: Sendable {
    /// The client.
    public let client: ExolveClient
    /// The log; nil only when the operator opted out (`--no-log`).
    public let store: CallLogStore?
    /// live or demo.
    public let mode: CallMode

    /// Creates a sender.
    public init(client: ExolveClient, store: CallLogStore?, mode: CallMode) {
        self.client = client
        self.store = store
        self.mode = mode
    }

    /// What a logged send produced.
    public struct Outcome: Sendable {
        /// The send's result.
        public var result: SendResult
        /// The log entry's id (nil without a log).
        public var entryID: Int64?
        /// Set when the outcome could not be recorded (the call was still sent).
        public var logWarning: String?
    }

    /// Writes the entry, sends once, records the outcome. Throws (and sends
    /// nothing) only when the entry cannot be written.
    public func send(_ request: MakeCallbackRequest) async throws(CallLogError) -> Outcome {
        var entryID: Int64? = nil
        if let store {
            entryID = try store.begin(CallLogEntry(request: request, mode: mode, endpointHost: client.endpoint.host))
        }
        let result = await client.makeCallback(request)
        var warning: String? = nil
        if let store, let entryID {
            do {
                try store.complete(id: entryID, with: result)
            } catch {
                warning = "the outcome could not be recorded in the call log (entry \(entryID) will read as interrupted): \(error)"
            }
        }
        return Outcome(result: result, entryID: entryID, logWarning: warning)
    }
}
