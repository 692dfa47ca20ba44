import CallEvents

/// Which calls the TUI asks Exolve's call history about by itself (`call_history = "auto"`):
/// placed in the last day, at least two minutes ago (a receiver's events would have come),
/// with no result from events, and not asked about in the last ten minutes.
public enum CallHistorySync {
    /// How far back the TUI looks.
    public static let horizon: Int64 = 24 * 60 * 60 * 1000
    /// How long after placing a call its events are waited for first.
    public static let grace: Int64 = 2 * 60 * 1000
    /// How long before a call is asked about again.
    public static let again: Int64 = 10 * 60 * 1000

    /// The start of the window to ask for (a minute before the oldest call wanting a result), or nil.
    public static func window(_ entries: [CallLogEntry], results: [String: CallResult], now: Int64) -> Int64? {
        let wanting = entries.filter { entry in
            guard entry.effectiveOutcome() == .placed, let id = entry.callID, results[id] == nil else { return false }
            guard entry.createdAt <= now - grace, entry.createdAt >= now - horizon else { return false }
            return entry.historyAt.map { now - $0 >= again } ?? true
        }
        return wanting.map(\.createdAt).min().map { $0 - 60_000 }
    }
}
