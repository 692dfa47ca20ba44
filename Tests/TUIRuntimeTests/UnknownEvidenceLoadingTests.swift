import CallbackCore
import CallEvents
import CallLog
import ExolveClient
import Foundation
import TUI
import TUIRuntime
import XCTest

/// The runtime links an unknown send to the call the stored events show for its numbers.
final class UnknownEvidenceLoadingTests: XCTestCase {
    func testAnUnknownSendIsLinkedToTheCallTheEventsShow() async throws {
        let folder = NSTemporaryDirectory() + "exocall-evidence-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/calls.sqlite"
        let seed = try SQLiteCallLog.open(path: path)
        let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "78129999999")]),
                                          line2: Line(destinations: [Destination(number: "79599999999")]))
        let id = try seed.begin(CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru"))
        try seed.complete(id: id, with: SendResult(outcome: .unknown(reason: .verbatim("timed out")), httpStatus: nil, rawBody: nil, latencyMs: 30_000), now: Date())
        let stamp = ISO8601DateFormatter().string(from: Date())
        for body in [#"{"uid":4242,"type":"o","event_side":"A","number":"78129999999","date_time":"\#(stamp)"}"#,
                     #"{"uid":4242,"type":"s","event_side":"A","number":"78129999999","date_time":"\#(stamp)"}"#] {
            _ = try seed.record(try CallEventParser.parse(Array(body.utf8)).get(), receivedAt: Date())
        }
        let inbox = ActionInbox()
        let runtime = EffectRuntime(.init(draft: nil, client: nil, mode: .live), send: inbox.push)
        runtime.openLog(path: path)
        let found = inbox.wait { if case .logEvidence = $0 { return true } else { return false } }
        guard case .logEvidence(let links, let results, _)? = found else { return }
        XCTAssertEqual(links, [id: "4242"])
        XCTAssertEqual(results["4242"]?.label(now: nil, in: .en), "op answered")
        await runtime.shutdown()
    }
}
