import CallbackCore
import CallLog
import ExolveClient
import ExolveStub
import Foundation
import GRDB
import XCTest

final class CallLogStoreTests: XCTestCase {
    func testBeginWritesSendingThenCompleteRecordsTheOutcome() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        let id = try store.begin(CallLogEntry(request: request(description: "d"), mode: .live, endpointHost: "api.exolve.ru"))
        XCTAssertEqual(try store.entry(id: id)?.outcome, .sending)
        XCTAssertEqual(try store.entry(id: id)?.effectiveOutcome(), .sending, "our own process is alive: in flight, not interrupted")
        try store.complete(id: id, with: SendResult(outcome: .placed(callID: "1890033117915127808", requestID: "d"),
                                                    httpStatus: 200, rawBody: "{}", latencyMs: 12))
        let entry = try XCTUnwrap(store.entry(id: id))
        XCTAssertEqual(entry.outcome, .placed)
        XCTAssertEqual(entry.callID, "1890033117915127808")
        XCTAssertEqual(entry.httpStatus, 200)
        XCTAssertEqual(entry.latencyMs, 12)
        XCTAssertNotNil(entry.finishedAt)
        XCTAssertEqual(entry.requestJSON, request(description: "d").canonicalJSON())
        XCTAssertEqual(try store.page(CallLogFilter(search: "18900331"), limit: 5).map(\.id), [id], "call_id is searchable once known")
    }

    func testEntryOfADeadProcessReadsAsInterruptedAndIsSweptByTheNextWriter() throws {
        let path = scratchDatabase(self)
        let store = try CallLogStore.open(path: path)
        var entry = CallLogEntry(request: request(), mode: .live, endpointHost: "h")
        entry.ownerPID = Int32.max - 1 // no such process
        let id = try store.begin(entry)
        let read = try XCTUnwrap(store.entry(id: id))
        XCTAssertEqual(read.effectiveOutcome(), .unknown)
        XCTAssertEqual(read.effectiveMessage(), CallLogEntry.interruptedMessage)
        _ = try CallLogStore.open(path: path)
        let swept = try XCTUnwrap(store.entry(id: id))
        XCTAssertEqual(swept.outcome, .unknown)
        XCTAssertTrue(swept.message?.hasPrefix("interrupted") ?? false)
    }

    func testPagingIsKeysetNewestFirstWithoutGapsOrRepeats() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        try store.bulkInsert((0..<25).map { finishedEntry(number: "7999000\(String(format: "%04d", $0))", at: 1_000_000 + Int64($0) * 1000) })
        var seen: [Int64] = []
        var cursor: CallLogCursor? = nil
        var sizes: [Int] = []
        repeat {
            let page = try store.page(.all, after: cursor, limit: 10)
            sizes.append(page.count)
            seen += page.map(\.createdAt)
            cursor = page.last.map(CallLogCursor.init(after:))
        } while sizes.last == 10
        XCTAssertEqual(sizes, [10, 10, 5])
        XCTAssertEqual(seen, (0..<25).reversed().map { 1_000_000 + Int64($0) * 1000 })
        XCTAssertEqual(try store.page(.all, after: cursor, limit: 10), [])
    }

    func testEntriesWithTheSameTimestampArePagedByID() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        try store.bulkInsert((0..<5).map { finishedEntry(number: "7999000000\($0)", at: 42_000) })
        let first = try store.page(.all, limit: 2)
        let rest = try store.page(.all, after: CallLogCursor(after: first.last!), limit: 10)
        XCTAssertEqual((first + rest).compactMap(\.id), [5, 4, 3, 2, 1])
    }

    func testSearchMatchesNumbersByPrefixAndSuffixDescriptionCallIDAndCyrillicText() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        try store.bulkInsert([
            finishedEntry(number: "79991234567", at: 1000, callID: "1890033117915127808", description: "order 148"),
            finishedEntry(number: "78120000000", at: 2000, outcome: .rejected, description: "Срочный заказ", text: "Здравствуйте, ваш заказ готов"),
            finishedEntry(number: "74950000000", at: 3000, outcome: .unknown, description: "order 149"),
        ])
        func numbers(_ text: String, outcome: EntryOutcome? = nil) throws -> [String] {
            try store.page(CallLogFilter(outcome: outcome, search: text), limit: 10).map { $0.line1Numbers }
        }
        XCTAssertEqual(try numbers("7999"), ["79991234567"])
        XCTAssertEqual(try numbers("4567"), ["79991234567"], "the last digits of a number match")
        XCTAssertEqual(try numbers("+7 (999) 123-45-67"), ["79991234567"], "a typed number is normalized")
        XCTAssertEqual(try numbers("18900331"), ["79991234567"])
        XCTAssertEqual(try numbers("order"), ["74950000000", "79991234567"])
        XCTAssertEqual(try numbers("order 149"), ["74950000000"], "every word must match")
        XCTAssertEqual(try numbers("order-149"), ["74950000000"], "punctuation splits words as the index does")
        XCTAssertEqual(try numbers("заказ"), ["78120000000"])
        XCTAssertEqual(try numbers("ГОТОВ"), ["78120000000"], "case-insensitive in Cyrillic")
        XCTAssertEqual(try numbers("order", outcome: .placed), ["79991234567"])
        XCTAssertEqual(try numbers("\"*"), [], "a search of only syntax matches nothing and does not fail")
        XCTAssertEqual(try numbers("nothing-like-this"), [])
    }

    func testSearchPagesThroughManyMatches() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        try store.bulkInsert((0..<30).map { finishedEntry(number: "7999000\(String(format: "%04d", $0))", at: Int64($0) * 1000, description: "batch") })
        let first = try store.page(CallLogFilter(search: "batch"), limit: 20)
        let second = try store.page(CallLogFilter(search: "batch"), after: CallLogCursor(after: first.last!), limit: 20)
        XCTAssertEqual(first.count, 20)
        XCTAssertEqual(second.count, 10)
        XCTAssertEqual(Set((first + second).compactMap(\.id)).count, 30)
    }

    func testDateRangeIsSinceInclusiveUntilExclusiveAndCountsAreCapped() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        try store.bulkInsert((0..<10).map { finishedEntry(number: "7999000000\($0)", at: Int64($0) * 1000, outcome: $0 % 2 == 0 ? .placed : .rejected) })
        let range = try store.page(CallLogFilter(since: 3000, until: 6000), limit: 100).map(\.createdAt)
        XCTAssertEqual(range, [5000, 4000, 3000])
        XCTAssertEqual(try store.count(.all), MatchCount(value: 10, isAtLeast: false))
        XCTAssertEqual(try store.count(CallLogFilter(outcome: .rejected)), MatchCount(value: 5, isAtLeast: false))
        XCTAssertEqual(try store.count(CallLogFilter(since: 3000, until: 6000)), MatchCount(value: 3, isAtLeast: false))
        XCTAssertEqual(try store.count(CallLogFilter(search: "7999"), cap: 4), MatchCount(value: 4, isAtLeast: true))
        XCTAssertEqual(MatchCount(value: 10_000, isAtLeast: true).text, "10,000+")
    }

    func testOutcomeCountsFollowUpdates() throws {
        let store = try CallLogStore.open(path: scratchDatabase(self))
        let id = try store.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h"))
        XCTAssertEqual(try store.count(CallLogFilter(outcome: .sending)).value, 1)
        try store.complete(id: id, with: SendResult(outcome: .unknown(reason: "x"), httpStatus: 504, rawBody: "", latencyMs: 1))
        XCTAssertEqual(try store.count(CallLogFilter(outcome: .sending)).value, 0)
        XCTAssertEqual(try store.count(CallLogFilter(outcome: .unknown)).value, 1)
    }

    func testTwoStoresWritingAtOnceLoseNothing() async throws {
        let path = scratchDatabase(self)
        let a = try CallLogStore.open(path: path)
        let b = try CallLogStore.open(path: path)
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
        XCTAssertEqual(try a.count(CallLogFilter(outcome: .placed)).value, 300)
        XCTAssertEqual(try b.page(.all, limit: 1000).count, 300)
    }

    func testChangeMarkerMovesOnBeginAndComplete() throws {
        let path = scratchDatabase(self)
        let store = try CallLogStore.open(path: path)
        let other = try CallLogStore.open(path: path)
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
        XCTAssertThrowsError(try CallLogStore.open(path: path)) { error in
            guard case .corrupt(let reported, _)? = error as? CallLogError else { return XCTFail("\(error)") }
            XCTAssertEqual(reported, path)
            XCTAssertTrue("\(error)".contains("mv \(path)"))
        }
        XCTAssertThrowsError(try CallLogStore.openForReading(path: path))
        XCTAssertEqual(bytes(path), garbage)
    }

    func testDamagedDatabaseIsReportedAndLeftUntouched() throws {
        let path = scratchDatabase(self)
        do {
            let store = try CallLogStore.open(path: path)
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
            let store = try CallLogStore.open(path: path)
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
        XCTAssertThrowsError(try CallLogStore.open(path: path)) { error in
            XCTAssertTrue("\(error)".contains("not an exocall call log"), "\(error)")
        }
        XCTAssertEqual(bytes(path), before)
    }

    func testNewerSchemaIsReportedAndLeftUntouched() throws {
        let path = scratchDatabase(self)
        _ = try CallLogStore.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        try queue.close()
        let before = bytes(path)
        XCTAssertThrowsError(try CallLogStore.open(path: path)) { error in
            XCTAssertEqual(error as? CallLogError, .newerSchema(path: path))
        }
        XCTAssertThrowsError(try CallLogStore.openForReading(path: path))
        XCTAssertEqual(bytes(path), before)
    }

    func testReadOnlyStoreReadsAndRefusesWrites() throws {
        let path = scratchDatabase(self)
        do {
            let store = try CallLogStore.open(path: path)
            try store.bulkInsert([finishedEntry(number: "79991234567", at: 1000)])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let reader = try XCTUnwrap(CallLogStore.openForReading(path: path))
        XCTAssertTrue(reader.isReadOnly)
        XCTAssertEqual(try reader.page(.all, limit: 10).count, 1)
        XCTAssertEqual(try reader.count(CallLogFilter(search: "4567")).value, 1)
        XCTAssertThrowsError(try reader.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h")))
        XCTAssertNil(try CallLogStore.openForReading(path: path + ".missing"))
    }

    func testTheAPIKeyIsInNoByteOfTheDatabase() async throws {
        let path = scratchDatabase(self)
        let key = "key-that-must-not-persist-31f9"
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let store = try CallLogStore.open(path: path)
        for description in ["a", "stub:403", "stub:504", "stub:garbage"] {
            let sender = LoggedSender(client: ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey(key)!), store: store, mode: .demo)
            _ = try await sender.send(request(description: description))
        }
        let wrongKey = LoggedSender(client: ExolveClient(endpoint: try Endpoint(url), apiKey: APIKey(key + "-wrong")!), store: store, mode: .demo)
        _ = try await wrongKey.send(request(description: "w"))
        XCTAssertEqual(try store.count(.all).value, 5)
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
        let store = try CallLogStore.open(path: path)
        let reader = try XCTUnwrap(CallLogStore.openForReading(path: path))
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
