import ExolveStub
import Foundation
import TmuxKit
import XCTest

/// The moments an operator could ring someone twice, lose an outcome or send
/// words they did not type, on the real binary in tmux.
final class SafetyEndToEndTests: XCTestCase {
    /// A valid request file whose description (and so its stand-in scenario) is `description`.
    func requestFile(_ home: String, description: String = "safety", client: String = "79599999999") throws -> String {
        let path = home + "/request-\(UUID().uuidString.prefix(6)).json"
        try """
        {"request_description":"\(description)","number_code":74999999999,"callback_resource_id":1221,
         "line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"\(client)"}]}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func start(_ arguments: String, home: String) throws -> Tmux {
        let tmux = try Tmux(home: home, command: Tmux.reporting(arguments))
        addTeardownBlock { tmux.close() }
        return tmux
    }

    /// exocall in demo with a valid request sent and in flight: the stand-in answers after `seconds`.
    func startSending(answeringAfter seconds: Int, home: String) throws -> Tmux {
        let tmux = try start("--demo --load \(try requestFile(home, description: "stub:slow=\(seconds)"))", home: home)
        tmux.waitFor(text: "✓ valid request")
        tmux.keys("F5")
        tmux.waitFor(text: "Place this callback?")
        tmux.keys("Enter")
        tmux.waitFor(text: "sending to DEMO")
        return tmux
    }

    /// Runs `exocall ARGUMENTS` to the end; returns its exit status and standard output.
    func exocall(_ arguments: [String], home: String, environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tmux.exocall)
        process.arguments = arguments
        process.environment = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data"].merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The outcomes `exocall log --json` reads from the log, newest first.
    func loggedOutcomes(_ home: String) throws -> [String] {
        let (_, output) = try exocall(["log", "--json"], home: home)
        return output.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["outcome"] as? String
        }
    }

    func testTheGuardSeesACallMadeByAnotherProcessAndNeedsADeliberateSecondYes() async throws {
        let home = scratchHome(self)
        let file = try requestFile(home)
        let tmux = try start("--demo --load \(file)", home: home)
        tmux.waitFor(text: "✓ valid request")
        // Another exocall process rings the same client (written differently) through its own stand-in.
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let other = try requestFile(home, description: "from another desk", client: "+7 959 999-99-99")
        let (status, _) = try exocall(["send", "--base-url", url, other], home: home, environment: ["EXOLVE_API_KEY": "k"])
        XCTAssertEqual(status, 0)
        tmux.keys("F5")
        tmux.waitFor(text: "This client was called within the last 10 min:")
        tmux.waitFor(text: "+7 959 999-99-99  placed, call_id")
        tmux.keys("Enter")
        tmux.waitFor(text: "Send AGAIN?")
        tmux.keys("Enter") // Enter does not answer the second ask
        tmux.keys("Escape")
        tmux.waitFor(text: "cancelled: you chose not to send")
        XCTAssertEqual(try loggedOutcomes(home), ["placed"], "only the other process's call: nothing sent from here")
    }

    func testQuitWhileSendingWaitsForTheOutcomeByDefault() throws {
        let home = scratchHome(self)
        let tmux = try startSending(answeringAfter: 2, home: home)
        tmux.keys("F10")
        tmux.waitFor(text: "A send is in flight")
        tmux.keys("Enter")
        tmux.waitFor(text: "[exit:0]")
        XCTAssertTrue(tmux.lastScreen.contains("exocall: the last send: placed: call_id"), tmux.lastScreen)
        XCTAssertEqual(try loggedOutcomes(home), ["placed"])
    }

    func testQuitNowLeavesTheEntryInterruptedNeverPlacedByTheStandIn() throws {
        let home = scratchHome(self)
        let tmux = try startSending(answeringAfter: 3, home: home)
        tmux.keys("C-q")
        tmux.waitFor(text: "A send is in flight")
        tmux.keys("q")
        tmux.waitFor(text: "[exit:0]")
        XCTAssertTrue(tmux.lastScreen.contains("interrupted: may have been placed"), tmux.lastScreen)
        XCTAssertEqual(try loggedOutcomes(home), ["unknown"], "the demo stand-in must not answer a send cut short")
    }

    func testSIGTERMDuringASendRecordsItsOutcomeBeforeExiting() throws {
        let home = scratchHome(self)
        let tmux = try startSending(answeringAfter: 2, home: home)
        let app = childProcess(of: tmux.panePID())
        XCTAssertGreaterThan(app, 0)
        kill(app, SIGTERM)
        tmux.waitFor(text: "[exit:143]")
        tmux.waitFor(text: "[tty:icanon]") // the terminal was restored
        XCTAssertTrue(tmux.lastScreen.contains("exocall: the last send: placed"), tmux.lastScreen)
        XCTAssertEqual(try loggedOutcomes(home), ["placed"])
    }

    func testHomeAndEndMoveTheCursorUnderAMismatchedTERM() throws {
        // tmux sends its own (screen) sequences, ESC [ 1 ~ and ESC [ 4 ~, to a program told TERM=xterm-256color.
        let home = scratchHome(self)
        let tmux = try start("--demo", home: home)
        tmux.waitFor(text: "┌─ Request")
        tmux.type("abc")
        tmux.keys("Home")
        tmux.type("X")
        tmux.keys("End")
        tmux.type("Y")
        tmux.waitFor(text: #""request_description": "XabcY""#)
        tmux.keys("Tab", "Home", "End", "Delete", "Insert")
        tmux.type("7")
        tmux.waitFor(text: #""number_code": 7,"#)
        XCTAssertFalse(tmux.lastScreen.contains("4~") || tmux.lastScreen.contains("1~"), tmux.lastScreen)
    }

    func testAPasteHoldingAnEndMarkerAndKeysIsOnlyText() throws {
        let home = scratchHome(self)
        let tmux = try start("--demo --load \(try requestFile(home))", home: home)
        tmux.waitFor(text: "✓ valid request")
        tmux.keys("C-u")
        // The clipboard holds: x, an end-of-paste marker, F5, y. Pasted bracketed, as a terminal does.
        tmux.command("set-buffer", "--", "x\u{1B}[201~\u{1B}[15~y")
        tmux.command("paste-buffer", "-p")
        tmux.waitFor("the paste as text") { $0.contains(#""request_description": "x"#) && $0.contains(#"y","#) }
        XCTAssertFalse(tmux.lastScreen.contains("Place this callback?"), tmux.lastScreen)
        XCTAssertFalse(tmux.lastScreen.contains("PLACED"))
        XCTAssertEqual(try loggedOutcomes(home), [], "nothing was sent")
    }

    func testTheVoiceNudgeBringsTheChosenEmotionBack() throws {
        let home = scratchHome(self)
        let file = home + "/voice.json"
        try """
        {"number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}],
         "audio":{"tts":{"text":"Шёпотом","voice":11,"emotion":6}}},"line_2":{"destinations":[{"number":"79599999999"}]}}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try start("--demo --load \(file)", home: home)
        tmux.waitFor(text: "✓ valid request")
        for _ in 0..<11 { tmux.keys("Tab") }
        tmux.waitFor(text: "▸Voice")
        tmux.keys("Right")
        tmux.waitFor(text: "whisper comes back with a voice that has it")
        tmux.keys("Left")
        tmux.waitFor(text: "your emotion 6 whisper is back")
        XCTAssertTrue(tmux.lastScreen.contains("‹ 6 whisper ›"), tmux.lastScreen)
    }
}
