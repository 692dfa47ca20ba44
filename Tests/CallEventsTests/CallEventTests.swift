import CallbackCore
@testable import CallEvents
import Localization
import XCTest

/// Exolve's callback call events, by the spec's rulings: the vendor's example verbatim,
/// trailing commas, 64-bit ids, junk refused, duplicates and order harmless.
final class CallEventTests: XCTestCase {
    /// The vendor's `d` example for leg A, verbatim.
    static let vendorD = #"""
    {"service":"callback","date_time":"2024-01-07T10:54:57.009979Z","call_sid":"cala188947f-3ba8-4fe6-b291-12fda2f90079",
     "number":"79991112233","type":"d","uid":7149714791827935000,"application_uuid":"178ec145-6898-4b06-a92a-75f63cb57046",
     "customer_id":25513,"started":"2024-01-07T10:54:11.385017Z","ended":"2024-01-07T10:54:56.965018Z",
     "hangup_cause":"NORMAL_CLEARING","cause":"16","calling_number":"78000009988","called_number":"79991112233",
     "setup_time":10385,"wait_time":10385,"duration":45580,"full_duration":55965,"event_side":"A","record_call":true}
    """#

    func parse(_ text: String) -> Result<CallEvent, EventRefusal> { CallEventParser.parse(Array(text.utf8)) }

    func event(_ side: CallEvent.Side, _ kind: CallEvent.Kind, _ second: Int, uid: UInt64 = 7_149_714_791_827_935_000,
               cause: String? = nil, duration: Int? = nil) -> CallEvent {
        var fields = [#""service":"callback""#, #""uid":\#(uid)"#, #""type":"\#(kind.rawValue)""#, #""event_side":"\#(side.rawValue)""#,
                      #""date_time":"2024-01-07T10:54:\#(second < 10 ? "0" : "")\#(second).000000Z""#]
        if let cause { fields.append(#""cause":"\#(cause)""#) }
        if let duration { fields.append(#""duration":\#(duration)"#) }
        guard case .success(let parsed) = parse("{" + fields.joined(separator: ",") + "}") else { fatalError("a test event parses") }
        return parsed
    }

    func testTheVendorsExampleReadsExactly() throws {
        let event = try parse(Self.vendorD).get()
        XCTAssertEqual(event.uid, 7_149_714_791_827_935_000, "past 2^53: read exactly, never through a double")
        XCTAssertEqual(event.callID, "7149714791827935000")
        XCTAssertEqual(event.side, .a)
        XCTAssertEqual(event.kind, .definition)
        XCTAssertEqual(event.cause, 16)
        XCTAssertEqual(event.hangupCause, "NORMAL_CLEARING")
        XCTAssertEqual(event.durationMs, 45_580)
        XCTAssertEqual(event.fullDurationMs, 55_965)
        XCTAssertEqual(event.waitMs, 10_385)
        XCTAssertEqual(event.recordCall, true)
        XCTAssertEqual(event.at, 1_704_624_897_009, "2024-01-07T10:54:57.009979Z")
        XCTAssertEqual(event.startedAt, 1_704_624_851_385)
        XCTAssertTrue(event.raw.contains("customer_id"), "unknown fields are kept in the raw body")
    }

    func testTrailingCommasAsInTheVendorsExamplesAreAccepted() throws {
        let withCommas = Self.vendorD.replacingOccurrences(of: #""record_call":true}"#, with: #""record_call":true,}"#)
        XCTAssertEqual(try parse(withCommas).get().uid, 7_149_714_791_827_935_000)
        XCTAssertThrowsError(try JSONParser.parse(#"{"a":1,}"#), "a request file stays strict")
    }

    func testAnIdAsAStringOfDigitsAndTheLargestIdRead() throws {
        XCTAssertEqual(try parse(#"{"uid":"18446744073709551615","type":"o","event_side":"B","date_time":"2024-01-07T10:54:57Z"}"#).get().uid, .max)
        XCTAssertEqual(parse(#"{"uid":18446744073709551616,"type":"o","event_side":"B","date_time":"2024-01-07T10:54:57Z"}"#), .failure(.badUID))
    }

    func testWhatIsNotAnEventIsRefusedWithItsReason() {
        XCTAssertEqual(parse("not json"), .failure(.notJSON))
        XCTAssertEqual(parse("[1,2]"), .failure(.notObject))
        XCTAssertEqual(parse(#"{"type":"o","event_side":"A","date_time":"x"}"#), .failure(.missing("uid")))
        XCTAssertEqual(parse(#"{"uid":1.5,"type":"o","event_side":"A","date_time":"x"}"#), .failure(.badUID))
        XCTAssertEqual(parse(#"{"uid":-1,"type":"o","event_side":"A","date_time":"x"}"#), .failure(.badUID))
        XCTAssertEqual(parse(#"{"uid":1,"type":"x","event_side":"A","date_time":"x"}"#), .failure(.badType))
        XCTAssertEqual(parse(#"{"uid":1,"type":"o","event_side":"C","date_time":"x"}"#), .failure(.badSide))
        XCTAssertEqual(parse(#"{"uid":1,"type":"o","event_side":"A"}"#), .failure(.missing("date_time")))
        XCTAssertEqual(CallEventParser.parse(Array(repeating: 0x20, count: CallEventParser.maxBodyBytes + 1)), .failure(.notJSON))
    }

    /// The seen order for a connected call: A o → A s → B o → B s → both h → both d → both e.
    var connectedCall: [CallEvent] {
        [event(.a, .originate, 1), event(.a, .start, 5), event(.b, .originate, 6), event(.b, .start, 12),
         event(.a, .hungup, 57), event(.b, .hungup, 57),
         event(.a, .definition, 58, cause: "16", duration: 45_580), event(.b, .definition, 58, cause: "16", duration: 45_200),
         event(.a, .end, 59), event(.b, .end, 59)]
    }

    func testAConnectedCallStepByStep() {
        let call = connectedCall
        let steps = (0...call.count).map { CallResult.derive(call.prefix($0)).label(now: nil, in: .en) }
        XCTAssertEqual(steps[0], "no events yet")
        XCTAssertEqual(steps[1], "ringing op…")
        XCTAssertEqual(steps[2], "op answered")
        XCTAssertEqual(steps[3], "ringing client…")
        XCTAssertTrue(steps[4].hasPrefix("talking "), steps[4])
        XCTAssertEqual(steps.last, "connected 0:45")
        let result = CallResult.derive(call)
        XCTAssertEqual(result.state, .connected)
        XCTAssertEqual(result.talkSeconds, 45)
        XCTAssertEqual(CallResult.derive(call.prefix(4)).label(now: result.b.answeredAt.map { $0 + 12_000 }, in: .en), "talking 0:12")
        XCTAssertEqual(CallResult.derive(call).label(now: nil, in: .ru), "соединены 0:45")
    }

    func testOrderAndDuplicatesDoNotChangeTheResult() {
        let call = connectedCall
        let expected = CallResult.derive(call)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let shuffled = (call + call.shuffled(using: &generator).prefix(4)).shuffled(using: &generator)
            XCTAssertEqual(CallResult.derive(shuffled), expected)
        }
    }

    func testALegsCauseDecidesWhenItDidNotAnswer() {
        func result(_ events: [CallEvent]) -> (String, CallState) {
            let derived = CallResult.derive(events)
            return (derived.label(now: nil, in: .en), derived.state)
        }
        let clientRang = [event(.a, .originate, 1), event(.a, .start, 3), event(.b, .originate, 4)]
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 9, cause: "17")]).0, "client busy")
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 9, cause: "17")]).1, .busy)
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 40, cause: "19")]).0, "client no answer")
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 40, cause: "19")]).1, .noAnswer)
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 5, cause: "1")]).0, "failed: number does not exist")
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 5, cause: "1")]).1, .failed)
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 5, cause: "21")]).0, "client declined")
        XCTAssertEqual(result([event(.a, .originate, 1), event(.a, .definition, 31, cause: "18")]).0, "op no answer")
        XCTAssertEqual(result([event(.a, .originate, 1), event(.a, .start, 3), event(.a, .hungup, 4), event(.a, .definition, 4, cause: "16")]).0,
                       "op hung up before the client rang")
        XCTAssertEqual(result(clientRang + [event(.b, .hungup, 9)]).0, "ringing client…", "an h alone waits for its cause")
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 9, cause: "99")]).0, "failed: information element not implemented")
        XCTAssertEqual(result(clientRang + [event(.b, .definition, 9, cause: "24")]).0, "failed: normal event", "an undefined code is named by its class")
        XCTAssertEqual(result(clientRang + [event(.b, .end, 9)]).0, "failed: cause unknown")
    }

    func testEveryQ850CauseHasANameInBothLanguages() {
        for code in 1...127 {
            XCTAssertNotNil(Q850.name(code, in: .en), "\(code)")
            XCTAssertNotNil(Q850.name(code, in: .ru), "\(code)")
        }
        XCTAssertNil(Q850.name(0, in: .en))
        XCTAssertEqual(CallResult.causeInFull(17, hangupCause: "USER_BUSY", in: .en), "user busy (Q.850 17, USER_BUSY)")
        XCTAssertEqual(CallResult.causeInFull(17, hangupCause: "USER_BUSY", in: .ru), "абонент занят (Q.850 17, USER_BUSY)")
        XCTAssertEqual(CallResult.causeName(400, in: .en), "cause 400")
    }

    func testRFC3339Times() {
        XCTAssertEqual(RFC3339.milliseconds("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(RFC3339.milliseconds("2024-01-07T13:54:57+03:00"), RFC3339.milliseconds("2024-01-07T10:54:57Z"))
        XCTAssertEqual(RFC3339.milliseconds("2024-01-07T10:54:57.5Z"), 1_704_624_897_500)
        XCTAssertNil(RFC3339.milliseconds("2024-13-07T10:54:57Z"))
        XCTAssertNil(RFC3339.milliseconds("yesterday"))
        XCTAssertNil(RFC3339.milliseconds("2024-01-07T10:54:57"))
    }
}
