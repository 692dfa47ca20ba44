import ExolveStub
import Foundation
import XCTest

/// Issue #29: `--operator` and `EXOCALL_OPERATOR` name the operator (the trial's entries all read root@vm).
final class OperatorNameTests: XCTestCase {
    let key = "cli-secret-0p3r"

    func testTheFlagBeatsTheEnvironmentWhichBeatsTheConfig() async throws {
        let home = scratchFolder(self)
        try FileManager.default.createDirectory(atPath: home + "/config/exocall", withIntermediateDirectories: true)
        try "operator = \"from-config\"\n".write(toFile: home + "/config/exocall/config.toml", atomically: true, encoding: .utf8)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let sends: [([String], [String: String], String)] = [
            ([], [:], "from-config"),
            ([], ["EXOCALL_OPERATOR": "anna"], "anna"),
            (["--operator", "boris"], ["EXOCALL_OPERATOR": "anna"], "boris"),
        ]
        for (index, (flags, environment, expected)) in sends.enumerated() {
            let run = try runExocall(["send", "--allow-repeat", "--base-url", url] + flags + ["-"],
                                     environment: environment.merging(["EXOLVE_API_KEY": key]) { $1 }, home: home,
                                     stdin: exampleText(description: "op-\(index)"))
            XCTAssertEqual(run.status, 0, run.stderr)
            let show = try runExocall(["log", "show", "\(index + 1)"], home: home)
            XCTAssertTrue(show.stdout.contains(expected), "entry \(index + 1) should name \(expected): \(show.stdout)")
        }
    }

    func testANameThatIsNotOneLineIsRefusedNamingWhereItCameFrom() throws {
        let home = scratchFolder(self)
        let flag = try runExocall(["send", "--operator", "bad\u{1B}[31mname", "-"], environment: ["EXOLVE_API_KEY": key], home: home,
                                  stdin: exampleText())
        XCTAssertEqual(flag.status, 1)
        XCTAssertTrue(flag.stderr.contains("--operator: an operator's name is one line"), flag.stderr)
        XCTAssertFalse(flag.stderr.contains("\u{1B}"), "the escape is shown escaped, never sent to the terminal")
        let environment = try runExocall(["send", "-"], environment: ["EXOLVE_API_KEY": key, "EXOCALL_OPERATOR": "a\nb"], home: home,
                                         stdin: exampleText())
        XCTAssertTrue(environment.stderr.contains("EXOCALL_OPERATOR: an operator's name is one line"), environment.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/data/exocall/calls.sqlite"), "nothing was sent or logged")
    }

    /// The trial: `--timeout 2s` was refused while `--repeat-window 30m` worked.
    func testTimeoutTakesADurationLikeTheRepeatWindow() async throws {
        let home = scratchFolder(self)
        let server = StubServer(apiKey: key)
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let run = try runExocall(["send", "--timeout", "2s", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": key], home: home,
                                 stdin: exampleText())
        XCTAssertEqual(run.status, 0, run.stderr)
        let bad = try runExocall(["send", "--timeout", "11m", "--base-url", url, "-"], environment: ["EXOLVE_API_KEY": key], home: home,
                                 stdin: exampleText())
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--timeout must be a duration from 1 second to 10 minutes (30, 30s, 2m), got 11m"), bad.stderr)
    }

    /// The trial: the team log down at start showed `SingleConnectionFailure(target: [IPv4]127.0.0.1…`.
    func testAnUnreachableTeamLogIsExplainedInWordsNeverALibraryDump() throws {
        let home = scratchFolder(self)
        for (language, expected) in [("en", "nothing answers at 127.0.0.1:9: is PostgreSQL running"), ("ru", "по адресу 127.0.0.1:9 никто не отвечает")] {
            let run = try runExocall(["log", "--lang=\(language)", "--db", "postgresql://u@127.0.0.1:9/calls"], home: home)
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.stderr.contains(expected), run.stderr)
            XCTAssertFalse(run.stderr.contains("SingleConnectionFailure") || run.stderr.contains("errno"), run.stderr)
        }
        let unknown = try runExocall(["log", "--db", "postgresql://u@no-such-host.invalid:5432/calls"], home: home)
        XCTAssertTrue(unknown.stderr.contains("no such host: no-such-host.invalid"), unknown.stderr)
    }
}
