import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import Foundation
import PostgresTestSupport
import TestPostgres
import TmuxKit
import XCTest

/// The TUI on a team log: another operator's send appears in the panel by itself,
/// and a server that is down at start is reported with sends refused.
final class TeamLogEndToEndTests: XCTestCase {
    let example = """
    {"request_description":"team-e2e","number_code":74999999999,"callback_resource_id":1221,
     "line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}
    """

    private func start(db: String, width: Int = 120) throws -> Tmux {
        let home = scratchHome(self)
        let file = home + "/example.json"
        try example.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: width, height: 40, home: home, command: Tmux.reporting("--demo --db \(db) --load \(file)"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "✓ valid request")
        return tmux
    }

    /// F5, Enter: the call placed, its outcome closed.
    private func place(_ tmux: Tmux) {
        tmux.keys("F5")
        tmux.waitFor(text: "Place this callback?")
        tmux.keys("Enter")
        tmux.waitFor(text: "┌─ PLACED")
        tmux.keys("Escape")
        tmux.waitFor("the outcome to close") { !$0.contains("┌─ PLACED") }
    }

    func testAnotherOperatorsSendAppearsInThePanelByItself() async throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        // Wide enough for the panel's operator column (narrower, the entry view shows it).
        let tmux = try start(db: url, width: 160)
        tmux.waitFor(text: "Call log (0)")
        let other = try await CallLogOpener.open(url)
        var request = try XCTUnwrap(RequestValidator.validate(bytes: Array(example.utf8)).request)
        request.requestDescription = "from-boris-42"
        let id = try await other.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", operatorName: "boris"))
        try await other.complete(id: id, with: SendResult(outcome: .placed(callID: "1890033117915127808", requestID: nil),
                                                          httpStatus: 200, rawBody: "{}", latencyMs: 9))
        tmux.waitFor("boris's send in the panel", timeout: 10) { $0.contains("from-boris") && $0.contains("Call log (1)") }
        XCTAssertTrue(tmux.lastScreen.contains(" boris "), "the operator is shown: \(tmux.lastScreen)")
        XCTAssertFalse(tmux.lastScreen.contains(cluster.password), "the database password is never shown")
        await other.close()
    }

    /// Two operators' TUIs on one team log: anna places a call and writes a note on it; boris's
    /// entry view of that call shows the note by itself.
    func testANoteWrittenInOneTUIAppearsInAnothersByItself() throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        let anna = try start(db: url)
        place(anna)
        let boris = try start(db: url)
        boris.waitFor(text: "Call log (1)")
        boris.keys("M-3")
        boris.keys("Enter")
        boris.waitFor(text: "Request, as sent:")

        anna.keys("M-3")
        anna.keys("n")
        anna.waitFor(text: "Note on entry 1")
        anna.type("wants a call after 15:00")
        anna.keys("Enter")
        anna.waitFor(text: "note      wants a call after 15:00") // kept: the entry view shows it
        boris.waitFor("anna's note in boris's entry view", timeout: 10) { $0.contains("note      wants a call after 15:00") }
    }

    /// Issue #32: one connection per open TUI, the demo's own event receiver included: it
    /// writes the stand-in's events through the TUI's connection, and the call still gets them.
    func testADemoTUIHoldsOneConnectionAndItsCallGetsItsEvents() throws {
        let cluster = try requirePostgres()
        let database = try cluster.createDatabase()
        let tmux = try start(db: cluster.url(database: database))
        place(tmux)
        tmux.keys("M-3")
        // The stand-in's events, through the receiver, into the team log and back to the panel.
        tmux.waitFor("the call answered and ended, in the panel", timeout: 20) { $0.contains("✓ 0:0") }
        let held = try cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' AND application_name LIKE 'exocall %'")
        XCTAssertEqual(held.trimmingCharacters(in: .whitespacesAndNewlines), "1", "the TUI and its demo receiver share one connection")
    }

    func testAServerDownAtStartIsReportedAndSendsAreRefused() throws {
        _ = try requirePostgres()
        let tmux = try start(db: "postgresql://anna:pw-never-shown@127.0.0.1:1/calls?sslmode=disable")
        tmux.waitFor("the log reported unavailable", timeout: 15) { $0.contains("unavailable") }
        tmux.keys("F5")
        tmux.waitFor(text: "Place this callback?")
        // The confirmation says the log cannot be checked; y asks it again and sends nothing.
        tmux.waitFor(text: "cannot be checked")
        tmux.keys("y")
        tmux.waitFor(text: "nothing sent: checking the call log again")
        tmux.waitFor(text: "cannot be checked")
        XCTAssertFalse(tmux.lastScreen.contains("pw-never-shown"), tmux.lastScreen)
        XCTAssertFalse(tmux.lastScreen.contains("PLACED"), tmux.lastScreen)
    }
}
