import CallEvents
import Localization

/// Every call to one client (numbers compared as the repeat guard compares them), newest
/// first, with what Exolve's events say of each: what `exocall log --client` prints.
public struct ClientHistory: Equatable, Sendable {
    /// The number as asked for.
    public var number: String
    /// The entries whose leg 2 rang that number, newest first.
    public var entries: [CallLogEntry]
    /// What the events say of their calls, by call_id.
    public var results: [String: CallResult]
    /// False when there were more than the limit (the oldest are left out).
    public var complete: Bool

    /// A history as found.
    public init(number: String, entries: [CallLogEntry], results: [String: CallResult], complete: Bool) {
        (self.number, self.entries, self.results, self.complete) = (number, entries, results, complete)
    }

    /// How many calls are shown.
    public var calls: Int { entries.count }

    /// How many of them connected.
    public var connected: Int {
        entries.filter { entry in entry.callID.flatMap { results[$0] }?.state == .connected }.count
    }

    /// The history in one line: "client N: 3 calls, 1 connected, last connected 3 days ago".
    public func summary(now: Int64, in say: UILanguage) -> String {
        var parts = [say(.clientCalls, ["count": "\(calls)"]) + (complete ? "" : "+"), say(.clientConnected, ["count": "\(connected)"])]
        if let last = lastConnected {
            let days = max(0, Int((now - last) / 86_400_000))
            parts.append(days == 0 ? say(.clientLastConnectedToday) : say(.clientLastConnectedDaysAgo, ["count": "\(days)"]))
        }
        return say(.clientSummary, ["number": number, "summary": parts.joined(separator: ", ")])
    }

    /// When the newest connected call was placed (Unix ms), if any.
    public var lastConnected: Int64? {
        entries.first { entry in entry.callID.flatMap { results[$0] }?.state == .connected }?.createdAt
    }
}

extension CallLogStore {
    /// Every call to `number` (at most `limit`, newest first): found through the log's search
    /// index by the number's last ten digits (so `+7…`, `8…` and `7…` all come up), then kept
    /// when a leg-2 number is the same number by the repeat guard's rule.
    public func clientHistory(_ number: String, limit: Int = 1000) async throws(CallLogError) -> ClientHistory {
        let wanted = RepeatGuard.key(number)
        guard !wanted.isEmpty else { return ClientHistory(number: number, entries: [], results: [:], complete: true) }
        let term = wanted.hasPrefix("sip") ? wanted : String(wanted.suffix(10))
        let filter = CallLogFilter(search: term)
        var found: [CallLogEntry] = []
        var cursor: CallLogCursor? = nil
        var complete = true
        while true {
            let page = try await page(filter, after: cursor, limit: 500)
            found += page.filter { entry in RepeatGuard.leg2Numbers(of: entry).contains { RepeatGuard.key($0) == wanted } }
            if found.count > limit { complete = false; break }
            guard page.count == 500, let last = page.last else { break }
            cursor = CallLogCursor(after: last)
        }
        let entries = Array(found.prefix(limit))
        return ClientHistory(number: number, entries: entries, results: try await results(of: entries), complete: complete)
    }
}
