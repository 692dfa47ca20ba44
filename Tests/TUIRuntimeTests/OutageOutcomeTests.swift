import CallbackCore
import CallLog
import CallLogPostgres
import ExolveClient
import ExolveStub
import Foundation
import PostgresTestSupport
import TUI
import TUIRuntime
import XCTest

/// Issue #27: the team log going down while a call is being placed. The TUI says
/// the call WAS placed, keeps the outcome, and writes it in the background once
/// the log is back, without the operator doing anything.
final class OutageOutcomeTests: XCTestCase {
    func testTheTUIWritesAKeptOutcomeInTheBackgroundWhenTheLogIsBack() async throws {
        let cluster = try requirePostgres()
        let url = cluster.url(database: try cluster.createDatabase())
        let folder = NSTemporaryDirectory() + "exocall-outage-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let server = StubServer(apiKey: "k")
        let base = try await server.start()
        let client = ExolveClient(endpoint: try Endpoint(base), apiKey: APIKey("k")!, timeout: .seconds(20))
        let inbox = ActionInbox()
        let pending = PendingOutcomes(folder: folder)
        let runtime = EffectRuntime(.init(draft: nil, client: client, mode: .demo, reconnectInterval: .milliseconds(200), pending: pending),
                                    send: inbox.push)
        runtime.openLog(path: url)
        _ = inbox.wait(timeout: 15) { if case .logPageLoaded = $0 { return true } else { return false } }
        let request = MakeCallbackRequest(requestDescription: "stub:slow=4", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79590000077")]))
        runtime.run(.send(request, acknowledged: [], window: .standard))
        let deadline = Date().addingTimeInterval(15)
        while await server.received.isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        try cluster.stopServer()
        var restarted = false
        defer { if !restarted { try? cluster.startServer() } }
        let finished = inbox.wait(timeout: 30) { if case .sendFinished = $0 { return true } else { return false } }
        guard case .sendFinished(let call)? = finished else { return }
        guard case .placed(let callID, _) = call.result.outcome else { return XCTFail("\(call.result.outcome)") }
        let warning = call.logWarning?.text(.en) ?? ""
        XCTAssertTrue(warning.contains("the call WAS placed (call_id \(callID))"), warning)
        XCTAssertTrue(call.logWarning?.text(.ru).contains("звонок СОЗДАН") ?? false)
        XCTAssertEqual(pending.records(for: CallLogOpener.display(url)).count + pending.records(for: url).count > 0, true, "kept on this machine")
        inbox.clear()
        try cluster.startServer()
        restarted = true
        _ = inbox.wait(timeout: 30) { action in
            if case .notice(let message) = action { return message.text.contains("outcomes kept on this machine are written") }
            return false
        }
        let store = try await CallLogOpener.openForReading(url)
        let entry = try await store?.page(.all, limit: 1).first
        XCTAssertEqual(entry?.outcome, .placed)
        XCTAssertEqual(entry?.callID, callID)
        await store?.close()
        await runtime.shutdown()
        await server.stop()
    }
}
