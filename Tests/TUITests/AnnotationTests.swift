import CallbackCore
import CallLogModel
@testable import TUI
import XCTest

/// `n` and `d` on a log row or in the entry view: the note editor (multi-line, kept open with
/// its text until the log has it) and the disposition picker.
final class AnnotationTests: XCTestCase {
    func logState() -> AppState {
        var state = loggedState(loaded: 3, total: 3)
        state.log.operatorName = "anna"
        state.log.dispositions = ["reached", "call back later", "wrong number"]
        return state
    }

    func testNWritesANoteOnTwoLinesAndTheEntryShowsItOnceKept() {
        var state = logState()
        let id = state.log.entries[0].id!
        state.press(.character("n"))
        guard case .log(.note(_, _, saving: false))? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        state.type("asked to call back")
        state.press(.control("n"))
        state.type("after 15:00")
        // ↑ goes to the line above at the same column, ↓ back.
        state.press(.up)
        guard case .log(.note(_, let above, _))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(above.cursor, "after 15:00".count, "the first line's same column")
        state.press(.down)
        guard case .log(.note(_, let below, _))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(below.cursor, below.text.count)
        XCTAssertTrue(render(state).canvas.text.contains("Note on entry \(id)"))
        let effects = state.press(.enter)
        XCTAssertEqual(effects, [.annotate(Annotation(entryID: id, kind: .note, text: "asked to call back\nafter 15:00", operatorName: "anna", at: 0))])
        guard case .log(.note(_, let editor, saving: true))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(editor.text, "asked to call back\nafter 15:00")
        XCTAssertTrue(render(state).canvas.text.contains("saving…"))
        state.press(.character("x"))
        guard case .log(.note(_, let unchanged, saving: true))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(unchanged.text, editor.text, "nothing typed while the log writes it")

        _ = update(&state, .annotated(Annotation(entryID: id, kind: .note, text: "asked to call back\nafter 15:00", operatorName: "anna", at: 1_800_000_000_000)))
        guard case .log(.entry(let entry, _))? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(entry.note, "asked to call back\nafter 15:00")
        XCTAssertEqual(state.log.entries[0].note, entry.note, "the panel's row has it too")
        let text = render(state).canvas.text
        XCTAssertTrue(text.contains("note      asked to call back"), text)
        XCTAssertTrue(text.contains("after 15:00"), text)
        XCTAssertTrue(text.contains("edited by anna"), text)
        XCTAssertTrue(state.status?.text.contains("note saved (anna)") ?? false)
    }

    func testAFailedWriteKeepsTheTextAndSaysWhy() {
        var state = logState()
        let id = state.log.entries[0].id!
        state.press(.character("n"))
        state.type("important")
        state.press(.enter)
        _ = update(&state, .annotationFailed(Annotation(entryID: id, kind: .note, text: "important", operatorName: "anna", at: 1), .verbatim("the database is down")))
        guard case .log(.note(_, let editor, saving: false))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(editor.text, "important", "nothing typed is lost")
        XCTAssertTrue(state.status?.text.contains("the note was not saved: the database is down") ?? false, "\(String(describing: state.status))")
        // Too long: refused in the editor, naming the rule, nothing sent.
        state.press(.paste(String(repeating: "я", count: 2100)))
        guard case .log(.note(_, let capped, _))? = state.dialog else { return XCTFail() }
        XCTAssertLessThanOrEqual(capped.text.count, Annotation.noteLimit, "the editor stops at the limit")
    }

    func testDPicksADispositionFromTheTeamsList() {
        var state = logState()
        let id = state.log.entries[0].id!
        state.press(.character("d"))
        guard case .log(.disposition(_, selected: 0, fromEntry: false))? = state.dialog else { return XCTFail() }
        XCTAssertTrue(render(state).canvas.text.contains("call back later"))
        state.press(.down)
        let effects = state.press(.enter)
        XCTAssertEqual(effects, [.annotate(Annotation(entryID: id, kind: .disposition, text: "call back later", operatorName: "anna", at: 0))])
        XCTAssertNil(state.dialog)
        _ = update(&state, .annotated(Annotation(entryID: id, kind: .disposition, text: "call back later", operatorName: "anna", at: 1_800_000_000_000)))
        XCTAssertEqual(state.log.entries[0].disposition, "call back later")
        // From the entry view, d opens on the current one (✓), Del clears it.
        state.press(.enter)
        state.press(.character("d"))
        guard case .log(.disposition(_, selected: 1, fromEntry: true))? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertTrue(render(state).canvas.text.contains("call back later ✓"))
        XCTAssertEqual(state.press(.delete), [.annotate(Annotation(entryID: id, kind: .disposition, text: "", operatorName: "anna", at: 0))])
        guard case .log(.entry)? = state.dialog else { return XCTFail("back to the entry view: \(String(describing: state.dialog))") }
    }
}
