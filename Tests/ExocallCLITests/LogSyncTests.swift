import ExolveStub
import Foundation
import HostileHTTP
import XCTest

/// `exocall log sync`: talk times from Exolve's call history onto the log's placed calls,
/// against the stand-in (both list keys, ids as strings and numbers, several pages) and a
/// hostile look-alike (each failure one line, nothing written).
final class LogSyncTests: XCTestCase {
    func testTheStandInsHistoryGivesEachPlacedCallItsTalkTime() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let env = ["EXOLVE_API_KEY": "k"]
        var placed: [String] = []
        for (index, description) in ["stub:talk=45", "stub:busy", "stub:talk=7"].enumerated() {
            let request = exampleText(description: description).replacingOccurrences(of: "79599999999", with: "7959999990\(index)")
            let sent = try runExocall(["send", "--allow-repeat", "--base-url", url, "-"], environment: env, home: home, stdin: request)
            XCTAssertEqual(sent.status, 0, sent.stderr)
            placed.append(sent.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let before = try runExocall(["log"], home: home)
        XCTAssertTrue(before.stdout.contains("no events yet"), before.stdout)

        let synced = try runExocall(["log", "sync", "--base-url", url], environment: env, home: home)
        XCTAssertEqual(synced.status, 0, synced.stderr)
        XCTAssertTrue(synced.stderr.contains("3 calls read, 3 entries of this log updated"), synced.stderr)
        let after = try runExocall(["log"], home: home)
        XCTAssertTrue(after.stdout.contains("connected 0:45 (call history)"), after.stdout)
        XCTAssertTrue(after.stdout.contains("connected 0:07 (call history)"), after.stdout)
        let shown = try runExocall(["log", "show", "1"], home: home)
        XCTAssertTrue(shown.stdout.contains("connected 0:45 (call history)"), shown.stdout)
        let connected = try runExocall(["log", "--result", "connected", "--json"], home: home)
        XCTAssertEqual(connected.stdout.split(separator: "\n").count, 2, connected.stdout)
        XCTAssertTrue(connected.stdout.contains(#""source":"call_history""#), connected.stdout)
        XCTAssertTrue(connected.stdout.contains(#""talk_seconds":45"#), connected.stdout)
        // A window that holds none of them reads nothing and changes nothing.
        let empty = try runExocall(["log", "sync", "--base-url", url, "--since", "2099-01-01"], environment: env, home: home)
        XCTAssertTrue(empty.stderr.contains("0 calls read, 0 entries"), empty.stderr)
        let request = await server.received.last { $0.path == "/statistics/call-history/v1/GetList" }
        let body = String(decoding: request?.body ?? [], as: UTF8.self)
        XCTAssertTrue(body.contains(#""date_from":"2099-01-01"#) || body.contains(#""date_from":"2098-12-31"#), body)
        XCTAssertTrue(body.contains(#""limit":100"#) && body.contains(#""offset":0"#), body)
    }

    func testAHostileLookAlikeIsRefusedInOneLineAndNothingIsWritten() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k")
        let stubURL = try await server.start()
        defer { Task { await server.stop() } }
        let sent = try runExocall(["send", "--base-url", stubURL, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home,
                                  stdin: exampleText(description: "stub:talk=45"))
        XCTAssertEqual(sent.status, 0, sent.stderr)
        func answer(_ status: String, _ body: String) -> HostileServer {
            try! HostileServer { AnySequence([.text("HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) }
        }
        let cases: [(HostileServer, String)] = [
            (answer("200 OK", #"{"calls":[{"call_id":{"x":1},"duration":5}]}"#), "a call in the answer has no call_id of digits"),
            (answer("200 OK", #"{"calls":"many"}"#), "the answer has no list of calls"),
            (answer("200 OK", #"{"calls":[{"call_id":"1","duration":"-5"}]}"#), "no duration in seconds"),
            (answer("200 OK", "<html>glitch"), "not a JSON object"),
            (answer("401 Unauthorized", #"{"code":16,"message":"malformed token"}"#), "401"),
            (answer("404 Not Found", "404 page not found"), "404"),
            (answer("200 OK", "{\"calls\":[" + (0..<100).map { #"{"call_id":"\#(7_000_000_000 + $0)","duration":3}"# }.joined(separator: ",") + "]}"),
             "did not end after"),
        ]
        for (server, expected) in cases {
            let run = try runExocall(["log", "sync", "--base-url", server.url, "--timeout", "5"], environment: ["EXOLVE_API_KEY": "k"], home: home)
            server.stop()
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains(expected), "\(expected): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("nothing was written"), run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "one line: \(run.stderr)")
        }
        let log = try runExocall(["log"], home: home)
        XCTAssertFalse(log.stdout.contains("call history"), "nothing was written: \(log.stdout)")
        // The stand-in's own failures say the same.
        let anyKey = StubServer()
        let anyKeyURL = try await anyKey.start()
        defer { Task { await anyKey.stop() } }
        let endless = try runExocall(["log", "sync", "--base-url", anyKeyURL], environment: ["EXOLVE_API_KEY": "stub:endless"], home: home)
        XCTAssertEqual(endless.status, 1)
        XCTAssertTrue(endless.stderr.contains("did not end after"), endless.stderr)
    }

    func testTheConfigSaysWhetherTheTUIReadsTheHistoryByItself() throws {
        let home = scratchFolder(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "call_history = \"off\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let good = try runExocall(["config", "check"], home: home)
        XCTAssertEqual(good.status, 0, good.stdout + good.stderr)
        try "call_history = \"sometimes\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let bad = try runExocall(["config", "check"], home: home)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue((bad.stdout + bad.stderr).contains("call_history"), bad.stdout + bad.stderr)
        XCTAssertTrue((bad.stdout + bad.stderr).contains("sometimes"), bad.stdout + bad.stderr)
    }
}
