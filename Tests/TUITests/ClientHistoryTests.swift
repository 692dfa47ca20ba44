import CallbackCore
import CallLogModel
@testable import TUI
import XCTest

/// `h` on a log row, in the entry view or the guard's list, Alt-H from the form: every call to
/// that client, newest first, under a summary; Enter opens one.
final class ClientHistoryTests: XCTestCase {
    func testHOpensTheClientsHistoryAndEnterOpensACall() {
        var state = loggedState(loaded: 3, total: 3)
        let client = String(state.log.entries[0].line2Numbers.split(separator: " ")[0])
        XCTAssertEqual(state.press(.character("h")), [.loadClientHistory(client)])
        XCTAssertTrue(render(state).canvas.text.contains("reading the call log…"))
        var entries = state.log.entries
        entries[1].disposition = "call back later"
        entries[1].note = "after 15:00\nsecond line"
        _ = update(&state, .clientHistoryLoaded(ClientHistory(number: client, entries: entries, results: [:], complete: true)))
        let text = render(state).canvas.text
        XCTAssertTrue(text.contains("Every call to \(client)"), text)
        XCTAssertTrue(text.contains("client \(client): 3 calls, 0 connected"), text)
        XCTAssertTrue(text.contains("[call back later]  ✎ after 15:00"), text)
        state.press(.down)
        state.press(.enter)
        guard case .log(.entry(let opened, _))? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(opened.id, entries[1].id)
        // From the entry view, h asks again; a history for another number is not shown in its place.
        XCTAssertEqual(state.press(.character("h")), [.loadClientHistory(client)])
        _ = update(&state, .clientHistoryLoaded(ClientHistory(number: "70000000000", entries: [], results: [:], complete: true)))
        XCTAssertTrue(render(state).canvas.text.contains("reading the call log…"))
        _ = update(&state, .clientHistoryFailed(client, .verbatim("the database is down")))
        XCTAssertTrue(render(state).canvas.text.contains("the call log cannot be read: the database is down"))
    }

    func testAltHTakesTheFormsLegTwoNumber() {
        var state = freshState(form: exampleForm())
        let client = state.form.lines[1].destinations[0].number
        XCTAssertFalse(client.isEmpty)
        XCTAssertEqual(state.press(.alt("h")), [.loadClientHistory(client)])
    }
}
