import CallbackCore
import CallLog
import ExolveClient
import ExolveStub
import Foundation
import GRDB
import XCTest

/// What only the SQLite backend does: sweeping on open, data_version, files it must not touch.
final class SQLiteCallLogTests: XCTestCase {
    func testEntryOfADeadProcessReadsAsInterruptedAndIsSweptByTheNextWriter() throws {
        let path = scratchDatabase(self)
        let store = try SQLiteCallLog.open(path: path)
        var entry = CallLogEntry(request: request(), mode: .live, endpointHost: "h")
        entry.ownerPID = Int32.max - 1 // no such process
        let id = try store.begin(entry)
        let read = try XCTUnwrap(store.entry(id: id))
        XCTAssertEqual(read.effectiveOutcome(), .unknown)
        XCTAssertEqual(read.effectiveMessage(), CallLogEntry.interruptedMessage)
        _ = try SQLiteCallLog.open(path: path)
        let swept = try XCTUnwrap(store.entry(id: id))
        XCTAssertEqual(swept.outcome, .unknown)
        XCTAssertTrue(swept.message?.hasPrefix("interrupted") ?? false)
    }

    func testTwoStoresWritingAtOnceLoseNothing() async throws {
        let path = scratchDatabase(self)
        let a = try SQLiteCallLog.open(path: path)
        let b = try SQLiteCallLog.open(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in [a, b] {
                group.addTask {
                    for n in 0..<150 {
                        let id = try store.begin(CallLogEntry(request: request(number: "7999\(String(format: "%07d", n))"), mode: .demo, endpointHost: "h"))
                        try store.complete(id: id, with: SendResult(outcome: .placed(callID: "\(id)", requestID: nil), httpStatus: 200, rawBody: nil, latencyMs: 1))
                    }
                }
            }
            try await group.waitForAll()
        }
        let placed = try await a.count(CallLogFilter(outcome: .placed)).value
        let all = try await b.page(.all, limit: 1000).count
        XCTAssertEqual(placed, 300)
        XCTAssertEqual(all, 300)
    }

    func testChangeMarkerMovesOnBeginAndComplete() throws {
        let path = scratchDatabase(self)
        let store = try SQLiteCallLog.open(path: path)
        let other = try SQLiteCallLog.open(path: path)
        let m0 = try store.changeMarker()
        let id = try other.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h"))
        let m1 = try store.changeMarker()
        try other.complete(id: id, with: SendResult(outcome: .notSent(reason: "r"), httpStatus: nil, rawBody: nil, latencyMs: 1))
        let m2 = try store.changeMarker()
        XCTAssertNotEqual(m0, m1)
        XCTAssertNotEqual(m1, m2)
    }
}

final class CallLogSafetyTests: XCTestCase {
    func testGarbageFileIsReportedAndLeftUntouched() throws {
        let path = scratchDatabase(self)
        let garbage = Data("these are my notes, not a database\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: garbage)
        XCTAssertThrowsError(try SQLiteCallLog.open(path: path)) { error in
            guard case .corrupt(let reported, _)? = error as? CallLogError else { return XCTFail("\(error)") }
            XCTAssertEqual(reported, path)
            XCTAssertTrue("\(error)".contains("mv \(path)"))
        }
        XCTAssertThrowsError(try SQLiteCallLog.openForReading(path: path))
        XCTAssertEqual(bytes(path), garbage)
    }

    func testDamagedDatabaseIsReportedAndLeftUntouched() throws {
        let path = scratchDatabase(self)
        do {
            let store = try SQLiteCallLog.open(path: path)
            try store.bulkInsert((0..<200).map { finishedEntry(number: "7999000\(String(format: "%04d", $0))", at: Int64($0)) })
        }
        // Checkpoint into the main file, then overwrite the second half with noise.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        var data = bytes(path)
        for index in (data.count / 2)..<data.count { data[index] = UInt8(index % 251) }
        try data.write(to: URL(fileURLWithPath: path))
        let before = bytes(path)
        var failed = false
        do {
            let store = try SQLiteCallLog.open(path: path)
            _ = try store.page(CallLogFilter(search: "7999"), limit: 500)
            _ = try store.page(.all, limit: 500)
        } catch {
            failed = true
            XCTAssertTrue("\(error)".contains(path), "\(error)")
        }
        XCTAssertTrue(failed, "a damaged database must be reported")
        XCTAssertEqual(bytes(path), before, "a damaged database must not be rewritten")
    }

    func testForeignSQLiteDatabaseIsNotAdopted() throws {
        let path = scratchDatabase(self)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')") }
        try queue.close()
        let before = bytes(path)
        XCTAssertThrowsError(try SQLiteCallLog.open(path: path)) { error in
            XCTAssertTrue("\(error)".contains("not an exocall call log"), "\(error)")
        }
        XCTAssertEqual(bytes(path), before)
    }

    func testNewerSchemaIsReportedAndLeftUntouched() throws {
        let path = scratchDatabase(self)
        _ = try SQLiteCallLog.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        try queue.close()
        let before = bytes(path)
        XCTAssertThrowsError(try SQLiteCallLog.open(path: path)) { error in
            XCTAssertEqual(error as? CallLogError, .newerSchema(path: path))
        }
        XCTAssertThrowsError(try SQLiteCallLog.openForReading(path: path))
        XCTAssertEqual(bytes(path), before)
    }

    func testReadOnlyStoreReadsAndRefusesWrites() throws {
        let path = scratchDatabase(self)
        do {
            let store = try SQLiteCallLog.open(path: path)
            try store.bulkInsert([finishedEntry(number: "79991234567", at: 1000)])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let reader = try XCTUnwrap(SQLiteCallLog.openForReading(path: path))
        XCTAssertTrue(reader.isReadOnly)
        XCTAssertEqual(try reader.page(.all, limit: 10).count, 1)
        XCTAssertEqual(try reader.count(CallLogFilter(search: "4567")).value, 1)
        XCTAssertThrowsError(try reader.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h")))
        XCTAssertNil(try SQLiteCallLog.openForReading(path: path + ".missing"))
    }

    func testTheAPIKeyIsInNoByteOfTheDatabase() async throws {
        let path = scratchDatabase(self)
        let key = "key-that-must-not-persist-31f9"
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let store = try SQLiteCallLog.open(path: path)
        for description in ["a", "stub:403", "stub:504", "stub:garbage"] {
            let sender = LoggedSender(client: ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey(key)!), store: store, mode: .demo)
            _ = try await sender.send(request(description: description))
        }
        let wrongKey = LoggedSender(client: ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey(key + "-wrong")!), store: store, mode: .demo)
        _ = try await wrongKey.send(request(description: "w"))
        let count = try await store.count(.all).value
        XCTAssertEqual(count, 5)
        let folder = (path as NSString).deletingLastPathComponent
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let data = bytes(folder + "/" + file)
            XCTAssertNil(data.range(of: Data(key.utf8)), "\(file) holds the key")
            XCTAssertNil(data.range(of: Data("Bearer".utf8)), "\(file) holds an Authorization header")
        }
    }

    func testNoEntryMeansNothingIsSent() async throws {
        let path = scratchDatabase(self)
        let server = StubServer()
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let store = try SQLiteCallLog.open(path: path)
        let reader = try XCTUnwrap(SQLiteCallLog.openForReading(path: path))
        _ = store
        let sender = LoggedSender(client: ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey("k")!), store: reader, mode: .demo)
        do {
            _ = try await sender.send(request())
            XCTFail("a send whose entry cannot be written must not happen")
        } catch {}
        let count = await server.received.count
        XCTAssertEqual(count, 0)
    }
}
