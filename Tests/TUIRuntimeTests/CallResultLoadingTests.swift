import CallbackCore
import HostileHTTP
import CallEvents
import CallLog
import ExolveClient
import Foundation
import TUI
import TUIRuntime
import XCTest

/// The log panel learns what happened to its calls: the events stored for the loaded entries
/// come with the page, derived into results by call_id.
final class CallResultLoadingTests: XCTestCase {
    func testALoadedPageBringsItsCallsResults() async throws {
        let folder = NSTemporaryDirectory() + "exocall-results-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/calls.sqlite"
        let seed = try SQLiteCallLog.open(path: path)
        let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79991112233")]))
        let id = try seed.begin(CallLogEntry(request: request, mode: .demo, endpointHost: "127.0.0.1:1"))
        try seed.complete(id: id, with: SendResult(outcome: .placed(callID: "18446744073709551615", requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 3), now: Date())
        for body in [#"{"uid":18446744073709551615,"type":"o","event_side":"A","date_time":"2024-01-07T10:54:01Z"}"#,
                     #"{"uid":18446744073709551615,"type":"s","event_side":"A","date_time":"2024-01-07T10:54:03Z"}"#,
                     #"{"uid":18446744073709551615,"type":"o","event_side":"B","date_time":"2024-01-07T10:54:04Z"}"#,
                     #"{"uid":18446744073709551615,"type":"d","event_side":"B","date_time":"2024-01-07T10:54:34Z","cause":"17","hangup_cause":"USER_BUSY",}"#] {
            _ = try seed.record(try CallEventParser.parse(Array(body.utf8)).get(), receivedAt: Date())
        }
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .demo), send: inbox.push)
        runtime.openLog(path: path)
        let found = inbox.wait { if case .logResults = $0 { return true } else { return false } }
        guard case .logResults(let results)? = found else { return }
        XCTAssertEqual(results["18446744073709551615"]?.label(now: nil, in: .en), "client busy")
        await runtime.shutdown()

    }
}

/// `call_history = "auto"`: the runtime asks Exolve's call history about placed calls that have
/// no events (placed over two minutes ago), records their talk times, and the panel reloads;
/// a source that fails is one line in the status, and is not asked again at once.
final class CallHistoryAutoTests: XCTestCase {
    func seed(_ path: String, callID: String) throws {
        let seed = try SQLiteCallLog.open(path: path)
        let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79991112233")]))
        let placedAt = Date().addingTimeInterval(-5 * 60)
        let id = try seed.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", now: placedAt))
        try seed.complete(id: id, with: SendResult(outcome: .placed(callID: callID, requestID: nil), httpStatus: 200, rawBody: "{}", latencyMs: 3), now: placedAt)
    }

    /// A log in a scratch folder (removed after the test) with one call placed five minutes ago.
    func scratchLog(callID: String) throws -> String {
        let folder = NSTemporaryDirectory() + "exocall-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        try seed(folder + "/calls.sqlite", callID: callID)
        return folder + "/calls.sqlite"
    }

    /// A runtime reading the call history by itself from `server`, on the log at `path`.
    func start(_ path: String, server: HostileServer) throws -> (EffectRuntime, ActionInbox) {
        let client = ExolveClient(endpoint: try Endpoint(server.url), apiKey: try XCTUnwrap(APIKey("k")), timeout: .seconds(5))
        var environment = EffectRuntime.Environment(draft: nil, client: client, mode: .live)
        environment.callHistoryAuto = true
        let inbox = ActionInbox()
        let runtime = EffectRuntime(environment, send: inbox.push)
        runtime.openLog(path: path)
        return (runtime, inbox)
    }

    func testTheRuntimeReadsTheCallHistoryForCallsWithoutEvents() async throws {
        let path = try scratchLog(callID: "1555000000000000001")
        let body = #"{"call_history":[{"call_id":1555000000000000001,"duration":45},{"call_id":"42","duration":9}]}"#
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")]) }
        defer { server.stop() }
        let (runtime, inbox) = try start(path, server: server)
        // The log changed (the panel then reloads, as it does on any change) ...
        _ = inbox.wait(timeout: 20) { $0 == .logChanged }
        await runtime.shutdown()
        // ... and holds the talk time, read back as the panel reads it.
        let log = try SQLiteCallLog.open(path: path)
        let page = try log.page(.all, after: nil, limit: 10)
        XCTAssertEqual(page.first?.historyTalkSeconds, 45)
        let results = try await log.results(of: page)
        XCTAssertEqual(results["1555000000000000001"]?.label(now: nil, in: .en), "connected 0:45 (call history)")
        XCTAssertEqual(server.requestCount, 1, "asked once, not again at once")
    }

    func testAFailingSourceIsOneLineInTheStatus() async throws {
        let path = try scratchLog(callID: "1555000000000000002")
        let server = try HostileServer { AnySequence([.text("HTTP/1.1 404 Not Found\r\nContent-Length: 18\r\n\r\n404 page not found")]) }
        defer { server.stop() }
        let (runtime, inbox) = try start(path, server: server)
        let found = inbox.wait(timeout: 20) { action in
            if case .notice(let message) = action { return message.text.contains("call history not read") }
            return false
        }
        guard case .notice(let message)? = found else { return XCTFail("no notice") }
        XCTAssertTrue(message.text.contains("404"), message.text)
        XCTAssertFalse(message.text.contains("\n"), "one line")
        await runtime.shutdown()
        XCTAssertEqual(server.requestCount, 1, "backed off, not asked again at once")
    }
}
