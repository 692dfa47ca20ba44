import CallbackCore
import CallEvents
import CallLog
import CallLogPostgres
import ExolveClient
import Foundation
import GRDB
import PostgresTestSupport
import XCTest

/// The call events half of the store contract, on SQLite and PostgreSQL alike: each event once,
/// linked to its entry by uid = call_id, events of calls exocall did not place kept and listed.
final class CallEventStoreTests: XCTestCase {
    func event(_ uid: UInt64, _ side: String, _ type: String, _ second: Int, extra: String = "") -> CallEvent {
        let body = #"{"service":"callback","uid":\#(uid),"type":"\#(type)","event_side":"\#(side)","date_time":"2024-01-07T10:54:\#(second < 10 ? "0" : "")\#(second)Z"\#(extra)}"#
        guard case .success(let event) = CallEventParser.parse(Array(body.utf8)) else { fatalError(body) }
        return event
    }

    func testEachEventIsStoredOnceAndLinkedToItsEntryByCallID() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let placed: UInt64 = 7_149_714_791_827_935_000
            let id = try await store.begin(CallLogEntry(request: request(description: "ours"), mode: .live, endpointHost: "api.exolve.ru"))
            try await store.complete(id: id, with: SendResult(outcome: .placed(callID: String(placed), requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 5))
            let call = [event(placed, "A", "o", 1), event(placed, "A", "s", 4), event(placed, "B", "o", 5), event(placed, "B", "s", 9),
                        event(placed, "B", "d", 40, extra: #","cause":"16","duration":31000"#)]
            for event in call {
                let new = try await store.record(event, receivedAt: Date())
                XCTAssertTrue(new, "\(backend): \(event.identity) is new")
            }
            // The same event again, from this receiver or another process: stored once.
            let other = try await CallLogOpener.open(location)
            let again = try await other.record(call[2], receivedAt: Date())
            XCTAssertFalse(again, "\(backend): a second copy changes nothing")
            let stored = try await store.events(callIDs: [String(placed)])
            XCTAssertEqual(stored.count, call.count, "\(backend)")
            XCTAssertEqual(Set(stored.map(\.identity)), Set(call.map(\.identity)))
            XCTAssertEqual(CallResult.derive(stored).label(now: nil, in: .en), "connected 0:31", "\(backend): the raw body reads back whole")
            // A call exocall did not place: kept, listed, not linked.
            _ = try await store.record(event(42, "A", "o", 1), receivedAt: Date())
            let recent = try await store.recentEvents(limit: 10)
            XCTAssertEqual(recent.first?.event.uid, 42)
            XCTAssertNil(recent.first?.entryID, "\(backend): not exocall's call")
            XCTAssertEqual(recent.dropFirst().first?.entryID, id, "\(backend): linked by call_id")
            // Where evidence is looked for: leg A ringing a send's number in its window, of calls no entry claims.
            _ = try await store.record(event(43, "A", "o", 2, extra: #","number":"79990000001""#), receivedAt: Date())
            _ = try await store.record(event(placed, "A", "o", 3, extra: #","number":"79990000001""#), receivedAt: Date())
            let eventTime: Int64 = 1_704_624_843_000 // 2024-01-07T10:54:03Z
            let ringing = try await store.unclaimedRinging(numbers: ["79990000001", "79990000009"], in: (eventTime - 60_000)...eventTime, limit: 100)
            XCTAssertEqual(ringing, [UnknownEvidence.Sighting(uid: "43", side: .a, number: "79990000001", at: eventTime - 1000)],
                           "\(backend): only the call no entry claims, read from the stored fields")
            let otherNumber = try await store.unclaimedRinging(numbers: ["79990000009"], in: (eventTime - 60_000)...eventTime, limit: 100)
            XCTAssertEqual(otherNumber, [], "\(backend): another number")
            let outside = try await store.unclaimedRinging(numbers: ["79990000001"], in: (eventTime - 600_000)...(eventTime - 300_000), limit: 100)
            XCTAssertEqual(outside, [], "\(backend): nothing rang outside the window")
            let none = try await store.events(callIDs: ["1"])
            XCTAssertEqual(none, [])
            let sends = try await store.count(.all, cap: 100)
            XCTAssertEqual(sends.value, 1, "\(backend): events are not mixed into the log as sends")
            await other.close()
        }
    }

    func testAnEventWakesAnotherOperatorsPanel() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let other = try await CallLogOpener.open(location)
            let woken = Counter()
            let listener = Task { for await _ in store.changes(interval: .milliseconds(50)) { await woken.add() } }
            defer { listener.cancel() }
            var second = 0
            var saw = false
            while !saw && second < 40 {
                _ = try await other.record(event(7, "A", "o", second % 60), receivedAt: Date())
                second += 1
                saw = await eventually(.milliseconds(250)) { await woken.value >= 1 }
            }
            XCTAssertTrue(saw, "\(backend): an event stored by the receiver wakes the panels")
            await other.close()
        }
    }

    func testAResultFilterKeepsPlacedCallsWhoseEventsSayItAndPagesOn() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            // Six placed calls: 1 and 4 busy, 2 connected, 3 and 5 and 6 with no events yet (pending); one rejected send.
            var ids: [UInt64: Int64] = [:]
            for n in UInt64(1)...6 {
                let id = try await store.begin(CallLogEntry(request: request(description: n == 1 ? "first call" : "call \(n)"), mode: .live, endpointHost: "api.exolve.ru"))
                try await store.complete(id: id, with: SendResult(outcome: .placed(callID: String(n), requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 5))
                ids[n] = id
            }
            let refused = try await store.begin(CallLogEntry(request: request(description: "refused"), mode: .live, endpointHost: "api.exolve.ru"))
            try await store.complete(id: refused, with: SendResult(outcome: .rejected(status: 400, message: "no"), httpStatus: 400, rawBody: "{}", latencyMs: 5))
            for uid in [UInt64(1), 4] {
                for event in [event(uid, "A", "o", 1), event(uid, "A", "s", 2), event(uid, "B", "o", 3),
                              event(uid, "B", "d", 9, extra: #","cause":"17""#)] { _ = try await store.record(event, receivedAt: Date()) }
            }
            for event in [event(2, "A", "o", 1), event(2, "A", "s", 2), event(2, "B", "o", 3), event(2, "B", "s", 4),
                          event(2, "B", "d", 40, extra: #","cause":"16","duration":31000"#)] { _ = try await store.record(event, receivedAt: Date()) }

            let busy = try await store.page(.all, result: .busy, limit: 10)
            XCTAssertEqual(busy.entries.map(\.id), [ids[4], ids[1]], "\(backend): newest first")
            XCTAssertEqual(busy.results["4"]?.state, .busy)
            XCTAssertEqual(busy.total, MatchCount(value: 2, isAtLeast: false))
            let connected = try await store.page(.all, result: .connected, limit: 10)
            XCTAssertEqual(connected.entries.map(\.id), [ids[2]])
            XCTAssertEqual(connected.results["2"]?.talkSeconds, 31)
            // Pending: placed with no events; the rejected send is never a call.
            let pending = try await store.page(.all, result: .pending, limit: 2)
            XCTAssertEqual(pending.entries.map(\.id), [ids[6], ids[5]])
            XCTAssertEqual(pending.total?.isAtLeast, true, "\(backend): a full page may have more after it")
            let more = try await store.page(.all, result: .pending, after: CallLogCursor(after: pending.entries[1]), limit: 2)
            XCTAssertEqual(more.entries.map(\.id), [ids[3]], "\(backend): the next page goes on after the cursor")
            XCTAssertEqual(more.total, MatchCount(value: 1, isAtLeast: false), "\(backend): what this page found, and no more to come")
            // The other filters still apply; no result filter is the plain page with its results.
            let searched = try await store.page(CallLogFilter(search: "first"), result: .busy, limit: 10)
            XCTAssertEqual(searched.entries.map(\.id), [ids[1]])
            let all = try await store.page(.all, result: nil, limit: 10)
            XCTAssertEqual(all.entries.count, 7)
            XCTAssertEqual(all.total?.value, 7)
            XCTAssertEqual(Set(all.results.keys), ["1", "2", "4"])
            // A later page without a result filter is not counted again: the first page's count stands.
            let later = try await store.page(.all, result: nil, after: CallLogCursor(after: all.entries[2]), limit: 10)
            XCTAssertEqual(later.entries.map(\.id), Array(all.entries.dropFirst(3)).map(\.id), "\(backend)")
            XCTAssertNil(later.total)
        }
    }

    func testAClientsHistoryFindsEveryWayItsNumberWasWrittenOnBothBackends() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            var mine: [Int64] = []
            for number in ["89991112233", "79994445566", "9991112233", "79991112233"] {
                let call = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                               line1: Line(destinations: [Destination(number: "79990000001")]),
                                               line2: Line(destinations: [Destination(number: number)]))
                let id = try await store.begin(CallLogEntry(request: call, mode: .live, endpointHost: "api.exolve.ru"))
                if number.hasSuffix("1112233") { mine.append(id) }
            }
            let history = try await store.clientHistory("+7 999 111 22 33")
            XCTAssertEqual(history.entries.map(\.id), mine.reversed(), "\(backend): newest first, the other client left out")
            XCTAssertTrue(history.complete)
            let capped = try await store.clientHistory("79991112233", limit: 2)
            XCTAssertEqual(capped.calls, 2)
            XCTAssertFalse(capped.complete, "\(backend): more than the limit says so")
        }
    }

    func testTheCallHistorysTalkTimesFillInWhereThereAreNoEventsOnBothBackends() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            for callID in ["501", "502"] {
                let id = try await store.begin(CallLogEntry(request: request(description: callID), mode: .live, endpointHost: "api.exolve.ru"))
                try await store.complete(id: id, with: SendResult(outcome: .placed(callID: callID, requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 5))
            }
            for event in [event(502, "A", "o", 1), event(502, "A", "s", 2), event(502, "B", "o", 3), event(502, "B", "d", 9, extra: #","cause":"17""#)] {
                _ = try await store.record(event, receivedAt: Date())
            }
            let updated = try await store.recordTalkTimes(["501": 45, "502": 30, "999": 12], at: 1_800_000_000_000)
            XCTAssertEqual(updated, 2, "\(backend): calls exocall did not place are left out")
            let page = try await store.page(.all, limit: 10)
            XCTAssertEqual(page.first { $0.callID == "501" }?.historyTalkSeconds, 45, "\(backend)")
            let results = try await store.results(of: page)
            XCTAssertEqual(results["501"]?.label(now: nil, in: .en), "connected 0:45 (call history)", "\(backend)")
            XCTAssertEqual(results["502"]?.label(now: nil, in: .en), "client busy", "\(backend): the events win")
        }
    }

    /// An unknown send is linked to the unclaimed call that rang its numbers, found through the
    /// stored sightings; an event stored before sightings were (an older log) still counts; a
    /// call that rang the same operator but another client is not the send's.
    func testEvidenceFindsTheCallFromStoredSightingsAndFromEventsStoredBeforeThem() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let sentAt: Int64 = 1_704_624_840_000 // 2024-01-07T10:54:00Z
            try await store.bulkInsert([finishedEntry(number: "79990000001", at: sentAt, outcome: .unknown, description: "lost answer"),
                                        finishedEntry(number: "79990000002", at: sentAt, outcome: .unknown, description: "older log")])
            let sends = try await store.page(CallLogFilter(outcome: .unknown), limit: 10)
            let lost = try XCTUnwrap(sends.first { $0.requestDescription == "lost answer" }), older = try XCTUnwrap(sends.first { $0 != lost })
            // Another client's call on the same operator, a second later: refuted by leg B's number.
            for step in [event(61, "A", "o", 1, extra: #","number":"79990000001""#), event(61, "B", "o", 3, extra: #","number":"79000000000""#)] {
                _ = try await store.record(step, receivedAt: Date(timeIntervalSince1970: 1_704_624_841))
            }
            for step in [event(62, "A", "o", 2, extra: #","number":"79990000001""#), event(62, "A", "s", 4), event(62, "B", "o", 5, extra: #","number":"79590000000""#),
                         event(62, "B", "d", 40, extra: #","cause":"17""#)] {
                _ = try await store.record(step, receivedAt: Date(timeIntervalSince1970: 1_704_624_842))
            }
            // Written as an exocall before the sightings wrote it: the body only.
            let legacy = event(63, "A", "o", 6, extra: #","number":"79990000002""#)
            try backend.execute("INSERT INTO call_event (identity, uid, received_at, raw) VALUES ('\(legacy.identity)', '63', \(sentAt + 6000), '\(legacy.raw)')", at: location)
            let found = try await store.evidence(for: sends, now: sentAt + 3_600_000)
            XCTAssertEqual(found.links, [lost.id!: "62", older.id!: "63"], "\(backend)")
            XCTAssertEqual(found.results["62"]?.state, .busy, "\(backend): the linked call's result, from its whole events")
        }
    }

    /// A log from before the sightings, read without being upgraded (a file this user may not
    /// write): its events are read from their bodies and the evidence is still found.
    func testAnOlderLogReadWithoutUpgradingStillGivesEvidence() async throws {
        let path = scratchDatabase(self)
        let sentAt: Int64 = 1_704_624_840_000
        do {
            let store = try SQLiteCallLog.open(path: path)
            try await store.bulkInsert([finishedEntry(number: "79990000001", at: sentAt, outcome: .unknown, description: "lost answer")])
            for step in [event(71, "A", "o", 2, extra: #","number":"79990000001""#), event(71, "B", "o", 5, extra: #","number":"79590000000""#)] {
                _ = try store.record(step, receivedAt: Date(timeIntervalSince1970: 1_704_624_842))
            }
        }
        // Back to v6, as an exocall before the sightings left it.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                DROP INDEX call_event_ringing; DROP INDEX call_event_unread; CREATE INDEX call_event_by_time ON call_event (received_at);
                ALTER TABLE call_event DROP COLUMN side; ALTER TABLE call_event DROP COLUMN number; ALTER TABLE call_event DROP COLUMN event_at;
                DELETE FROM grdb_migrations WHERE identifier = 'v7: event sightings';
                """)
        }
        let reader = try XCTUnwrap(SQLiteCallLog.openForReading(path: path))
        let sends = try await reader.page(CallLogFilter(outcome: .unknown), limit: 10)
        let id = try XCTUnwrap(sends.first?.id)
        let found = try await reader.evidence(for: sends, now: sentAt + 3_600_000)
        XCTAssertEqual(found.links, [id: "71"])
        let upgraded = try await DatabaseQueue(path: path).read { try $0.columns(in: "call_event").contains { $0.name == "side" } }
        XCTAssertFalse(upgraded, "read, never upgraded")
    }
}
