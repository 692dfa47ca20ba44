import CallbackCore
import CallEvents
import CallLogModel
import Foundation
import XCTest

/// An unknown send with no call_id is linked to the call whose events rang its numbers in its
/// window, never turned into "placed", and one call is never claimed by two sends.
final class UnknownEvidenceTests: XCTestCase {
    func entry(_ id: Int64, at seconds: Double, leg1: String = "78129999999", leg2: String = "79599999999") -> CallLogEntry {
        let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: leg1)]),
                                          line2: Line(destinations: [Destination(number: leg2)]))
        var entry = CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", now: Date(timeIntervalSince1970: seconds))
        entry.id = id
        entry.outcome = .unknown
        return entry
    }

    func event(_ uid: Int, _ side: String, _ type: String, at seconds: Int, number: String) -> CallEvent {
        let stamp = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds)))
        let body = #"{"uid":\#(uid),"type":"\#(type)","event_side":"\#(side)","date_time":"\#(stamp)","number":"\#(number)"}"#
        return try! CallEventParser.parse(Array(body.utf8)).get()
    }

    func testTheCallThatRangTheSameNumbersInTheWindowIsTheEvidence() {
        let send = entry(1, at: 1_790_000_000)
        let events = [
            event(77, "A", "o", at: 1_790_000_005, number: "78129999999"),
            event(77, "B", "o", at: 1_790_000_009, number: "79599999999"),
            event(88, "A", "o", at: 1_790_000_004, number: "70000000000"), // another's call
            event(99, "A", "o", at: 1_790_003_000, number: "78129999999"), // long after the window
        ]
        XCTAssertEqual(UnknownEvidence.match(send, among: events), "77")
        var placed = send
        placed.outcome = .placed
        placed.callID = "5"
        XCTAssertNil(UnknownEvidence.match(placed, among: events), "a placed send has its own call_id")
        let wrongClient = [event(66, "A", "o", at: 1_790_000_005, number: "78129999999"), event(66, "B", "o", at: 1_790_000_006, number: "70000000001")]
        XCTAssertNil(UnknownEvidence.match(send, among: wrongClient), "the client's number refutes it")
    }

    func testOneCallIsClaimedByOneSend() {
        let first = entry(1, at: 1_790_000_000), second = entry(2, at: 1_790_000_030)
        let events = [event(77, "A", "o", at: 1_790_000_005, number: "78129999999"), event(78, "A", "o", at: 1_790_000_035, number: "78129999999")]
        XCTAssertEqual(UnknownEvidence.link([second, first], among: events), [1: "77", 2: "78"])
        XCTAssertEqual(UnknownEvidence.link([second, first], among: Array(events.prefix(1))), [1: "77"], "the second finds nothing left")
    }

    func testNoSignOnlyWhileTheReceiverIsReceivingAndAfterTheWindow() {
        let send = entry(1, at: 1_790_000_000)
        let after = Int64(1_790_000_000 + 11 * 60) * 1000
        XCTAssertEqual(UnknownEvidence.noSign([send], links: [:], newestEvent: after - 60_000, now: after), [1])
        XCTAssertEqual(UnknownEvidence.noSign([send], links: [:], newestEvent: after - 6 * 60_000, now: after), [], "the receiver is silent: no claim")
        XCTAssertEqual(UnknownEvidence.noSign([send], links: [:], newestEvent: nil, now: after), [])
        XCTAssertEqual(UnknownEvidence.noSign([send], links: [:], newestEvent: after, now: after - 5 * 60_000), [], "within the window: too early")
        XCTAssertEqual(UnknownEvidence.noSign([send], links: [1: "77"], newestEvent: after, now: after), [], "evidence found")
    }
}
