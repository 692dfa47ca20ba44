import CallEvents

/// A page of the log with what Exolve's events say of its calls.
public struct ResultPage: Sendable {
    /// The entries, newest first.
    public var entries: [CallLogEntry]
    /// What the events say of their calls, by call_id (only calls with events).
    public var results: [String: CallResult]
    /// How many entries match: exact without a result filter (nil for a later page: the first
    /// page's count stands, and counting again a common word's matches on every page scrolled
    /// cost a second pass over them); with one, at least what this page found.
    public var total: MatchCount?
}

/// How many entries a result filter looks through at most (a result is decided
/// from the events, not by the database, so this bounds the scan).
public let resultScanLimit = 20_000

extension CallLogStore {
    /// Records talk times from the call history (nothing only asked about).
    public func recordTalkTimes(_ seconds: [String: Int], at: Int64) async throws(CallLogError) -> Int {
        try await recordTalkTimes(seconds, asked: [], at: at)
    }

    /// What Exolve's events say of `entries`' calls, by call_id.
    /// Calls with no events take what Exolve's call history recorded on the entry, if anything.
    public func results(of entries: [CallLogEntry]) async throws(CallLogError) -> [String: CallResult] {
        let ids = entries.compactMap(\.callID)
        guard !ids.isEmpty else { return [:] }
        let byCall = Dictionary(grouping: try await events(callIDs: ids), by: \.callID)
        var found: [String: CallResult] = [:]
        for entry in entries {
            guard let id = entry.callID, found[id] == nil, let result = entry.result(events: byCall[id] ?? []) else { continue }
            found[id] = result
        }
        return found
    }

    /// A page of entries matching `filter` and, when `result` is set, placed calls whose
    /// events say that state (a placed call with no events yet is `pending`). The one
    /// query the command line's `--result` and the panel's `o` share.
    public func page(_ filter: CallLogFilter, result wanted: CallState?, after cursor: CallLogCursor? = nil,
                     limit: Int) async throws(CallLogError) -> ResultPage {
        guard let wanted else {
            if cursor == nil {
                let (entries, total) = try await firstPage(filter, limit: limit)
                return ResultPage(entries: entries, results: try await results(of: entries), total: total)
            }
            let entries = try await page(filter, after: cursor, limit: limit)
            return ResultPage(entries: entries, results: try await results(of: entries), total: nil)
        }
        var placed = filter
        placed.outcome = .placed
        var next = cursor
        var scanned = 0
        var found: [CallLogEntry] = []
        var results: [String: CallResult] = [:]
        var exhausted = false
        // A small first batch (a common result fills a page from it), doubling while it does not.
        var batch = min(500, max(50, limit + limit / 2))
        while found.count < limit {
            guard scanned < resultScanLimit else { break }
            let asked = batch
            let page = try await page(placed, after: next, limit: asked)
            batch = min(2000, batch * 2)
            if page.isEmpty { exhausted = true; break }
            scanned += page.count
            next = page.last.map(CallLogCursor.init(after:))
            let said = try await self.results(of: page)
            for entry in page where (entry.callID.flatMap { said[$0] }?.state ?? .pending) == wanted {
                found.append(entry)
                if let id = entry.callID, let result = said[id] { results[id] = result }
            }
            if page.count < asked { exhausted = found.count <= limit; break }
        }
        let entries = Array(found.prefix(limit))
        return ResultPage(entries: entries, results: results, total: MatchCount(value: entries.count, isAtLeast: !exhausted))
    }
}

extension CallLogEntry {
    /// What happened to this entry's call: from its events, else the talk time Exolve's call
    /// history gave it (the one rule `results(of:)` and `exocall log show` share).
    public func result(events: [CallEvent]) -> CallResult? {
        if !events.isEmpty { return CallResult.derive(events) }
        guard callID != nil, let seconds = historyTalkSeconds else { return nil }
        return CallResult.callHistory(talkSeconds: seconds)
    }
}
