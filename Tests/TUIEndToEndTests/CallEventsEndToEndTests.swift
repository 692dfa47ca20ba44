import Foundation
import TmuxKit
import XCTest

/// `--demo` plays each placed call's life as Exolve's events, over HTTP, to a receiver in the
/// process: the log panel's result goes from ringing to connected by itself.
final class CallEventsEndToEndTests: XCTestCase {
    func start(description: String) throws -> Tmux {
        let home = scratchHome(self)
        let file = home + "/request.json"
        try """
        {"request_description":"\(description)","number_code":74999999999,"callback_resource_id":1221,
         "line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: 200, height: 60, home: home, command: Tmux.reporting("--demo --load \(file)"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "✓ valid request")
        return tmux
    }

    func place(_ tmux: Tmux) {
        tmux.keys("F5")
        tmux.waitFor(text: "Place this callback?")
        tmux.keys("Enter")
        tmux.waitFor(text: "┌─ PLACED")
        tmux.keys("Escape")
    }

    func testTheDemoCallsResultGoesFromRingingToConnectedByItself() throws {
        let tmux = try start(description: "stub:talk=2")
        place(tmux)
        tmux.waitFor("a live step of the call", timeout: 15) { $0.contains("ringing") || $0.contains("op answered") || $0.contains("talking") }
        tmux.waitFor(text: "connected 0:02", timeout: 20)
    }

    func testABusyClientReadsAsSuch() throws {
        let tmux = try start(description: "stub:busy")
        place(tmux)
        tmux.waitFor(text: "client busy", timeout: 20)
        tmux.keys("M-3")
        tmux.keys("Enter")
        tmux.waitFor(text: "user busy (Q.850 17,", timeout: 10)
        // o goes on past the outcomes to the results: busy keeps the call, no answer has none.
        tmux.keys("Escape")
        tmux.waitFor("the entry to close") { !$0.contains("Call log entry 1") } // else Esc and o arrive as Alt-o
        // Five outcomes (placed, rejected, not sent, unknown, sending), then pending, connected, busy.
        for _ in 0..<8 { tmux.keys("o") }
        tmux.waitFor(text: "result: busy", timeout: 5)
        tmux.waitFor(text: "client busy", timeout: 10)
        tmux.keys("o")
        tmux.waitFor(text: "result: no answer", timeout: 5)
        tmux.waitFor(text: "No entry matches", timeout: 10)
        tmux.keys("Escape")
        tmux.waitFor(text: "client busy", timeout: 10)
    }
}
