import CallLog
import ExolveStub
import Foundation
import XCTest

final class LogCommandTests: XCTestCase {
    let key = "log-cli-key-0a7c"

    /// Polls `condition` every 20 ms until it holds or `seconds` pass.
    func waitFor(_ what: String, seconds: Double = 10, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTFail("timed out waiting for \(what)")
    }

    func testASendKilledMidFlightLeavesAnEntryThatReadsAsInterrupted() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let db = home + "/calls.sqlite"
        let file = home + "/slow.json"
        try exampleText(description: "stub:slow=60").write(toFile: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = exocallBinary
        process.arguments = ["send", "--timeout", "120", "--base-url", url, "--db", db, file]
        process.environment = ["HOME": home, "EXOLVE_API_KEY": key, "XDG_CONFIG_HOME": home + "/config"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await waitFor("the request to reach the server") { !(await server.received).isEmpty }
        let store = try XCTUnwrap(SQLiteCallLog.openForReading(path: db))
        let inFlight = try store.page(.all, after: nil, limit: 5).first
        XCTAssertEqual(inFlight?.effectiveOutcome(), .sending, "in flight while its process lives")

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let entry = try XCTUnwrap(store.page(.all, after: nil, limit: 5).first)
        XCTAssertEqual(entry.outcome, .sending, "nothing completed it")
        XCTAssertEqual(entry.effectiveOutcome(), .unknown)
        let shown = try runExocall(["log", "--json", "--db", db], home: home)
        XCTAssertTrue(shown.stdout.contains(#""outcome":"unknown""#), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("interrupted"), shown.stdout)
    }

    func testConcurrentSendProcessesLoseNothing() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let file = home + "/request.json"
        try exampleText().write(toFile: file, atomically: true, encoding: .utf8)
        // Several rounds, each with a new file: the first writers also race to create the schema.
        for round in 0..<3 {
        let db = home + "/calls-\(round).sqlite"
        var processes: [Process] = []
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = exocallBinary
            process.arguments = ["send", "--allow-repeat", "--base-url", url, "--db", db, file]
            process.environment = ["HOME": home, "EXOLVE_API_KEY": key, "XDG_CONFIG_HOME": home + "/config"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        }
        let store = try XCTUnwrap(SQLiteCallLog.openForReading(path: db))
        XCTAssertEqual(try store.count(CallLogFilter(outcome: .placed), cap: 100).value, 8)
        XCTAssertEqual(Set(try store.page(.all, after: nil, limit: 20).compactMap(\.callID)).count, 8)
        XCTAssertEqual(try store.count(CallLogFilter(search: "78129999999"), cap: 100).value, 8, "the search index holds every entry")
        }
    }

    func testLogCommandsShowFilterReplayAndExport() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let db = home + "/calls.sqlite"
        let env = ["EXOLVE_API_KEY": key]
        for description in ["first", "stub:403", "stub:504"] {
            _ = try runExocall(["send", "--allow-repeat", "--base-url", url, "--db", db, "-"], environment: env, home: home,
                               stdin: exampleText(description: description))
        }
        let table = try runExocall(["log", "--db", db], home: home)
        XCTAssertEqual(table.status, 0)
        let rows = table.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 4, table.stdout)
        XCTAssertTrue(rows[1].contains("unknown") && rows[1].contains("stub:504"), "newest first: \(rows[1])")
        XCTAssertTrue(rows[3].contains("placed") && rows[3].contains("first"))

        let rejected = try runExocall(["log", "--json", "--outcome", "rejected", "--db", db], home: home)
        let lines = rejected.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        for field in ["id", "created_at", "mode", "outcome", "http_status", "call_id", "message", "request"] {
            XCTAssertTrue(object.keys.contains(field), "missing \(field)")
        }
        XCTAssertEqual(object["http_status"] as? Int, 403)
        XCTAssertEqual((object["request"] as? [String: Any])?["number_code"] as? Int, 74_999_999_999)

        let request = try runExocall(["log", "request", "1", "--db", db], home: home)
        let replay = try runExocall(["send", "--allow-repeat", "--base-url", url, "--db", db, "-"], environment: env, home: home, stdin: request.stdout)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let sentBodies = await server.received.map(\.body)
        XCTAssertEqual(sentBodies.first, sentBodies.last, "the replay sends the very same bytes")

        let show = try runExocall(["log", "show", "3", "--db", db], home: home)
        XCTAssertTrue(show.stdout.contains("MAY have been placed"), show.stdout)
        XCTAssertTrue(show.stdout.contains("504"))

        let csvPath = home + "/out.csv"
        let export = try runExocall(["log", "export", "--format", "csv", "--output", csvPath, "--db", db], home: home)
        XCTAssertEqual(export.status, 0, export.stderr)
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 5)
        let again = try runExocall(["log", "export", "--format", "csv", "--output", csvPath, "--db", db], home: home)
        XCTAssertEqual(again.status, 1, "an existing file is not overwritten")
        XCTAssertTrue(again.stderr.contains("already exists"), "the reason is the file that exists, not a vague one: \(again.stderr)")
        let jsonl = try runExocall(["log", "export", "--search", "first", "--db", db], home: home)
        XCTAssertEqual(jsonl.stdout.split(separator: "\n").count, 2, "the original and its replay")
    }

    func testNoLogSendsWithoutRecordingAndAnUnwritableLogStopsTheSend() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let db = home + "/calls.sqlite"
        let noLog = try runExocall(["send", "--no-log", "--base-url", url, "--db", db, "-"], environment: ["EXOLVE_API_KEY": key],
                                   home: home, stdin: exampleText())
        XCTAssertEqual(noLog.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))

        try Data("not a database".utf8).write(to: URL(fileURLWithPath: db))
        let blocked = try runExocall(["send", "--base-url", url, "--db", db, "-"], environment: ["EXOLVE_API_KEY": key],
                                     home: home, stdin: exampleText())
        XCTAssertEqual(blocked.status, 4, "the log cannot record it: not sent")
        XCTAssertTrue(blocked.stderr.contains("nothing was sent"), blocked.stderr)
        let count = await server.received.count
        XCTAssertEqual(count, 1, "only the --no-log send reached the server")
    }
}
