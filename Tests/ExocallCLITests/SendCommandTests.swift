import ExolveStub
import Foundation
import XCTest

final class SendCommandTests: XCTestCase {
    let key = "cli-secret-7d3a91"

    func testEachOutcomeHasItsExitCodeAndTheKeyAppearsNowhere() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let cases: [(String, Int32, String)] = [
            ("plain", 0, "placed"), ("stub:403", 3, "rejected"), ("stub:504", 5, "unknown"),
            ("stub:drop", 5, "unknown"), ("stub:garbage", 5, "unknown"), ("stub:slow=3", 5, "unknown"),
        ]
        for (description, status, outcome) in cases {
            let run = try runExocall(["send", "--allow-repeat", "--json", "--timeout", "1", "--base-url", url, "-"],
                                     environment: ["EXOLVE_API_KEY": key], home: home, stdin: exampleText(description: description))
            XCTAssertEqual(run.status, status, "\(description): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains(#""outcome":"\#(outcome)""#), "\(description): \(run.stdout)")
            XCTAssertFalse(run.stdout.contains(key) || run.stderr.contains(key), "the key leaked for \(description)")
        }
        let wrongKey = try runExocall(["send", "--allow-repeat", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": "nope"],
                                      home: home, stdin: exampleText())
        XCTAssertEqual(wrongKey.status, 3)
        XCTAssertTrue(wrongKey.stderr.contains("malformed token"))
    }

    func testPlacedPrintsTheCallIDAloneOnStdout() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let run = try runExocall(["send", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": key], home: home, stdin: exampleText())
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines.first?.count, 19)
    }

    func testInvalidRequestIsNotSentAndExits2() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let bad = exampleText().replacingOccurrences(of: #""ring_logic":1"#, with: #""ring_logic":3"#)
        let run = try runExocall(["send", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": key], home: home, stdin: bad)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("line_1.ring_logic: must be 1 (sequential) or 2 (parallel), got 3"), run.stderr)
        let count = await server.received.count
        XCTAssertEqual(count, 0, "an invalid request must not be sent")
    }

    func testRefusedConnectionExits4AndMissingKeyExits1() throws {
        let home = scratchFolder(self)
        let refused = try runExocall(["send", "--base-url", "http://127.0.0.1:9", "-"], environment: ["EXOLVE_API_KEY": key],
                                     home: home, stdin: exampleText())
        XCTAssertEqual(refused.status, 4, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("safe to send again"))
        let noKey = try runExocall(["send", "-"], home: home, stdin: exampleText())
        XCTAssertEqual(noKey.status, 1)
        XCTAssertTrue(noKey.stderr.contains("EXOLVE_API_KEY"))
    }
}

final class ValidateCommandTests: XCTestCase {
    func testValidExitsZeroWithOK() throws {
        let run = try runExocall(["validate", "-"], home: scratchFolder(self), stdin: exampleText())
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "OK\n")
    }

    func testProblemsAsTextAndJSON() throws {
        let home = scratchFolder(self)
        let bad = exampleText().replacingOccurrences(of: #""number":"78129999999""#, with: #""number":"89991234567""#)
        let text = try runExocall(["validate", "-"], home: home, stdin: bad)
        XCTAssertEqual(text.status, 0, "a warning alone does not block")
        XCTAssertEqual(text.stdout, """
            warning: line_1.destinations[0].number: is written the domestic way; the international form is 79991234567, got "89991234567"; it is sent as written
              fix: 79991234567
            OK: sendable, with 1 warning

            """)
        let strict = try runExocall(["validate", "--strict", "-"], home: home, stdin: bad)
        XCTAssertEqual(strict.status, 2)
        XCTAssertTrue(strict.stdout.hasPrefix("error: line_1.destinations[0].number"), strict.stdout)
        let json = try runExocall(["validate", "--json", "-"], home: home, stdin: bad)
        XCTAssertEqual(json.status, 0)
        XCTAssertTrue(json.stdout.hasPrefix(#"[{"path":"line_1.destinations[0].number","message":"#), json.stdout)
        XCTAssertTrue(json.stdout.contains(#""severity":"warning","fix":"79991234567"}]"#), json.stdout)
        let broken = exampleText().replacingOccurrences(of: #""number":"78129999999""#, with: #""number":"call me""#)
        let error = try runExocall(["validate", "-"], home: home, stdin: broken)
        XCTAssertEqual(error.status, 2)
        XCTAssertTrue(error.stdout.hasPrefix("error: line_1.destinations[0].number: must be a phone number"), error.stdout)
    }

    func testUnreadableFileExits2WithAMessage() throws {
        let run = try runExocall(["validate", "/nonexistent/request.json"], home: scratchFolder(self))
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no such file"))
    }

    func testVoicesJSONHasTheDocumentedShape() throws {
        let run = try runExocall(["voices", "--json"], home: scratchFolder(self))
        XCTAssertEqual(run.status, 0)
        let voices = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(voices.count, 13)
        let masha = voices.first { $0["id"] as? Int == 15 }!
        XCTAssertEqual(masha["latin"] as? String, "Masha")
        XCTAssertEqual(masha["gender"] as? String, "F")
        XCTAssertEqual(masha["default_emotion"] as? Int, 2)
        XCTAssertEqual((masha["emotions"] as? [[String: Any]])?.map { $0["label"] as? String }, ["joyful", "friendly", "strict"])
        XCTAssertEqual(masha["langs"] as? [Int], [1])
    }
}

final class TemplateCommandTests: XCTestCase {
    func testSendATemplateWithSetAndCurlIt() async throws {
        let home = scratchFolder(self)
        let templates = home + "/data/exocall/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try #"{"request_description":"reminder","number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"70000000000"}]}}"#
            .write(toFile: templates + "/reminder.json", atomically: true, encoding: .utf8)
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let run = try runExocall(["send", "--template", "reminder", "--set", "line_2.destinations[0].number=79991234567",
                                  "--set", "duration=600", "--base-url", url], environment: ["EXOLVE_API_KEY": "k"], home: home)
        XCTAssertEqual(run.status, 0, run.stderr)
        let body = await server.received.first.map { String(decoding: $0.body, as: UTF8.self) } ?? ""
        XCTAssertTrue(body.contains(#""duration":600"#) && body.contains(#""number":"79991234567""#), body)

        let bad = try runExocall(["send", "--template", "reminder", "--set", "line_3.x=1", "--base-url", url],
                                 environment: ["EXOLVE_API_KEY": "k"], home: home)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("there is no \"line_3\""), bad.stderr)
        let invalid = try runExocall(["send", "--template", "reminder", "--set", "duration=5", "--base-url", url],
                                     environment: ["EXOLVE_API_KEY": "k"], home: home)
        XCTAssertEqual(invalid.status, 2, "a templated request is validated like any other")

        let list = try runExocall(["templates", "list"], home: home)
        XCTAssertEqual(list.stdout, "reminder\n")
        let curl = try runExocall(["curl", "--template", "reminder", "--base-url", url], environment: ["EXOLVE_API_KEY": "secret-value"], home: home)
        XCTAssertEqual(curl.status, 0, curl.stderr)
        XCTAssertTrue(curl.stdout.contains("$EXOLVE_API_KEY") && !curl.stdout.contains("secret-value"))
    }
}
