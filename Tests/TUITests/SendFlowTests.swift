import CallEvents
import CallbackCore
import CallLog
import ExolveClient
import TUI
import XCTest

final class SendFlowTests: XCTestCase {
    func validState() -> AppState { freshState(form: exampleForm()) }

    func result(_ outcome: SendOutcome, status: Int? = 200) -> SentCall {
        SentCall(result: SendResult(outcome: outcome, httpStatus: status, rawBody: "{}", latencyMs: 7), entryID: 1, logWarning: nil)
    }

    func testF5OnAValidRequestAsksFirstThenSendsOnEnter() {
        var state = validState()
        guard case .checkRepeat(let request, .standard)? = state.press(.function(5)).first else { return XCTFail("F5 looks up recent calls") }
        guard case .send(.confirm(request, false))? = state.dialog else { return XCTFail() }
        XCTAssertTrue(render(state).canvas.text.contains("78129999999 (rings 30 s) → 74959999999 (rings 30 s)"))
        _ = update(&state, .repeatChecked(request, []))
        XCTAssertEqual(state.press(.enter), [.send(request, acknowledged: [], window: .standard)])
        XCTAssertNil(state.dialog)
        XCTAssertNotNil(state.sending.inFlight)
    }

    func testEscapeCancelsAndSendsNothing() {
        var state = validState()
        state.press(.function(5))
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.dialog)
        XCTAssertNil(state.sending.inFlight)
    }

    func testAnInvalidRequestShowsItsProblemsInstead() {
        var state = freshState()
        XCTAssertEqual(state.press(.function(5)), [])
        XCTAssertEqual(state.dialog, .problems(.list(selected: 0)))
        XCTAssertTrue(state.status?.text.contains("not sent") ?? false)
    }

    func testASecondF5WhileInFlightDoesNothing() {
        var state = validState()
        state.press(.function(5), .character("y"))
        XCTAssertNotNil(state.sending.inFlight)
        XCTAssertEqual(state.press(.function(5)), [])
        XCTAssertNil(state.dialog)
        _ = update(&state, .tick(now: 1.25))
        _ = update(&state, .sendStage(.requesting))
        XCTAssertTrue(render(state).canvas.text.contains("sending to DEMO 127.0.0.1:4000 … 1.2 s") || render(state).canvas.text.contains("… 1.3 s"))
        state.type("x") // the UI stays usable
        XCTAssertEqual(state.form.requestDescription, "internal_id_148x")
    }

    func testPlacedShowsTheCallIDAndCCopiesIt() {
        var state = validState()
        state.press(.function(5), .enter)
        _ = update(&state, .sendFinished(result(.placed(callID: "1890033117915127808", requestID: "internal_id_148"))))
        XCTAssertNil(state.sending.inFlight)
        XCTAssertTrue(render(state).canvas.text.contains("call_id   1890033117915127808"))
        XCTAssertEqual(state.press(.character("c")), [.copyToClipboard("1890033117915127808")])
    }

    func testUnknownWarnsAndTheSameRequestAsksTwice() {
        var state = validState()
        state.press(.function(5), .enter)
        _ = update(&state, .sendFinished(result(.unknown(reason: "Exolve answered 504 Gateway Timeout with an empty body"), status: 504)))
        XCTAssertTrue(render(state).canvas.text.contains("The call MAY have been placed."))
        state.press(.escape, .function(5))
        XCTAssertEqual(state.press(.enter), [], "the first confirmation leads to a second ask")
        guard case .send(.confirm(_, true))? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(state.press(.enter), [], "Enter does not answer the second ask")
        XCTAssertEqual(state.press(.character("y")).count, 1)
        XCTAssertNotNil(state.sending.inFlight)
    }

    func testRejectedNamingAFieldMarksIt() {
        var state = validState()
        state.press(.function(5), .enter)
        let message = "invalid MakeCallbackRequest.Line_2: embedded message failed validation | caused by: line_2.destinations[1].number: unknown number"
        _ = update(&state, .sendFinished(result(.rejected(status: 400, message: message), status: 400)))
        XCTAssertEqual(state.problems(of: .destinationNumber(line: 1, index: 1)).count, 1)
        XCTAssertTrue(render(state).canvas.text.contains("REJECTED"))
        state.press(.escape)
        state.focusOn(.destinationNumber(line: 1, index: 1))
        state.type("0")
        XCTAssertEqual(state.fields.serverProblems, [], "editing clears the server's mark")
    }

    func testNotSentSaysItIsSafeToRetry() {
        var state = validState()
        state.press(.function(5), .enter)
        _ = update(&state, .sendFinished(result(.notSent(reason: "connection refused"), status: nil)))
        XCTAssertTrue(render(state).canvas.text.contains("It is safe to send again."))
    }

    func testWithoutAKeyF5Explains() {
        var state = validState()
        state.sending.availability = .noKey("export EXOLVE_API_KEY=...")
        state.press(.function(5))
        guard case .message(let title, let text)? = state.dialog else { return XCTFail() }
        XCTAssertTrue(title.contains("No API key"))
        XCTAssertTrue(text.contains("EXOLVE_API_KEY"))
    }

    func testABlockedSendSaysNothingWasSent() {
        var state = validState()
        state.press(.function(5), .enter)
        _ = update(&state, .sendBlocked("the call log cannot record it"))
        XCTAssertNil(state.sending.inFlight)
        guard case .message("Not sent", _)? = state.dialog else { return XCTFail() }
    }
}

final class LogPanelTests: XCTestCase {
    func entries(_ count: Int, from start: Int64 = 1) -> [CallLogEntry] { logEntries(count, from: start) }

    func logState(loaded: Int, total: Int) -> AppState {
        let state = loggedState(loaded: loaded, total: total)
        XCTAssertEqual(state.pane, .log)
        return state
    }

    func testMovingNearTheEndReadsTheNextPage() {
        var state = logState(loaded: 100, total: 250)
        var effects: [Effect] = []
        for _ in 0..<90 { effects += state.press(.down) }
        guard case .loadMoreLog(let filter, nil, let cursor, 100)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(filter, CallLogFilter())
        XCTAssertEqual(cursor.id, 151)
        XCTAssertEqual(effects.count, 1, "one page at a time")
        _ = update(&state, .logPageLoaded(entries: entries(100, from: 51), total: nil, append: true))
        XCTAssertEqual(state.log.entries.count, 200)
        XCTAssertEqual(state.log.total, MatchCount(value: 250, isAtLeast: false), "a later page leaves the count as the first page gave it")
    }

    /// Under a result filter each page says what it found: the panel's count is every entry
    /// shown, "more" while a page says so (it read 37 after 137 were listed).
    func testAResultFiltersCountIsEveryEntryShown() {
        var state = logState(loaded: 0, total: 0)
        state.log.resultFilter = .busy
        _ = update(&state, .logPageLoaded(entries: entries(100, from: 51), total: MatchCount(value: 100, isAtLeast: true), append: false))
        XCTAssertEqual(state.log.total, MatchCount(value: 100, isAtLeast: true))
        _ = update(&state, .logPageLoaded(entries: entries(37, from: 10), total: MatchCount(value: 37, isAtLeast: false), append: true))
        XCTAssertEqual(state.log.entries.count, 137)
        XCTAssertEqual(state.log.total, MatchCount(value: 137, isAtLeast: false))
    }

    func testNoPageIsReadPastTheEnd() {
        var state = logState(loaded: 30, total: 30)
        var effects: [Effect] = []
        for _ in 0..<40 { effects += state.press(.down) }
        XCTAssertEqual(effects, [])
        XCTAssertEqual(state.log.selected, 29)
    }

    func testSearchAndOutcomeFilterReloadWithTheFilter() {
        var state = logState(loaded: 5, total: 5)
        state.press(.character("/"))
        state.type("4567")
        let effects = state.press(.enter)
        XCTAssertEqual(effects, [.loadLog(filter: CallLogFilter(search: "4567"), result: nil, limit: LogPaging.pageSize)])
        XCTAssertEqual(state.press(.character("o")), [.loadLog(filter: CallLogFilter(outcome: .placed, search: "4567"), result: nil, limit: LogPaging.pageSize)])
        XCTAssertEqual(state.press(.character("o")), [.loadLog(filter: CallLogFilter(outcome: .rejected, search: "4567"), result: nil, limit: LogPaging.pageSize)])
        _ = update(&state, .logPageLoaded(entries: [], total: MatchCount(value: 0, isAtLeast: false), append: false))
        XCTAssertTrue(render(state).canvas.text.contains("Call log · rejected · “4567” · 0 match"))
        XCTAssertEqual(state.press(.escape), [.loadLog(filter: CallLogFilter(), result: nil, limit: LogPaging.pageSize)])
    }

    func testTheOutcomeFilterGoesOnThroughEveryResultAndBackToEverything() {
        var state = logState(loaded: 5, total: 5)
        var seen: [Effect] = []
        for _ in 0..<(EntryOutcome.filterable.count + CallState.allCases.count + 1) { seen += state.press(.character("o")) }
        let results = seen.compactMap { effect -> CallState? in
            if case .loadLog(let filter, let result?, _) = effect { XCTAssertNil(filter.outcome, "a result is on any placed call"); return result }
            return nil
        }
        XCTAssertEqual(results, CallState.allCases, "o cycles every result after the outcomes")
        XCTAssertEqual(seen.last, .loadLog(filter: CallLogFilter(), result: nil, limit: LogPaging.pageSize), "and comes back to everything")
        // On a result, the title says it, an empty page says nothing matches, and Esc clears it.
        while state.log.resultFilter != .noAnswer { state.press(.character("o")) }
        _ = update(&state, .logPageLoaded(entries: [], total: MatchCount(value: 0, isAtLeast: false), append: false))
        let text = render(state).canvas.text
        XCTAssertTrue(text.contains("Call log · result: no answer · 0 match"), text)
        XCTAssertTrue(text.contains("No entry matches"), text)
        XCTAssertEqual(state.press(.escape), [.loadLog(filter: CallLogFilter(), result: nil, limit: LogPaging.pageSize)])
        XCTAssertNil(state.log.resultFilter)
    }

    func testEnterOpensTheEntryAndRBringsItsRequestBackWithUndo() {
        var state = logState(loaded: 3, total: 3)
        state.press(.enter)
        guard case .log(.entry(let entry, 0))? = state.dialog else { return XCTFail() }
        XCTAssertTrue(render(state).canvas.text.contains("Request, as sent:"))
        state.press(.escape)
        var mine = FormState()
        mine.requestDescription = "my draft"
        state.form = mine
        state.press(.character("r"))
        XCTAssertEqual(state.form.requestDescription, "internal_id_148")
        XCTAssertEqual(state.pane, .form)
        XCTAssertEqual(RequestValidator.validate(state.form.jsonValue).request?.canonicalJSON(), entry.requestJSON)
        state.press(.control("z"))
        XCTAssertEqual(state.form.requestDescription, "my draft")
    }

    func testEExportsTheExactRequest() {
        var state = logState(loaded: 1, total: 1)
        state.press(.character("e"))
        guard case .files(.prompt(.exportRequest(let json), _))? = state.dialog else { return XCTFail() }
        let effects = state.press(.enter)
        guard case .saveFile(let path, let contents, false)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(path, "request-1.json")
        XCTAssertEqual(RequestValidator.validate(text: contents).request?.canonicalJSON(), json)
    }
}
