import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import Foundation
import XCTest

/// Notes and dispositions, the store contract on SQLite and PostgreSQL alike: every change
/// kept with who and when, the latest on the entry, searched and filtered, the request and the
/// outcome untouched, seen by another process.
final class AnnotationStoreTests: XCTestCase {
    func testNotesAndDispositionsAreKeptSearchedAndFilteredWithoutTouchingTheCall() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let id = try await store.begin(CallLogEntry(request: request(description: "order-7"), mode: .live, endpointHost: "api.exolve.ru"))
            try await store.complete(id: id, with: SendResult(outcome: .placed(callID: "77", requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 5))
            let other = try await store.begin(CallLogEntry(request: request(description: "order-8"), mode: .live, endpointHost: "api.exolve.ru"))
            let before = try await store.entry(id: id)

            try await store.annotate(Annotation(entryID: id, kind: .note, text: "asked to call back\nafter 15:00", operatorName: "anna", at: 1_800_000_000_000))
            try await store.annotate(Annotation(entryID: id, kind: .disposition, text: "call back later", operatorName: "anna", at: 1_800_000_001_000))
            try await store.annotate(Annotation(entryID: id, kind: .note, text: "asked to call back after 16:00, not 15:00", operatorName: "boris",
                                                at: 1_800_000_002_000))
            let read = try await store.entry(id: id)
            let entry = try XCTUnwrap(read)
            XCTAssertEqual(entry.note, "asked to call back after 16:00, not 15:00", "\(backend)")
            XCTAssertEqual(entry.noteBy, "boris")
            XCTAssertEqual(entry.noteAt, 1_800_000_002_000)
            XCTAssertEqual(entry.disposition, "call back later")
            XCTAssertEqual(entry.dispositionBy, "anna")
            XCTAssertEqual(entry.requestJSON, before?.requestJSON, "\(backend): a note never changes the request")
            XCTAssertEqual(entry.outcome, .placed, "\(backend): nor the outcome")
            XCTAssertEqual(entry.callID, "77")
            let history = try await store.annotations(entryID: id)
            XCTAssertEqual(history.map(\.kind), [.note, .disposition, .note], "\(backend): every change kept, in order")
            XCTAssertEqual(history.first?.text, "asked to call back\nafter 15:00", "\(backend): lines kept")
            XCTAssertEqual(history.map(\.operatorName), ["anna", "anna", "boris"])

            // Searched: a word of the latest note, of the disposition; an old note's word no longer.
            let bySearch = try await store.page(CallLogFilter(search: "16"), limit: 10)
            XCTAssertEqual(bySearch.map(\.id), [id], "\(backend)")
            let byDisposition = try await store.page(CallLogFilter(search: "later"), limit: 10)
            XCTAssertEqual(byDisposition.map(\.id), [id], "\(backend)")
            let stillOld = try await store.page(CallLogFilter(search: "order-7"), limit: 10)
            XCTAssertTrue(stillOld.map(\.id).contains(id), "\(backend): the description is still found")
            // Filtered by disposition, counted.
            let filtered = try await store.page(CallLogFilter(disposition: "call back later"), limit: 10)
            XCTAssertEqual(filtered.map(\.id), [id], "\(backend)")
            let counted = try await store.count(CallLogFilter(disposition: "call back later"))
            XCTAssertEqual(counted.value, 1)
            let none = try await store.page(CallLogFilter(disposition: "reached"), limit: 10)
            XCTAssertEqual(none, [])

            // Cleared: the entry has none, the history keeps the clearing.
            try await store.annotate(Annotation(entryID: id, kind: .disposition, text: "", operatorName: "anna", at: 1_800_000_003_000))
            let cleared = try await store.entry(id: id)
            XCTAssertNil(cleared?.disposition, "\(backend)")
            let afterClearing = try await store.annotations(entryID: id)
            XCTAssertEqual(afterClearing.count, 4)
            let gone = try await store.page(CallLogFilter(search: "later"), limit: 10)
            XCTAssertEqual(gone, [], "\(backend): a cleared disposition is no longer searched")

            // Another process sees it; a missing entry is said so.
            let reader = try await CallLogOpener.open(location)
            let seen = try await reader.entry(id: id)
            XCTAssertEqual(seen?.note, entry.note, "\(backend)")
            await reader.close()
            do {
                try await store.annotate(Annotation(entryID: 999_999, kind: .note, text: "x", operatorName: "anna", at: 1))
                XCTFail("\(backend): no entry 999999")
            } catch {
                XCTAssertEqual(error as? CallLogError, .noSuchEntry(999_999), "\(backend)")
            }
            let untouched = try await store.entry(id: other)
            XCTAssertNil(untouched?.note)
        }
    }

    func testANoteWakesAnotherOperatorsPanel() async throws {
        try await forEachBackend { backend in
            let (store, location) = try await backend.open(self)
            let id = try await store.begin(CallLogEntry(request: request(), mode: .live, endpointHost: "api.exolve.ru"))
            let other = try await CallLogOpener.open(location)
            let woken = Counter()
            let listener = Task { for await _ in store.changes(interval: .milliseconds(50)) { await woken.add() } }
            defer { listener.cancel() }
            var attempt = 0
            var saw = false
            while !saw && attempt < 20 {
                try await other.annotate(Annotation(entryID: id, kind: .note, text: "note \(attempt)", operatorName: "boris", at: Int64(attempt)))
                attempt += 1
                saw = await eventually(.milliseconds(250)) { await woken.value >= 1 }
            }
            XCTAssertTrue(saw, "\(backend): a note written by another process wakes the panel")
            await other.close()
        }
    }
}
