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

    func testAPastedPageAsASearchIsBoundedOnBothBackends() async throws {
        XCTAssertEqual(SearchTerms.words(String(repeating: "ab ", count: 30_000)).count, SearchTerms.maximumWords)
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert([finishedEntry(number: "79590000002", at: 1_764_000_000_000, callID: "1", description: "ab order")])
            let start = ContinuousClock.now
            let found = try await store.page(CallLogFilter(search: String(repeating: "ab ", count: 30_000) + "order"), limit: 10)
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(2), "\(backend)")
            XCTAssertEqual(found.count, 1, "\(backend): the first words still match")
            await store.close()
        }
    }

    func testAFloodOfNotificationsIsCoalesced() async throws {
        guard Backend.available.contains(.postgres) else { throw XCTSkip("no PostgreSQL here") }
        let cluster = try requirePostgres()
        let name = try cluster.createDatabase()
        addTeardownBlock { _ = try? cluster.sql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let store = try await CallLogOpener.open(cluster.url(database: name))
        let changes = store.changes(interval: .milliseconds(200))
        let seen = Seen()
        // A consumer as slow as a reload: what arrives meanwhile must wait as one change, not 50,000.
        let counter = Task {
            for await _ in changes {
                seen.add()
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        // Wait until the listener is there: a notification then wakes it.
        let listening = await eventually(.seconds(10)) {
            (try? cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'", database: name))?.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
        }
        XCTAssertTrue(listening)
        try cluster.sql("SELECT pg_notify('exocall_call', i::text) FROM generate_series(1, 50000) AS i", database: name)
        // Settled: no new change for a second (each would otherwise keep coming for 40 minutes).
        var last = -1, quiet = 0
        let deadline = ContinuousClock.now + .seconds(30)
        while quiet < 10, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            let now = seen.count
            quiet = now == last ? quiet + 1 : 0
            last = now
        }
        counter.cancel()
        await store.close()
        XCTAssertEqual(quiet, 10, "the changes never settled: \(seen.count) so far")
        XCTAssertLessThan(seen.count, 500, "each of 50,000 notifications was a change to reload")
    }
}

/// A count kept across tasks.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
