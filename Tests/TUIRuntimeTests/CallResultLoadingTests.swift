import CallbackCore
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
