import CallbackCore
import CallEvents
import CallLog
import Foundation
@testable import TUI
import XCTest

/// What Exolve's events say, where an operator looks: the log's result column, the status
/// line's entry summary and the entry's per-leg timeline.
final class CallResultViewTests: XCTestCase {
    func events(_ bodies: [String]) -> [CallEvent] {
        bodies.map { try! CallEventParser.parse(Array($0.utf8)).get() }
    }

    /// An unknown send the events show a call for reads "unknown → placed", with the evidence; its outcome stays unknown.
    func testAnUnknownSendWithEvidenceSaysSoAndStaysUnknown() {
        let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "78129999999")]),
                                          line2: Line(destinations: [Destination(number: "79599999999")]))
        var entry = CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", now: Date(timeIntervalSince1970: 1_704_624_800))
        entry.id = 9
        entry.outcome = .unknown
        let result = CallResult.derive(events([#"{"uid":77,"type":"s","event_side":"A","date_time":"2024-01-07T10:54:03Z"}"#]))
        var state = freshState(Size(width: 200, height: 60))
        _ = update(&state, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        _ = update(&state, .logEvidence([9: "77"], results: ["77": result]))
        XCTAssertTrue(render(state).canvas.text.contains("op answered"), render(state).canvas.text)
        XCTAssertTrue(render(state).canvas.text.contains("UNKNOWN"), "the outcome is not changed")
        state.pane = .log
        state.press(.enter)
        XCTAssertTrue(render(state).canvas.text.contains("unknown → placed: Exolve's events show this call (uid 77"), render(state).canvas.text)
        // With nothing matched while the receiver receives, the entry says there was no sign of a call.
        var silent = freshState(Size(width: 200, height: 60))
        _ = update(&silent, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        _ = update(&silent, .logEvidence([:], results: [:], noSign: [9]))
        silent.pane = .log
        silent.press(.enter)
        XCTAssertTrue(render(silent).canvas.text.contains("no sign of a call in Exolve's events"), render(silent).canvas.text)
    }

    /// A call still talking asks for the clock to tick, so its time counts on screen; a finished one does not.
    func testATalkingCallKeepsTheClockTicking() {
        var state = freshState()
        let talking = CallResult.derive(events([
            #"{"uid":5,"type":"s","event_side":"A","date_time":"2024-01-07T10:54:03Z"}"#,
            #"{"uid":5,"type":"s","event_side":"B","date_time":"2024-01-07T10:54:09Z"}"#,
        ]))
        XCTAssertEqual(update(&state, .logResults(["5": talking])), [.tickFor(seconds: 60)])
        let ended = CallResult.derive(events([
            #"{"uid":5,"type":"s","event_side":"B","date_time":"2024-01-07T10:54:09Z"}"#,
            #"{"uid":5,"type":"d","event_side":"B","date_time":"2024-01-07T10:55:09Z","cause":"16","duration":60000}"#,
        ]))
        XCTAssertEqual(update(&state, .logResults(["5": ended])), [])
        XCTAssertEqual(talking.label(now: talking.b.answeredAt! + 12_400, in: .en), "talking 0:12")
    }

    func testTheResultIsInTheColumnTheStatusLineAndTheTimeline() throws {
        let request = MakeCallbackRequest(numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79991112233")]))
        var entry = CallLogEntry(request: request, mode: .live, endpointHost: "api.exolve.ru", now: Date(timeIntervalSince1970: 1_704_624_800))
        entry.id = 1
        entry.outcome = .placed
        entry.callID = "7149714791827935000"
        let result = CallResult.derive(events([
            #"{"uid":7149714791827935000,"type":"o","event_side":"A","date_time":"2024-01-07T10:54:01Z"}"#,
            #"{"uid":7149714791827935000,"type":"s","event_side":"A","date_time":"2024-01-07T10:54:03Z"}"#,
            #"{"uid":7149714791827935000,"type":"o","event_side":"B","date_time":"2024-01-07T10:54:04Z"}"#,
            #"{"uid":7149714791827935000,"type":"d","event_side":"B","date_time":"2024-01-07T10:54:34Z","cause":"17","hangup_cause":"USER_BUSY",}"#,
        ]))
        for size in [Size(width: 200, height: 60), Size(width: 160, height: 50)] {
            var state = freshState(size)
            _ = update(&state, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
            XCTAssertFalse(render(state).canvas.text.contains("client busy"), "no events, no result")
            _ = update(&state, .logResults([entry.callID!: result]))
            XCTAssertTrue(render(state).canvas.text.contains("client busy"), "\(size):\n\(render(state).canvas.text)")
            state.pane = .log
            XCTAssertTrue(StatusView.line(for: state).0.hasSuffix("· client busy"), StatusView.line(for: state).0)
            state.press(.enter)
            let screen = render(state).canvas.text
            XCTAssertTrue(screen.contains("result    client busy"), screen)
            XCTAssertTrue(screen.contains("user busy (Q.850 17, USER_BUSY)"), screen)
            XCTAssertTrue(screen.contains("answered after 2 s"), screen)
        }
        // The repeat guard's list says what happened to each recent attempt.
        var asking = freshState(form: exampleForm())
        asking.press(.function(5))
        guard case .send(.confirm(let pending, _))? = asking.dialog else { return XCTFail("F5 asks") }
        _ = update(&asking, .logResults([entry.callID!: result]))
        _ = update(&asking, .repeatChecked(pending, [RecentAttempt(entryID: 1, createdAt: 1_704_624_800_000, outcome: .placed, callID: entry.callID,
                                                                  number: "79991112233", interrupted: false, operatorName: "anna")]))
        XCTAssertTrue(render(asking).canvas.text.contains("client busy"), render(asking).canvas.text)

        // At 120x40 there is no room for a result column: the outcome column says it, short.
        var narrow = freshState(Size(width: 120, height: 40))
        _ = update(&narrow, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        _ = update(&narrow, .logResults([entry.callID!: result]))
        let row = render(narrow).canvas.text.split(separator: "\n").first { $0.contains("79991112233") && $0.contains("busy") }
        XCTAssertNotNil(row, render(narrow).canvas.text)
        XCTAssertFalse(row?.contains("PLACED") ?? true, "the result replaces the badge: \(row ?? "")")

        var russian = freshState(Size(width: 200, height: 60))
        russian.language = .ru
        _ = update(&russian, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        _ = update(&russian, .logResults([entry.callID!: result]))
        XCTAssertTrue(render(russian).canvas.text.contains("клиент занят"), render(russian).canvas.text)
    }
}
