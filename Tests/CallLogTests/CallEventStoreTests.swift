import CallbackCore
import CallEvents
import CallLog
import CallLogPostgres
import ExolveClient
import Foundation
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
}
