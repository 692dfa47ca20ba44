import CallbackCore
import CallEvents
import CallLog
import ExolveClient
import Foundation
import XCTest

/// `exocall log --client NUMBER`: every call to one client, whichever way its number was
/// written, newest first, with what the events say and a one-line summary.
final class ClientHistoryCLITests: XCTestCase {
    func testEveryCallToOneClientWhicheverWayItsNumberWasWritten() throws {
        let home = scratchFolder(self)
        let db = home + "/calls.sqlite"
        let log = try SQLiteCallLog.open(path: db)
        let day: TimeInterval = 86_400
        var ids: [Int64] = []
        for (index, (number, callID, ago)) in [("9991112233", "101", 9 * day), ("89991112233", "102", 3 * day),
                                               ("79994445566", "103", 2 * day), ("79991112233", nil, 1 * day)].enumerated() {
            let request = MakeCallbackRequest(requestDescription: "call \(index)", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                              line1: Line(destinations: [Destination(number: "79990000001")]),
                                              line2: Line(destinations: [Destination(number: number)]))
            let at = Date().addingTimeInterval(-ago)
            let id = try log.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", operatorName: "anna", now: at))
            let outcome: SendOutcome = callID.map { .placed(callID: $0, requestID: nil) } ?? .rejected(status: 400, message: "no")
            try log.complete(id: id, with: SendResult(outcome: outcome, httpStatus: callID == nil ? 400 : 200, rawBody: "{}", latencyMs: 3), now: at)
            ids.append(id)
        }
        // Call 102 connected for 45 s; 101 was busy.
        for body in [#"{"uid":102,"type":"s","event_side":"A","date_time":"2024-01-07T10:54:01Z"}"#,
                     #"{"uid":102,"type":"s","event_side":"B","date_time":"2024-01-07T10:54:05Z"}"#,
                     #"{"uid":102,"type":"d","event_side":"B","date_time":"2024-01-07T10:54:50Z","cause":"16","duration":45000}"#,
                     #"{"uid":101,"type":"o","event_side":"B","date_time":"2024-01-07T10:54:05Z"}"#,
                     #"{"uid":101,"type":"d","event_side":"B","date_time":"2024-01-07T10:54:09Z","cause":"17"}"#] {
            _ = try log.record(try CallEventParser.parse(Array(body.utf8)).get(), receivedAt: Date())
        }
        let shown = try runExocall(["log", "--db", db, "--client", "8 (999) 111-22-33"], home: home)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let rows = shown.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: " ").first ?? "") }
        XCTAssertEqual(rows, [ids[3], ids[1], ids[0]].map(String.init), "the three calls to this client, newest first, not the other client's: \(shown.stdout)")
        XCTAssertTrue(shown.stdout.contains("connected 0:45"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("client busy"), shown.stdout)
        XCTAssertTrue(shown.stderr.contains("client 8 (999) 111-22-33: 3 calls, 1 connected, last connected 3 days ago"), shown.stderr)

        let json = try runExocall(["log", "--db", db, "--client", "+79991112233", "--json"], home: home)
        XCTAssertEqual(json.stdout.split(separator: "\n").count, 3, json.stdout)
        let nobody = try runExocall(["log", "--db", db, "--client", "70000000000"], home: home)
        XCTAssertEqual(nobody.status, 0)
        XCTAssertTrue(nobody.stderr.contains("no entries match"), nobody.stderr)
        let mixed = try runExocall(["log", "--db", db, "--client", "79991112233", "--result", "busy"], home: home)
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("--client lists every call to the client"), mixed.stderr)
        let russian = try runExocall(["log", "--db", db, "--client", "79991112233"], environment: ["LANG": "ru_RU.UTF-8"], home: home)
        XCTAssertTrue(russian.stderr.contains("клиент 79991112233: 3 звонка, соединены: 1, последний соединённый — 3 дня назад"), russian.stderr)
    }
}
