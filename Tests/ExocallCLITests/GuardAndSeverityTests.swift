import ExolveStub
import Foundation
import XCTest

/// `send` holds a repeat (exit 6, nothing sent or written), and warnings inform
/// while errors block, through the real binary and the stand-in over loopback.
final class GuardAndSeverityTests: XCTestCase {
    func testSendIsHeldWithExit6AndNothingIsSentOrLogged() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let env = ["EXOLVE_API_KEY": "k"]
        let first = try runExocall(["send", "--base-url", url, "-"], environment: env, home: home, stdin: exampleText())
        XCTAssertEqual(first.status, 0, first.stderr)
        let requestsBefore = await server.received.count
        // The same client, written the domestic way: still the same client.
        let again = exampleText(description: "again").replacingOccurrences(of: "79599999999", with: "8 959 999-99-99")
        let held = try runExocall(["send", "--base-url", url, "-"], environment: env, home: home, stdin: again)
        XCTAssertEqual(held.status, 6, held.stderr)
        XCTAssertTrue(held.stderr.contains("held: a recent attempt to the same number (within 10 min); nothing was sent"), held.stderr)
        XCTAssertTrue(held.stderr.contains("placed, call_id \(first.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"), held.stderr)
        let json = try runExocall(["send", "--json", "--base-url", url, "-"], environment: env, home: home, stdin: again)
        XCTAssertEqual(json.status, 6)
        XCTAssertTrue(json.stdout.hasPrefix(#"{"outcome":"held","recent":[{"entry_id":1,"#), json.stdout)
        let afterHolds = await server.received.count
        XCTAssertEqual(afterHolds, requestsBefore, "nothing reached the server while held")
        let log = try runExocall(["log", "--json"], home: home)
        XCTAssertEqual(log.stdout.split(separator: "\n").count, 1, "nothing was written to the log while held")
        let allowed = try runExocall(["send", "--allow-repeat", "--base-url", url, "-"], environment: env, home: home, stdin: again)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        let windowOff = try runExocall(["send", "--repeat-window", "0", "--base-url", url, "-"], environment: env, home: home, stdin: again)
        XCTAssertEqual(windowOff.status, 0, windowOff.stderr)
        let badWindow = try runExocall(["send", "--repeat-window", "soon", "--base-url", url, "-"], environment: env, home: home, stdin: again)
        XCTAssertEqual(badWindow.status, 1)
        XCTAssertTrue(badWindow.stderr.contains("--repeat-window must be a duration like 10m"), badWindow.stderr)
    }

    func testARejectedCallDoesNotHoldTheNextOne() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let rejected = try runExocall(["send", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home,
                                      stdin: exampleText(description: "stub:403"))
        XCTAssertEqual(rejected.status, 3)
        let next = try runExocall(["send", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home, stdin: exampleText())
        XCTAssertEqual(next.status, 0, "a rejected call rang nobody: \(next.stderr)")
    }

    /// Each warning row of the ruling, as a one-field change to the spec's example.
    let warnings: [(String, String, String)] = [
        ("+7 959 999-99-99", #""number":"79599999999""#, "line_2.destinations[0].number"),
        ("\"100\"", #""number":"79599999999""#, "line_2.destinations[0].number"),
        ("\"sip:pbx.example.ru\"", #""number":"79599999999""#, "line_2.destinations[0].number"),
        ("\"9031234567\"", #""number":"79599999999""#, "line_2.destinations[0].number"),
        ("1221.0", #""callback_resource_id":1221"#, "callback_resource_id"),
        ("\"1221\"", #""callback_resource_id":1221"#, "callback_resource_id"),
        ("null", #""request_description":"internal_id_148""#, "request_description"),
    ]

    func testWarningsExit0WithTheirPathAndStrictMakesThemBlock() throws {
        let home = scratchFolder(self)
        for (value, original, path) in warnings {
            let key = String(original.split(separator: ":")[0])
            let text = exampleText().replacingOccurrences(of: original, with: "\(key):\(value.hasPrefix("+") ? "\"\(value)\"" : value)")
            XCTAssertNotEqual(text, exampleText(), "the fixture changed for \(value)")
            let run = try runExocall(["validate", "-"], home: home, stdin: text)
            XCTAssertEqual(run.status, 0, "\(value): \(run.stdout)")
            XCTAssertTrue(run.stdout.hasPrefix("warning: \(path): "), "\(value): \(run.stdout)")
            let json = try runExocall(["validate", "--json", "-"], home: home, stdin: text)
            XCTAssertTrue(json.stdout.contains(#""path":"\#(path)""#) && json.stdout.contains(#""severity":"warning""#), json.stdout)
            let strict = try runExocall(["validate", "--strict", "-"], home: home, stdin: text)
            XCTAssertEqual(strict.status, 2, "\(value) under --strict")
        }
    }

    /// Each error row of the ruling, as a one-field change to the spec's example: (what, where, its path).
    let errors: [(String, String, String)] = [
        (#""duration":299,"#, #""callback_resource_id":1221,"#, "duration"),
        (#""duration":1800.5,"#, #""callback_resource_id":1221,"#, "duration"),
        (#""duration":4294967296,"#, #""callback_resource_id":1221,"#, "duration"),
        (#""duration":"long","#, #""callback_resource_id":1221,"#, "duration"),
        (#""duration":{},"#, #""callback_resource_id":1221,"#, "duration"),
        (#""durration":1800,"#, #""callback_resource_id":1221,"#, "durration"),
        (#""ringlogic":1,"#, #""ring_logic":1,"#, "line_1.ringlogic"),
    ]

    func testErrorsExit2WithTheirPath() throws {
        let home = scratchFolder(self)
        for (insert, anchor, path) in errors {
            guard let range = exampleText().range(of: anchor) else { return XCTFail("no \(anchor) in the example") }
            var text = exampleText()
            text.replaceSubrange(range, with: anchor + insert)
            let run = try runExocall(["validate", "-"], home: home, stdin: text)
            XCTAssertEqual(run.status, 2, "\(insert): \(run.stdout)")
            XCTAssertTrue(run.stdout.hasPrefix("error: \(path): "), "\(insert): \(run.stdout)")
        }
        for (field, value) in [("number_code", "0"), ("callback_resource_id", "-1")] {
            let text = exampleText().replacingOccurrences(of: #""\#(field)":"#, with: #""\#(field)":\#(value),"x\#(field)":"#)
            let run = try runExocall(["validate", "-"], home: home, stdin: text)
            XCTAssertEqual(run.status, 2)
            XCTAssertTrue(run.stdout.contains("error: \(field): "), run.stdout)
        }
    }

    func testTheStandInPlacesARequestWithWarningsAndSendStrictSendsNothing() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let text = exampleText().replacingOccurrences(of: #""callback_resource_id":1221"#, with: #""callback_resource_id":"1221""#)
        let strict = try runExocall(["send", "--strict", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home, stdin: text)
        XCTAssertEqual(strict.status, 2)
        let count = await server.received.count
        XCTAssertEqual(count, 0, "nothing sent under --strict")
        let sent = try runExocall(["send", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": "k"], home: home, stdin: text)
        XCTAssertEqual(sent.status, 0, sent.stderr)
        XCTAssertTrue(sent.stderr.contains("warning: callback_resource_id: a number in quotes"), sent.stderr)
        let body = try runExocall(["log", "request", "1"], home: home)
        XCTAssertTrue(body.stdout.contains(#""callback_resource_id":1221,"#), "sent as the plain number: \(body.stdout)")
    }
}

/// `exocall numbers`: the account's numbers, exit codes as send's, nothing logged.
final class NumbersCommandTests: XCTestCase {
    func testListsOutgoingNumbersOrAllAndLogsNothing() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let run = try runExocall(["numbers", "--base-url", url], environment: ["EXOLVE_API_KEY": "k"], home: home)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("NUMBER"), run.stdout)
        XCTAssertTrue(run.stderr.contains("235 of 250 numbers (15 cannot place calls: --all lists them)"), run.stderr)
        let all = try runExocall(["numbers", "--all", "--json", "--base-url", url], environment: ["EXOLVE_API_KEY": "k"], home: home)
        let list = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(list?.count, 250)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/data/exocall/calls.sqlite"), "listing is not a call: nothing logged")
        let wrong = try runExocall(["numbers", "--base-url", url], environment: ["EXOLVE_API_KEY": "nope"], home: home)
        XCTAssertEqual(wrong.status, 3)
        XCTAssertTrue(wrong.stderr.contains("HTTP 401"), wrong.stderr)
        let noKey = try runExocall(["numbers", "--base-url", url], home: home)
        XCTAssertEqual(noKey.status, 1)
        let refused = try runExocall(["numbers", "--base-url", "http://127.0.0.1:9"], environment: ["EXOLVE_API_KEY": "k"], home: home)
        XCTAssertEqual(refused.status, 4)
    }
}
