import CallbackCore
import CallEvents
import ExolveModel
import FoundationEssentials
import Glibc

/// The durable call history every send writes to before its request leaves.
/// Every user of the log (send, the TUI panel, `exocall log`, export, the repeat
/// guard) talks to this interface; `SQLiteCallLog` (one operator's file, the
/// default) and `PostgresCallLog` (a team's shared database) implement it and
/// pass the same contract tests.
public protocol CallLogStore: AnyObject, Sendable {
    /// Where the log is, as messages name it (never with a password).
    var location: String { get }
    /// Whether it was opened for reading only.
    var isReadOnly: Bool { get }

    /// Writes a `sending` entry and returns its id. Call before the request leaves:
    /// if this throws, the request must not be sent.
    func begin(_ entry: CallLogEntry) async throws(CallLogError) -> Int64

    /// Writes a `sending` entry unless the repeat guard holds it, atomically with
    /// every other writer of the log: two senders to the same client at once get
    /// one entry and one hold. Attempts in `acknowledged` do not hold it.
    func begin(_ entry: CallLogEntry, guardedBy window: RepeatWindow, leg2 numbers: [String],
               acknowledged: Set<Int64>, now: Date) async throws(CallLogError) -> GuardedBegin

    /// The attempts within `window` before `now` that count against sending to the leg-2 `numbers`.
    func recentAttempts(against numbers: [String], window: RepeatWindow, now: Date) async throws(CallLogError) -> [RecentAttempt]

    /// Records the outcome of the send that `begin` returned `id` for.
    func complete(id: Int64, with result: SendResult, now: Date) async throws(CallLogError)

    /// Inserts many finished entries at once (imports, benchmarks).
    func bulkInsert(_ entries: [CallLogEntry]) async throws(CallLogError)

    /// One entry by id.
    func entry(id: Int64) async throws(CallLogError) -> CallLogEntry?

    /// Up to `limit` entries matching `filter`, newest first, after `cursor`.
    func page(_ filter: CallLogFilter, after cursor: CallLogCursor?, limit: Int) async throws(CallLogError) -> [CallLogEntry]

    /// How many entries match, counted up to `cap`.
    func count(_ filter: CallLogFilter, cap: Int) async throws(CallLogError) -> MatchCount

    /// What the panel opens with: the first `limit` entries matching `filter` and how many
    /// match (up to `cap`), as `page` and `count` give them. A backend may answer both
    /// from one pass over its index (the default asks `page`, then `count`).
    func firstPage(_ filter: CallLogFilter, limit: Int, cap: Int) async throws(CallLogError) -> (entries: [CallLogEntry], total: MatchCount)

    /// Wakes whenever any process (on any machine sharing the log) begins or
    /// completes a send, until the stream is dropped or the log closed.
    /// `interval` is how often a backend without notifications looks.
    func changes(interval: Duration) -> AsyncStream<Void>

    /// Stores one of Exolve's call events once (by its identity): true when it was new, false
    /// for a second copy (which changes nothing). Returns only once the event is durable.
    func record(_ event: CallEvent, receivedAt: Date) async throws(CallLogError) -> Bool

    /// The events of the calls whose `call_id`s are given (every event of each, any order).
    func events(callIDs: [String]) async throws(CallLogError) -> [CallEvent]

    /// The newest `limit` events received, each with the entry it belongs to (nil: a call
    /// exocall did not place, kept and listed, never mixed into the log as a send).
    func recentEvents(limit: Int) async throws(CallLogError) -> [StoredEvent]

    /// Up to `limit` sightings of leg A ringing one of `numbers` at a time within `window`
    /// (Unix ms), of calls no entry has as its call_id: the candidates for an unknown send's
    /// call. Read from the fields stored beside each event, not its body; an event stored
    /// before those fields were (an older log) is read from its body when it was received in
    /// `window`, and may be any sighting (the caller keeps those that ring).
    func unclaimedRinging(numbers: [String], in window: ClosedRange<Int64>, limit: Int) async throws(CallLogError) -> [UnknownEvidence.Sighting]

    /// Adds a note or a disposition to the entry `annotation.entryID` names: kept beside every
    /// earlier one, and made the entry's latest (empty text clears it). The entry's request and
    /// outcome never change; its search words take the note in. Throws `noSuchEntry` for no entry.
    func annotate(_ annotation: Annotation) async throws(CallLogError)

    /// Every note and disposition ever given to an entry, oldest first.
    func annotations(entryID: Int64) async throws(CallLogError) -> [Annotation]

    /// Records talk times from Exolve's call history (call_id → seconds) on the entries with
    /// those call_ids, stamped `at`; returns how many entries took one. The entries of `asked`
    /// (asked about, not listed) are only stamped. Calls exocall did not place are left out;
    /// the request, the outcome and any events are untouched.
    func recordTalkTimes(_ seconds: [String: Int], asked: [String], at: Int64) async throws(CallLogError) -> Int

    /// Closes the log's connections.
    func close() async
}

/// An event as the log keeps it: when it came, and the entry it belongs to.
public struct StoredEvent: Equatable, Sendable {
    /// The event.
    public var event: CallEvent
    /// When the receiver stored it (Unix ms).
    public var receivedAt: Int64
    /// The log entry whose call_id is its uid, if exocall placed the call.
    public var entryID: Int64?

    /// An event as stored.
    public init(event: CallEvent, receivedAt: Int64, entryID: Int64?) {
        self.event = event
        self.receivedAt = receivedAt
        self.entryID = entryID
    }
}

extension CallEvent {
    /// The event from a body the log kept (it was accepted once, so it reads again; nil if a
    /// hand-edited row no longer does).
    public static func stored(_ raw: String) -> CallEvent? {
        if case .success(let event) = CallEventParser.parse(Array(raw.utf8)) { return event }
        return nil
    }
}

extension CallLogStore {
    /// Writes a guarded `sending` entry now; see `begin(_:guardedBy:leg2:acknowledged:now:)`.
    public func begin(_ entry: CallLogEntry, guardedBy window: RepeatWindow, leg2 numbers: [String],
                      acknowledged: Set<Int64> = []) async throws(CallLogError) -> GuardedBegin {
        try await begin(entry, guardedBy: window, leg2: numbers, acknowledged: acknowledged, now: Date())
    }

    /// The attempts within `window` before now that count against sending to `numbers`.
    public func recentAttempts(against numbers: [String], window: RepeatWindow) async throws(CallLogError) -> [RecentAttempt] {
        try await recentAttempts(against: numbers, window: window, now: Date())
    }

    /// Records an outcome now.
    public func complete(id: Int64, with result: SendResult) async throws(CallLogError) {
        try await complete(id: id, with: result, now: Date())
    }

    /// The first page.
    public func page(_ filter: CallLogFilter, limit: Int) async throws(CallLogError) -> [CallLogEntry] {
        try await page(filter, after: nil, limit: limit)
    }

    /// How many entries match, up to 10,000.
    public func count(_ filter: CallLogFilter) async throws(CallLogError) -> MatchCount {
        try await count(filter, cap: 10_000)
    }

    /// The first page and the count, one after the other.
    public func firstPage(_ filter: CallLogFilter, limit: Int, cap: Int) async throws(CallLogError) -> (entries: [CallLogEntry], total: MatchCount) {
        (try await page(filter, after: nil, limit: limit), try await count(filter, cap: cap))
    }

    /// The first page and how many match, up to 10,000.
    public func firstPage(_ filter: CallLogFilter, limit: Int) async throws(CallLogError) -> (entries: [CallLogEntry], total: MatchCount) {
        try await firstPage(filter, limit: limit, cap: 10_000)
    }

    /// Every entry matching `filter`, newest first, read a page at a time.
    public func forEach(_ filter: CallLogFilter, pageSize: Int = 500, _ body: (CallLogEntry) throws -> Void) async throws {
        var cursor: CallLogCursor? = nil
        while true {
            let entries = try await page(filter, after: cursor, limit: pageSize)
            for entry in entries { try body(entry) }
            guard entries.count == pageSize, let last = entries.last else { return }
            cursor = CallLogCursor(after: last)
        }
    }
}
