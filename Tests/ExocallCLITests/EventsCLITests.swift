import CallbackCore
import CallEvents
import CallLog
import ExolveClient
import Foundation
import XCTest

/// `exocall log` and `exocall events` say what Exolve's events say: a RESULT column,
/// `--result`, a `result` object in every JSON entry, `events` in `log show --json`, and the
/// events themselves (those of calls exocall did not place included), escaped.
final class EventsCLITests: XCTestCase {
    func seed(_ path: String) throws -> (busy: Int64, connected: Int64) {
        let log = try SQLiteCallLog.open(path: path)
        func placed(_ number: String, _ callID: String) throws -> Int64 {
            let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                              line1: Line(destinations: [Destination(number: "79990000001")]),
                                              line2: Line(destinations: [Destination(number: number)]))
            let id = try log.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru"))
            try log.complete(id: id, with: SendResult(outcome: .placed(callID: callID, requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 3), now: Date())
            return id
        }
        let busy = try placed("79991112233", "7149714791827935000")
        let connected = try placed("79994445566", "42")
        _ = try placed("79997778899", "43") // no events: pending
        let bodies = [
            #"{"uid":7149714791827935000,"type":"o","event_side":"A","date_time":"2024-01-07T10:54:01Z"}"#,
            #"{"uid":7149714791827935000,"type":"s","event_side":"A","date_time":"2024-01-07T10:54:03Z"}"#,
            #"{"uid":7149714791827935000,"type":"o","event_side":"B","date_time":"2024-01-07T10:54:04Z"}"#,
            #"{"uid":7149714791827935000,"type":"d","event_side":"B","date_time":"2024-01-07T10:54:34Z","cause":"17","hangup_cause":"USER_BUSY\u001b[2J",}"#,
            #"{"uid":42,"type":"s","event_side":"A","date_time":"2024-01-07T11:00:03Z"}"#,
            #"{"uid":42,"type":"s","event_side":"B","date_time":"2024-01-07T11:00:09Z"}"#,
            #"{"uid":42,"type":"d","event_side":"B","date_time":"2024-01-07T11:01:00Z","cause":"16","duration":51000}"#,
            #"{"uid":999,"type":"o","event_side":"A","date_time":"2024-01-07T12:00:00Z"}"#,
        ]
        for body in bodies { _ = try log.record(try CallEventParser.parse(Array(body.utf8)).get(), receivedAt: Date()) }
        return (busy, connected)
    }

    func testTheLogSaysWhatHappenedAndFiltersByIt() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let (busy, connected) = try seed(db)
        let table = try runExocall(["log", "--db", db], home: home)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("RESULT"), table.stdout)
        XCTAssertTrue(table.stdout.contains("client busy"), table.stdout)
        XCTAssertTrue(table.stdout.contains("connected 0:51"), table.stdout)
        XCTAssertTrue(table.stdout.contains("no events yet"), table.stdout)

        let onlyBusy = try runExocall(["log", "--db", db, "--result", "busy", "--json"], home: home)
        XCTAssertEqual(onlyBusy.status, 0, onlyBusy.stderr)
        let lines = onlyBusy.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, onlyBusy.stdout)
        let object = try JSONParser.parse(String(lines[0]))
        XCTAssertEqual(object["id"], .number(String(busy)))
        XCTAssertEqual(object["result"]?["state"], .string("busy"))
        XCTAssertEqual(object["result"]?["legs"]?["B"]?["cause"], .number("17"))
        XCTAssertEqual(object["result"]?["legs"]?["B"]?["answered"], .bool(false))
        let pending = try runExocall(["log", "--db", db, "--result", "pending", "--json"], home: home)
        XCTAssertEqual(pending.stdout.split(separator: "\n").count, 1, pending.stdout)
        let wrong = try runExocall(["log", "--db", db, "--result", "maybe"], home: home)
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("--result takes pending, connected, busy, no-answer, failed; got maybe"), wrong.stderr)

        let shown = try runExocall(["log", "show", String(connected), "--db", db, "--json"], home: home)
        let entry = try JSONParser.parse(shown.stdout)
        XCTAssertEqual(entry["result"]?["state"], .string("connected"))
        XCTAssertEqual(entry["result"]?["talk_seconds"], .number("51"))
        guard case .array(let events)? = entry["events"] else { return XCTFail(shown.stdout) }
        XCTAssertEqual(events.count, 3)
        let human = try runExocall(["log", "show", String(busy), "--db", db], home: home)
        XCTAssertTrue(human.stdout.contains("user busy (Q.850 17, USER_BUSY"), human.stdout)
        XCTAssertFalse(human.stdout.contains("\u{1b}"), "a hangup_cause from the network is escaped")
    }

    func testExportsCarryTheResultAndTalkSeconds() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        _ = try seed(db)
        let csv = try runExocall(["log", "export", "--db", db, "--format", "csv"], home: home)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        XCTAssertTrue(rows[0].hasSuffix(",result,talk_seconds,disposition,note,note_by,note_at"), rows[0])
        XCTAssertTrue(rows.contains { $0.hasSuffix(",connected,51,,,,") }, csv.stdout)
        XCTAssertTrue(rows.contains { $0.hasSuffix(",busy,,,,,") }, csv.stdout)
        XCTAssertTrue(rows.contains { $0.hasSuffix(",pending,,,,,") }, csv.stdout)
        let jsonl = try runExocall(["log", "export", "--db", db], home: home)
        let objects = try jsonl.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        XCTAssertEqual(objects.count, 3)
        let states = objects.compactMap { object -> String? in if case .string(let state)? = object["result"]?["state"] { return state } else { return nil } }
        XCTAssertEqual(Set(states), ["busy", "connected", "pending"])
    }

    func testEventsListShowsEveryEventTheOnesNotOursIncluded() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        _ = try seed(db)
        let table = try runExocall(["events", "list", "--db", db], home: home)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("not exocall's"), table.stdout)
        XCTAssertTrue(table.stdout.contains("7149714791827935000"), table.stdout)
        XCTAssertFalse(table.stdout.contains("\u{1b}"), "escaped")
        let json = try runExocall(["events", "list", "--db", db, "--json"], home: home)
        let first = try JSONParser.parse(String(json.stdout.split(separator: "\n")[0]))
        XCTAssertEqual(first["uid"], .string("999"), "newest first, uid as a string of digits")
        XCTAssertEqual(first["entry_id"], .null)
        let russian = try runExocall(["events", "list", "--db", db], environment: ["LANG": "ru_RU.UTF-8"], home: home)
        XCTAssertTrue(russian.stdout.contains("не из exocall"), russian.stdout)
    }
    /// `log show` of an unknown send says what the events show: the call that rang its numbers
    /// within its window (text and `--json`), the outcome left unknown; another unknown send
    /// with nothing matched, while events arrive, has "no sign".
    func testLogShowGivesAnUnknownSendItsEvidence() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let log = try SQLiteCallLog.open(path: db)
        func unknown(_ operatorNumber: String, at: Date) throws -> Int64 {
            let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                              line1: Line(destinations: [Destination(number: operatorNumber)]),
                                              line2: Line(destinations: [Destination(number: "79991112233")]))
            let id = try log.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", now: at))
            try log.complete(id: id, with: SendResult(outcome: .unknown(reason: .phrase(.transportNoAnswerInTime)), httpStatus: nil, rawBody: nil, latencyMs: 30_000), now: at)
            return id
        }
        let now = Date()
        let matched = try unknown("79990000001", at: now.addingTimeInterval(-60))
        let nothing = try unknown("79990000002", at: now.addingTimeInterval(-20 * 60))
        let stamp = ISO8601DateFormatter().string(from: now.addingTimeInterval(-50))
        for body in [#"{"uid":555,"type":"o","event_side":"A","number":"79990000001","date_time":"\#(stamp)"}"#,
                     #"{"uid":555,"type":"s","event_side":"A","number":"79990000001","date_time":"\#(stamp)"}"#] {
            _ = try log.record(try CallEventParser.parse(Array(body.utf8)).get(), receivedAt: now)
        }
        let shown = try runExocall(["log", "show", String(matched), "--db", db], home: home)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("unknown → placed: Exolve's events show this call (uid 555"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("op answered"), "the linked call's result: \(shown.stdout)")
        XCTAssertTrue(shown.stdout.split(separator: "\n").contains { $0.hasPrefix("outcome") && $0.hasSuffix(" unknown") },
                      "the outcome stays unknown: \(shown.stdout)")
        let json = try runExocall(["log", "show", String(matched), "--db", db, "--json"], home: home)
        XCTAssertTrue(json.stdout.contains(#""uid" : "555""#) || json.stdout.contains(#""uid": "555""#), json.stdout)
        XCTAssertTrue(json.stdout.contains(#""outcome" : "unknown""#) || json.stdout.contains(#""outcome": "unknown""#), json.stdout)
        let none = try runExocall(["log", "show", String(nothing), "--db", db], home: home)
        XCTAssertTrue(none.stdout.contains("no sign of a call in Exolve's events"), none.stdout)
        XCTAssertFalse(none.stdout.contains("uid 555"), "one call links to one send")
    }
}

