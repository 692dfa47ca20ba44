import CallEvents
import CallLog
import CallLogModel
import CallbackCore
import EventReceiver
import ExolveClient
import Foundation
import XCTest

/// The receiver's rules over a real call log: the secret path, the body's limits, each event
/// stored once, nothing acknowledged until durable, the spool when the log cannot take it.
final class EventIntakeTests: XCTestCase {
    let token = String(repeating: "ab12", count: 16)

    func folder() -> String {
        let folder = NSTemporaryDirectory() + "exocall-intake-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    static let vendorD = #"{"service":"callback","date_time":"2024-01-07T10:54:57.009979Z","call_sid":"cala188947f-3ba8-4fe6-b291-12fda2f90079","number":"79991112233","type":"d","uid":7149714791827935000,"application_uuid":"178ec145-6898-4b06-a92a-75f63cb57046","customer_id":25513,"started":"2024-01-07T10:54:11.385017Z","ended":"2024-01-07T10:54:56.965018Z","hangup_cause":"NORMAL_CLEARING","cause":"16","calling_number":"78000009988","called_number":"79991112233","setup_time":10385,"wait_time":10385,"duration":45580,"full_duration":55965,"event_side":"A","record_call":true,}"#

    func testTheSecretPathTheLimitsAndEachEventOnce() async throws {
        let base = folder()
        let store = try SQLiteCallLog.open(path: base + "/calls.sqlite")
        let intake = EventIntake(store: store, spool: try EventSpool(folder: base + "/spool"), token: token)
        let body = Array(Self.vendorD.utf8)
        var answer = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: body.count, body: body)
        XCTAssertEqual(answer.status, 200)
        XCTAssertEqual(answer.outcome, "accepted")
        answer = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: body.count, body: body)
        XCTAssertEqual(answer.outcome, "duplicate", "a second copy is acknowledged and changes nothing")
        let stored = try store.events(callIDs: ["7149714791827935000"])
        XCTAssertEqual(stored.count, 1)

        for path in ["/events/" + token.dropLast() + "0", "/events/", "/", "/events/" + token + "x", "/EVENTS/" + token] {
            let wrong = await intake.handle(method: "POST", path: String(path), declaredLength: body.count, body: body)
            XCTAssertEqual(wrong.status, 404, path)
            XCTAssertFalse(wrong.body.contains(token), "the answer never names the token")
        }
        let health = await intake.handle(method: "GET", path: "/healthz", declaredLength: nil, body: [])
        XCTAssertEqual(health.status, 200)
        let huge = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: 1 << 20, body: [])
        XCTAssertEqual(huge.status, 413, "refused from its declared length, before reading")
        let junk = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: 4, body: Array("junk".utf8))
        XCTAssertEqual(junk.status, 400)
        let noSide = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: nil,
                                         body: Array(#"{"uid":1,"type":"o","date_time":"2024-01-07T10:54:57Z"}"#.utf8))
        XCTAssertEqual(noSide.status, 400)
        XCTAssertTrue(noSide.body.contains("event_side is missing"), noSide.body)
        let get = await intake.handle(method: "GET", path: "/events/" + token, declaredLength: nil, body: [])
        XCTAssertEqual(get.status, 405)
        let metrics = await intake.handle(method: "GET", path: "/metrics", declaredLength: nil, body: []).body
        XCTAssertTrue(metrics.contains(#"exocall_events_total{outcome="accepted"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"exocall_events_total{outcome="duplicate"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"exocall_events_refused_total{reason="not_json"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"exocall_events_refused_total{reason="too_large"} 1"#), metrics)
        XCTAssertTrue(metrics.contains(#"exocall_events_refused_total{reason="missing_event_side"} 1"#), metrics)
        XCTAssertTrue(metrics.contains("exocall_requests_not_found_total 5"), metrics)
        XCTAssertFalse(metrics.contains(token))
    }

    func testWhenTheLogCannotTakeAnEventTheSpoolKeepsItUntilItIsBack() async throws {
        let base = folder()
        let path = base + "/calls.sqlite"
        _ = try SQLiteCallLog.open(path: path)
        // A log that refuses writes (opened for reading), as a log down refuses them.
        let refusing = try await CallLogOpener.openForReading(path)
        let spool = try EventSpool(folder: base + "/spool")
        let down = EventIntake(store: refusing, spool: spool, token: token)
        let bodies = [Self.vendorD, #"{"uid":42,"type":"o","event_side":"B","date_time":"2024-01-07T10:55:00Z"}"#]
        for body in bodies {
            let answer = await down.handle(method: "POST", path: "/events/" + token, declaredLength: nil, body: Array(body.utf8))
            XCTAssertEqual(answer.status, 200, "acknowledged once durable in the spool")
            XCTAssertEqual(answer.outcome, "spooled")
        }
        _ = await down.handle(method: "POST", path: "/events/" + token, declaredLength: nil, body: Array(bodies[1].utf8))
        XCTAssertEqual(spool.depth, 2, "the same event twice is spooled once")

        // A new process (after a kill -9, say) finds the spool as it was; a half-written file is not an event.
        FileManager.default.createFile(atPath: base + "/spool/0000000000001-x.event.tmp", contents: Data("{\"uid\"".utf8))
        let reopened = try EventSpool(folder: base + "/spool")
        XCTAssertEqual(reopened.depth, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: base + "/spool/0000000000001-x.event.tmp"))

        let store = try SQLiteCallLog.open(path: path)
        let back = EventIntake(store: store, spool: reopened, token: token)
        let applied = await back.drain()
        XCTAssertEqual(applied, 2)
        XCTAssertEqual(reopened.depth, 0)
        let stored = try store.events(callIDs: ["7149714791827935000", "42"])
        XCTAssertEqual(stored.count, 2)
        let again = await back.drain()
        XCTAssertEqual(again, 0)
    }

    /// A log that holds the write (another connection's lock, as a long write or a hung
    /// database does): the event is spooled and acknowledged at the intake's deadline, not at
    /// SQLite's 10 s busy timeout, /healthz answers meanwhile, and once the lock goes the
    /// event is in the log once (the late write and the spool's copy are one event).
    func testAWriteTheLogHoldsIsSpooledAtTheDeadline() async throws {
        let base = folder()
        let path = base + "/calls.sqlite"
        let store = try SQLiteCallLog.open(path: path)
        let locker = try SQLiteConnection(path: path, readOnly: false, busyTimeout: 0)
        try locker.execute("BEGIN EXCLUSIVE")
        let intake = EventIntake(store: store, spool: try EventSpool(folder: base + "/spool"), token: token, storeDeadline: .milliseconds(300))
        let body = Array(Self.vendorD.utf8), eventPath = "/events/" + token
        let started = ContinuousClock.now
        async let held = intake.handle(method: "POST", path: eventPath, declaredLength: nil, body: body)
        let health = await intake.handle(method: "GET", path: "/healthz", declaredLength: nil, body: [])
        XCTAssertEqual(health.status, 200)
        let answer = await held
        XCTAssertEqual(answer.status, 200, "durable in the spool")
        XCTAssertEqual(answer.outcome, "spooled")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5), "not held for the busy timeout")
        try locker.execute("ROLLBACK")
        var stored: [CallEvent] = []
        for _ in 0..<100 where stored.isEmpty {
            await intake.drain()
            stored = try store.events(callIDs: ["7149714791827935000"])
            if stored.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        }
        XCTAssertEqual(stored.count, 1)
        await intake.drain()
        XCTAssertEqual(try store.events(callIDs: ["7149714791827935000"]).count, 1, "the late write and the spool's copy are one event")
        let metrics = await intake.handle(method: "GET", path: "/metrics", declaredLength: nil, body: []).body
        XCTAssertTrue(metrics.contains("exocall_store_timed_out_total 1"), metrics)
        XCTAssertTrue(metrics.contains("exocall_spool_depth 0"), metrics)
    }

    func testAFullSpoolAcknowledgesNothing() async throws {
        let base = folder()
        let spool = try EventSpool(folder: base + "/spool", capacity: 1)
        let intake = EventIntake(store: nil, spool: spool, token: token)
        let first = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: nil,
                                        body: Array(#"{"uid":1,"type":"o","event_side":"A","date_time":"2024-01-07T10:55:00Z"}"#.utf8))
        XCTAssertEqual(first.status, 200)
        let second = await intake.handle(method: "POST", path: "/events/" + token, declaredLength: nil,
                                         body: Array(#"{"uid":2,"type":"o","event_side":"A","date_time":"2024-01-07T10:55:00Z"}"#.utf8))
        XCTAssertEqual(second.status, 503, "not durable, not acknowledged: Exolve may send it again")
    }

    func testTheTokenFile() throws {
        let base = folder()
        let path = base + "/secret/event-token"
        let made = try EventToken.loadOrCreate(path)
        XCTAssertEqual(made.count, 64, "256 random bits")
        XCTAssertEqual(try EventToken.loadOrCreate(path), made, "kept across starts")
        var info = stat()
        stat(path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        chmod(path, 0o644)
        XCTAssertThrowsError(try EventToken.loadOrCreate(path)) { XCTAssertEqual($0 as? EventToken.Problem, .exposed(path: path, mode: "644")) }
        let short = base + "/short"
        FileManager.default.createFile(atPath: short, contents: Data("abc\n".utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertThrowsError(try EventToken.loadOrCreate(short)) { XCTAssertEqual($0 as? EventToken.Problem, .tooShort(path: short)) }
        XCTAssertTrue(EventToken.matches(Substring(made), made))
        XCTAssertFalse(EventToken.matches(Substring(made.dropLast()), made))
        XCTAssertFalse(EventToken.matches(Substring(made + "0"), made))
    }
}
