import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import Foundation
import GRDB
import XCTest

/// Issue #27: one planted row must not stop anyone reading the rest. Any role
/// that may INSERT on the team log, or anyone who can write the SQLite file,
/// can put what they like in a row.
final class PlantedRowTests: XCTestCase {
    /// A placed entry at `createdAt` (any Int64), finished at `finishedAt`.
    func planted(createdAt: Int64, finishedAt: Int64?, deadlineAt: Int64? = nil, number: String = "79590000001") -> CallLogEntry {
        var entry = finishedEntry(number: number, at: 1_764_000_000_000, callID: "1592485880698592018")
        entry.createdAt = createdAt
        entry.finishedAt = finishedAt
        entry.deadlineAt = deadlineAt
        return entry
    }

    func testTimesAtInt64sEndsAreReadAndShownAsInvalidOnBothBackends() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert([
                planted(createdAt: .min, finishedAt: .min, deadlineAt: .min),
                planted(createdAt: .max, finishedAt: .max, deadlineAt: .max),
                finishedEntry(number: "79590000002", at: 1_764_000_000_000, callID: "1"),
            ])
            let entries = try await store.page(.all, limit: 10)
            XCTAssertEqual(entries.count, 3, "\(backend): every row is read, the good one too")
            for entry in entries {
                _ = entry.jsonValue(includeRaw: true)
                _ = entry.effectiveOutcome()
                _ = Timestamp.local(entry.createdAt)
                _ = entry.finishedAt.map { Timestamp.local($0) }
            }
            let invalid = entries.filter { !Timestamp.isValid($0.createdAt) }
            XCTAssertEqual(invalid.count, 2, "\(backend)")
            XCTAssertTrue(invalid.allSatisfy { Timestamp.iso($0.createdAt).hasPrefix("invalid") })
            // The repeat guard reads them too, without trapping.
            let attempts = RepeatGuard.attempts(against: ["79590000000"], in: entries, now: Date())
            XCTAssertEqual(attempts.count, 3)
            _ = attempts.map { $0.summary.text(.en) }
            var count = 0
            try await store.forEach(.all) { _ in count += 1 }
            XCTAssertEqual(count, 3)
            await store.close()
        }
    }

    func testASQLiteRowWithTextAndBlobsWhereNumbersBelongIsReadNotThrownOn() async throws {
        let path = scratchDatabase(self)
        let store = try SQLiteCallLog.open(path: path)
        try store.bulkInsert([finishedEntry(number: "79590000002", at: 1_764_000_000_000, callID: "1")])
        await store.close()
        // What SQLite's dynamic typing lets anyone with the file write.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO call (created_at, finished_at, mode, endpoint_host, request_json, request_description,
                  line_1_numbers, line_2_numbers, outcome, http_status, call_id, latency_ms, exocall_version, owner_pid, deadline_at)
                VALUES ('yesterday', x'00ff', 'live', 'h', '{}', x'c3', '7', '7', 'placed', 'two hundred', 42, 1e300, 'v',
                        99999999999, 'soon')
                """)
        }
        let reader = try XCTUnwrap(try SQLiteCallLog.openForReading(path: path))
        let entries = try await reader.page(.all, limit: 10)
        XCTAssertEqual(entries.count, 2, "the planted row does not hide the good one")
        let odd = try XCTUnwrap(entries.first { $0.endpointHost == "h" })
        XCTAssertFalse(Timestamp.isValid(odd.createdAt))
        XCTAssertNil(odd.httpStatus, "text in an integer column reads as absent")
        XCTAssertNil(odd.latencyMs)
        XCTAssertEqual(odd.ownerPID, 0, "a pid past Int32 reads as none")
        XCTAssertEqual(odd.callID, "42", "a number in a text column reads as its digits")
        let again = try await reader.entry(id: odd.id!)
        XCTAssertNotNil(again)
        await reader.close()
    }
}
