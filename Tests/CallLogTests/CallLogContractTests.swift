import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import Foundation
import PostgresTestSupport
import XCTest

/// The contract every call log backend keeps, run against SQLite and PostgreSQL alike.
final class CallLogContractTests: XCTestCase {
    func testPostgresServerForTheContract() throws {
        // Says, once and clearly, when the PostgreSQL half of the contract is skipped.
        _ = try requirePostgres()
    }

    func testBeginWritesSendingThenCompleteRecordsTheOutcome() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            let written = CallLogEntry(request: request(description: "d"), mode: .live, endpointHost: "api.exolve.ru", operatorName: "anna",
                                       timeout: .seconds(20))
            let id = try await store.begin(written)
            let sending = try await store.entry(id: id)
            XCTAssertEqual(sending?.outcome, .sending)
            XCTAssertEqual(sending?.effectiveOutcome(), .sending, "our own process is alive: in flight, not interrupted")
            XCTAssertEqual(sending?.operatorName, "anna")
            XCTAssertEqual(sending?.senderHost, Operator.host)
            XCTAssertEqual(sending?.deadlineAt, written.createdAt + 20_000 + CallLogEntry.deadlineGraceMs)
            try await store.complete(id: id, with: SendResult(outcome: .placed(callID: "1890033117915127808", requestID: "d"),
                                                              httpStatus: 200, rawBody: "{}", latencyMs: 12))
            let stored = try await store.entry(id: id)
            let entry = try XCTUnwrap(stored)
            var expected = written.completed(with: SendResult(outcome: .placed(callID: "1890033117915127808", requestID: "d"),
                                                              httpStatus: 200, rawBody: "{}", latencyMs: 12), now: Date())
            expected.id = id
            expected.finishedAt = entry.finishedAt
            XCTAssertEqual(entry, expected, "\(backend): every column reads back as written")
            do { let value = try await store.page(CallLogFilter(search: "18900331"), limit: 5).map(\.id); XCTAssertEqual(value, [id], "call_id is searchable once known") }
            do { let value = try await store.entry(id: id + 1000); XCTAssertEqual(value, nil) }
            do {
                try await store.complete(id: id + 1000, with: SendResult(outcome: .notSent(reason: "x"), httpStatus: nil, rawBody: nil, latencyMs: 1))
                XCTFail("\(backend): completing an unknown entry must fail")
            } catch { XCTAssertEqual(error as? CallLogError, .noSuchEntry(id + 1000)) }
        }
    }

    func testPagingIsKeysetNewestFirstWithoutGapsOrRepeats() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert((0..<25).map { finishedEntry(number: "7999000\(String(format: "%04d", $0))", at: 1_000_000 + Int64($0) * 1000) })
            var seen: [Int64] = []
            var cursor: CallLogCursor? = nil
            var sizes: [Int] = []
            repeat {
                let page = try await store.page(.all, after: cursor, limit: 10)
                sizes.append(page.count)
                seen += page.map(\.createdAt)
                cursor = page.last.map(CallLogCursor.init(after:))
            } while sizes.last == 10
            XCTAssertEqual(sizes, [10, 10, 5])
            XCTAssertEqual(seen, (0..<25).reversed().map { 1_000_000 + Int64($0) * 1000 })
            do { let value = try await store.page(.all, after: cursor, limit: 10); XCTAssertEqual(value, []) }
        }
    }

    func testEntriesWithTheSameTimestampArePagedByID() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert((0..<5).map { finishedEntry(number: "7999000000\($0)", at: 42_000) })
            let first = try await store.page(.all, limit: 2)
            let rest = try await store.page(.all, after: CallLogCursor(after: first.last!), limit: 10)
            XCTAssertEqual((first + rest).compactMap(\.id), [5, 4, 3, 2, 1], "\(backend)")
        }
    }

    func testSearchMatchesNumbersByPrefixAndSuffixDescriptionCallIDAndCyrillicText() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert([
                finishedEntry(number: "79991234567", at: 1000, callID: "1890033117915127808", description: "order 148"),
                finishedEntry(number: "78120000000", at: 2000, outcome: .rejected, description: "Срочный заказ", text: "Здравствуйте, ваш заказ готов"),
                finishedEntry(number: "74950000000", at: 3000, outcome: .unknown, description: "order 149 shop.example.com"),
            ])
            func numbers(_ text: String, outcome: EntryOutcome? = nil) async throws -> [String] {
                try await store.page(CallLogFilter(outcome: outcome, search: text), limit: 10).map { $0.line1Numbers }
            }
            do { let value = try await numbers("7999"); XCTAssertEqual(value, ["79991234567"], "\(backend)") }
            do { let value = try await numbers("4567"); XCTAssertEqual(value, ["79991234567"], "\(backend): the last digits of a number match") }
            do { let value = try await numbers("+7 (999) 123-45-67"); XCTAssertEqual(value, ["79991234567"], "\(backend): a typed number is normalized") }
            do { let value = try await numbers("18900331"); XCTAssertEqual(value, ["79991234567"], "\(backend)") }
            do { let value = try await numbers("order"); XCTAssertEqual(value, ["74950000000", "79991234567"], "\(backend)") }
            do { let value = try await numbers("order 149"); XCTAssertEqual(value, ["74950000000"], "\(backend): every word must match") }
            do { let value = try await numbers("order-149"); XCTAssertEqual(value, ["74950000000"], "\(backend): punctuation splits words as the index does") }
            do { let value = try await numbers("exam"); XCTAssertEqual(value, ["74950000000"], "\(backend): a host name's parts are words") }
            do { let value = try await numbers("заказ"); XCTAssertEqual(value, ["78120000000"], "\(backend)") }
            do { let value = try await numbers("ГОТОВ"); XCTAssertEqual(value, ["78120000000"], "\(backend): case-insensitive in Cyrillic") }
            do { let value = try await numbers("order", outcome: .placed); XCTAssertEqual(value, ["79991234567"], "\(backend)") }
            do { let value = try await numbers("\"*"); XCTAssertEqual(value, [], "\(backend): a search of only syntax matches nothing and does not fail") }
            do { let value = try await numbers("' & | ! :* <->"); XCTAssertEqual(value, [], "\(backend): query syntax is text") }
            do { let value = try await numbers("nothing-like-this"); XCTAssertEqual(value, [], "\(backend)") }
            do { let value = try await numbers("1234"); XCTAssertEqual(value, [], "\(backend): digits inside a number are neither its start nor its end") }
        }
    }

    func testALongTextIsStoredAndSearchable() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            let words = (0..<3000).map { "слово\($0)" }.joined(separator: " ")
            let id = try await store.begin(CallLogEntry(request: request(description: String(words.prefix(2000)), text: words), mode: .demo, endpointHost: "h"))
            let found = try await store.page(CallLogFilter(search: "слово2999"), limit: 5).map(\.id)
            XCTAssertEqual(found, [id], "\(backend): a long text is indexed whole")
        }
    }

    func testSearchPagesThroughManyMatches() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert((0..<30).map { finishedEntry(number: "7999000\(String(format: "%04d", $0))", at: Int64($0) * 1000, description: "batch") })
            let first = try await store.page(CallLogFilter(search: "batch"), limit: 20)
            let second = try await store.page(CallLogFilter(search: "batch"), after: CallLogCursor(after: first.last!), limit: 20)
            XCTAssertEqual(first.count, 20)
            XCTAssertEqual(second.count, 10)
            XCTAssertEqual(Set((first + second).compactMap(\.id)).count, 30, "\(backend)")
        }
    }

    /// What the panel opens with is `page` and `count`, however a backend gathers them:
    /// a search alone, a search with other filters, no search; under the cap and over it.
    func testTheFirstPageIsThePageWithItsCount() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert((0..<40).map {
                var entry = finishedEntry(number: "7999000\(String(format: "%04d", $0))", at: Int64($0) * 1000,
                                          outcome: $0 % 2 == 0 ? .placed : .rejected, description: $0 % 3 == 0 ? "Здравствуйте, клиент" : "other")
                entry.operatorName = $0 < 10 ? "anna" : "boris"
                return entry
            })
            let filters = [CallLogFilter(), CallLogFilter(search: "здрав"), CallLogFilter(search: "Здравствуйте клиент"), CallLogFilter(search: "7999000"),
                           CallLogFilter(outcome: .placed, search: "здрав"), CallLogFilter(search: "7999", operatorName: "anna"),
                           CallLogFilter(search: "nothing-like-it"), CallLogFilter(search: "\"*"), CallLogFilter(outcome: .rejected)]
            for filter in filters {
                for (limit, cap) in [(5, 10_000), (100, 10_000), (3, 4), (20, 14), (1, 0)] {
                    let (entries, total) = try await store.firstPage(filter, limit: limit, cap: cap)
                    let page = try await store.page(filter, after: nil, limit: limit)
                    let count = try await store.count(filter, cap: cap)
                    XCTAssertEqual(entries.map(\.id), page.map(\.id), "\(backend) \(filter) limit \(limit)")
                    XCTAssertTrue(entries == page, "\(backend) \(filter) limit \(limit): the entries whole")
                    XCTAssertEqual(total, count, "\(backend) \(filter) cap \(cap)")
                }
            }
            let greeting = try await store.firstPage(CallLogFilter(search: "здравствуйте"), limit: 100, cap: 10_000)
            XCTAssertEqual(greeting.total, MatchCount(value: 14, isAtLeast: false), "\(backend)")
            XCTAssertEqual(greeting.entries.map(\.createdAt), stride(from: 39, through: 0, by: -3).map { Int64($0) * 1000 }, "\(backend): newest first")
        }
    }

    func testDateRangeOperatorAndOutcomeFiltersAndCappedCounts() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            try await store.bulkInsert((0..<10).map {
                var entry = finishedEntry(number: "7999000000\($0)", at: Int64($0) * 1000, outcome: $0 % 2 == 0 ? .placed : .rejected)
                entry.operatorName = $0 < 3 ? "anna" : "boris@host-b"
                return entry
            })
            let range = try await store.page(CallLogFilter(since: 3000, until: 6000), limit: 100).map(\.createdAt)
            XCTAssertEqual(range, [5000, 4000, 3000], "\(backend)")
            do { let value = try await store.count(.all); XCTAssertEqual(value, MatchCount(value: 10, isAtLeast: false)) }
            do { let value = try await store.count(CallLogFilter(outcome: .rejected)); XCTAssertEqual(value, MatchCount(value: 5, isAtLeast: false)) }
            do { let value = try await store.count(CallLogFilter(since: 3000, until: 6000)); XCTAssertEqual(value, MatchCount(value: 3, isAtLeast: false)) }
            do { let value = try await store.count(CallLogFilter(search: "7999"), cap: 4); XCTAssertEqual(value, MatchCount(value: 4, isAtLeast: true)) }
            do { let value = try await store.page(CallLogFilter(operatorName: "anna"), limit: 100).map(\.createdAt); XCTAssertEqual(value, [2000, 1000, 0], "\(backend)") }
            do { let value = try await store.count(CallLogFilter(outcome: .placed, operatorName: "boris@host-b")); XCTAssertEqual(value, MatchCount(value: 3, isAtLeast: false)) }
            do { let value = try await store.count(CallLogFilter(operatorName: "ann")); XCTAssertEqual(value, MatchCount(value: 0, isAtLeast: false), "operator is matched exactly") }
        }
    }

    func testOutcomeCountsFollowUpdates() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            let id = try await store.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h"))
            do { let value = try await store.count(CallLogFilter(outcome: .sending)).value; XCTAssertEqual(value, 1, "\(backend)") }
            try await store.complete(id: id, with: SendResult(outcome: .unknown(reason: "x"), httpStatus: 504, rawBody: "", latencyMs: 1))
            do { let value = try await store.count(CallLogFilter(outcome: .sending)).value; XCTAssertEqual(value, 0, "\(backend)") }
            do { let value = try await store.count(CallLogFilter(outcome: .unknown)).value; XCTAssertEqual(value, 1, "\(backend)") }
            do { let value = try await store.count(.all).value; XCTAssertEqual(value, 1, "\(backend)") }
        }
    }

    func testTheRepeatGuardHoldsASecondSendToTheSameClientAndNamesWhoRang() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let other = try await CallLogOpener.open(location)
            let now = Date()
            let first = CallLogEntry(request: request(number: "79990000001"), mode: .demo, endpointHost: "h", operatorName: "anna", now: now)
            guard case .begun(let id) = try await store.begin(first, guardedBy: .standard, leg2: ["+7 959 000-00-00"], acknowledged: [], now: now) else {
                return XCTFail("\(backend): the first send must begin")
            }
            let second = CallLogEntry(request: request(number: "79990000002"), mode: .demo, endpointHost: "h", operatorName: "boris", now: now)
            let held = try await other.begin(second, guardedBy: .standard, leg2: ["89590000000"], acknowledged: [], now: now)
            guard case .held(let attempts) = held else { return XCTFail("\(backend): the same client written differently must be held") }
            XCTAssertEqual(attempts.map(\.entryID), [id])
            XCTAssertEqual(attempts.first?.operatorName, "anna")
            let summary = attempts.first?.summary.text(.en) ?? ""
            XCTAssertTrue(summary.contains("by anna"), summary)
            guard case .begun = try await other.begin(second, guardedBy: .standard, leg2: ["89590000000"], acknowledged: [id], now: now) else {
                return XCTFail("\(backend): an acknowledged attempt does not hold")
            }
            guard case .begun = try await other.begin(second, guardedBy: .standard, leg2: ["79590000099"], acknowledged: [], now: now) else {
                return XCTFail("\(backend): another client is not held")
            }
            let later = now.addingTimeInterval(Double(RepeatWindow.standard.seconds) + 1)
            do { let value = try await other.recentAttempts(against: ["79590000000"], window: .standard, now: later); XCTAssertEqual(value, [], "\(backend): outside the window") }
            await other.close()
        }
    }

    /// Eight operators' logs (each its own connections) sending to one client at the same
    /// moment: exactly one begins, seven are held by it. The guard's look and the insert are
    /// one immediate transaction on SQLite and one locked one on PostgreSQL.
    func testSendsToOneClientAtTheSameMomentBeginOnce() async throws {
        try await forEachBackend { backend in
            let (_, location) = try await backend.open(self)
            var stores: [any CallLogStore] = []
            for _ in 0..<8 { stores.append(try await CallLogOpener.open(location)) }
            let now = Date()
            let outcomes = try await withThrowingTaskGroup(of: GuardedBegin.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        let entry = CallLogEntry(request: request(number: "7999000000\(index)"), mode: .demo, endpointHost: "h",
                                                 operatorName: "op\(index)", now: now)
                        return try await store.begin(entry, guardedBy: .standard, leg2: ["79590000000"], acknowledged: [], now: now)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let begun = outcomes.compactMap { if case .begun(let id) = $0 { id } else { nil } }
            XCTAssertEqual(begun.count, 1, "\(backend): one send begins: \(outcomes)")
            for outcome in outcomes {
                if case .held(let attempts) = outcome { XCTAssertEqual(attempts.map(\.entryID), begun, "\(backend): held by the one that began") }
            }
            for store in stores { await store.close() }
        }
    }

    func testAnotherMachinesSendIsInFlightUntilItsDeadlineWhateverItsPid() async throws {
        try await forEachBackend { backend in
            let (store, _) = try await backend.open(self)
            let now = Date()
            var entry = CallLogEntry(request: request(), mode: .live, endpointHost: "h", operatorName: "boris", timeout: .seconds(10), now: now)
            entry.senderHost = "another-machine"
            entry.ownerPID = Int32.max - 3 // means nothing here
            let id = try await store.begin(entry)
            let stored = try await store.entry(id: id)
            let read = try XCTUnwrap(stored)
            XCTAssertEqual(read.effectiveOutcome(now: now.addingTimeInterval(5)), .sending, "\(backend): before its deadline it is in flight")
            let past = now.addingTimeInterval(10 + Double(CallLogEntry.deadlineGraceMs) / 1000 + 1)
            XCTAssertEqual(read.effectiveOutcome(now: past), .unknown, "\(backend): past its deadline it may have been placed")
            XCTAssertEqual(read.resolvingInterruption(now: past).message, CallLogEntry.interruptedMessage)
            var local = entry
            local.senderHost = Operator.host
            let localID = try await store.begin(local)
            let localRead = try await store.entry(id: localID)
            XCTAssertEqual(localRead?.effectiveOutcome(now: now.addingTimeInterval(5)), .unknown,
                           "\(backend): on this machine a dead pid is interrupted at once")
        }
    }

    func testChangesWakeOnAnotherWritersBeginAndComplete() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let other = try await CallLogOpener.open(location)
            let woken = Counter()
            let listener = Task {
                for await _ in store.changes(interval: .milliseconds(50)) { await woken.add() }
            }
            defer { listener.cancel() }
            // A change made before the listener is in place may be missed: begin again
            // until one wakes it (a condition with a deadline, not a fixed wait).
            var id = try await other.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h"))
            var sawBegin = await eventually(.milliseconds(250)) { await woken.value >= 1 }
            for _ in 0..<40 where !sawBegin {
                id = try await other.begin(CallLogEntry(request: request(), mode: .demo, endpointHost: "h"))
                sawBegin = await eventually(.milliseconds(250)) { await woken.value >= 1 }
            }
            XCTAssertTrue(sawBegin, "\(backend): a begin by another writer wakes the stream")
            let before = await woken.value
            try await other.complete(id: id, with: SendResult(outcome: .notSent(reason: "r"), httpStatus: nil, rawBody: nil, latencyMs: 1))
            let sawComplete = await eventually { await woken.value > before }
            XCTAssertTrue(sawComplete, "\(backend): a complete by another writer wakes the stream")
            await other.close()
        }
    }

    func testConcurrentWritersLoseNothing() async throws {
        try await forEachBackend { backend in
            let (first, location) = try await backend.open(self)
            var stores: [any CallLogStore] = [first]
            for _ in 1..<4 { stores.append(try await CallLogOpener.open(location)) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        for n in 0..<40 {
                            let entry = CallLogEntry(request: request(number: "7999\(String(format: "%07d", index * 1000 + n))"), mode: .demo,
                                                     endpointHost: "h", operatorName: "op\(index)")
                            let id = try await store.begin(entry)
                            try await store.complete(id: id, with: SendResult(outcome: .placed(callID: "\(id)", requestID: nil), httpStatus: 200, rawBody: nil, latencyMs: 1))
                        }
                    }
                }
                try await group.waitForAll()
            }
            do { let value = try await first.count(CallLogFilter(outcome: .placed)).value; XCTAssertEqual(value, 160, "\(backend)") }
            do { let value = try await first.page(.all, limit: 1000).count; XCTAssertEqual(value, 160, "\(backend)") }
            for index in 0..<4 {
                let value = try await first.count(CallLogFilter(operatorName: "op\(index)")).value
                XCTAssertEqual(value, 40)
            }
        }
    }
}

/// A count shared between tasks.
actor Counter {
    private(set) var value = 0
    func add() { value += 1 }
}
