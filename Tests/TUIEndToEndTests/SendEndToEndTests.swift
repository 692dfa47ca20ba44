import Foundation
import TmuxKit
import ExolveStub
import XCTest

final class SendEndToEndTests: XCTestCase {
    func testDemoSendsEveryOutcomeSearchesAndReusesALoggedRequest() throws {
        let home = scratchHome(self)
        let example = home + "/example.json"
        try """
        {"request_description":"first-call","number_code":74999999999,"callback_resource_id":1221,
         "line_1":{"destinations":[{"number":"78129999999"}]},
         "line_2":{"destinations":[{"number":"79599999999"}],"audio":{"media_resource_id":685}}}
        """.write(toFile: example, atomically: true, encoding: .utf8)
        let tmux = try Tmux(home: home, command: Tmux.reporting("--demo --load \(example)"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "✓ valid request")

        // A valid request: confirm, then placed with its call_id, and in the panel.
        tmux.keys("F5")
        tmux.waitFor(text: "Place this callback?")
        tmux.keys("Enter")
        tmux.waitFor(text: "┌─ PLACED")
        let callID = tmux.lastScreen.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "call_id   ") else { return nil }
            return String(line[range.upperBound...].prefix(19))
        }.first ?? ""
        XCTAssertEqual(callID.count, 19, tmux.lastScreen)
        tmux.keys("Escape")
        tmux.waitFor("the placed entry in the panel") { $0.contains("PLACED") && $0.contains("Call log (1)") }

        // stub:504: unknown. The same client was just called: the guard lists that call
        // and asks a second time, which only y answers.
        tmux.keys("C-u")
        tmux.type("stub:504")
        tmux.keys("F5")
        tmux.waitFor(text: "This client was called within the last 10 min:")
        tmux.waitFor(text: "placed, call_id \(callID)")
        tmux.keys("Enter")
        tmux.waitFor(text: "Send AGAIN?")
        tmux.keys("Enter")
        tmux.keys("y")
        tmux.waitFor(text: "OUTCOME UNKNOWN")
        tmux.waitFor(text: "The call MAY have been placed.")
        tmux.keys("Escape")

        // stub:403: rejected.
        tmux.keys("C-u")
        tmux.type("stub:403")
        tmux.keys("F5")
        tmux.waitFor(text: "it may be ringing the client right now")
        tmux.keys("Enter")
        // The second ask takes only a key pressed once it is on the screen (issue #27).
        tmux.waitFor(text: "Send AGAIN?")
        tmux.keys("y")
        tmux.waitFor(text: "┌─ REJECTED")
        tmux.waitFor(text: "customer not active")
        tmux.keys("Escape")
        tmux.waitFor(text: "Call log (3)")

        // Search the log for the first call and bring its request back into the form.
        tmux.keys("F8", "F8", "/")
        tmux.waitFor(text: "Search the call log")
        tmux.type("first-call")
        tmux.keys("Enter")
        tmux.waitFor(text: "“first-call” · 1 match")
        tmux.keys("r")
        tmux.waitFor(text: "request is in the form; Ctrl-Z brings your previous form back")
        tmux.waitFor(text: "Description       first-call")

        // The log holds every attempt, as demo entries.
        let db = home + "/data/exocall/calls.sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tmux.exocall)
        process.arguments = ["log", "--json", "--db", db]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let outcomes = output.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertEqual(object?["mode"] as? String, "demo")
            return object?["outcome"] as? String
        }
        XCTAssertEqual(outcomes, ["rejected", "unknown", "placed"])
        XCTAssertTrue(output.contains(callID))
    }

    func testWithoutAKeyTheUIOpensAndF5SaysHowToProvideOne() throws {
        let home = scratchHome(self)
        let tmux = try Tmux(home: home, command: Tmux.reporting(""))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "→ api.exolve.ru")
        tmux.keys("F5")
        tmux.waitFor(text: "No API key: nothing can be sent yet")
        XCTAssertTrue(tmux.lastScreen.contains("EXOLVE_API_KEY"))
    }
}

final class LogWatchEndToEndTests: XCTestCase {
    func testEntriesFromAnotherProcessAppearInThePanel() async throws {
        let home = scratchHome(self)
        let db = home + "/shared.sqlite"
        let tmux = try Tmux(home: home, command: Tmux.reporting("--demo --db \(db)"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "Call log (0)")
        let server = StubServer(apiKey: "k")
        let url = try await server.start()
        defer { Task { await server.stop() } }
        let body = home + "/r.json"
        try #"{"request_description":"from-another-process","number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}"#
            .write(toFile: body, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tmux.exocall)
        process.arguments = ["send", "--base-url", url, "--db", db, body]
        process.environment = ["HOME": home, "EXOLVE_API_KEY": "k", "XDG_CONFIG_HOME": home + "/config"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        tmux.waitFor("the other process's entry in the panel") { $0.contains("Call log (1)") && $0.contains("PLACED") }
    }
}
