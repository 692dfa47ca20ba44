import CallbackCore
@testable import TUI
import XCTest

/// A key's echo (drawn before the rest of its frame) against the key's whole frame:
/// it changes one row, the focused field's, to what the whole frame shows there,
/// except the field's problem marks, which the validation after it corrects.
final class FormEchoTests: XCTestCase {
    /// Every one-row text field of the spec's example (and of a fresh form), at the three
    /// arrangements (side by side, stacked, tabs), with characters of every kind, pastes,
    /// deletions and cursor moves.
    func testAnEchoIsItsKeysFrameOnTheFieldsRowAndChangesNothingElse() {
        let keys: [Key] = [.character("k"), .character("7"), .character("Ж"), .character("👍🏽"), .character("🇷🇺"), .character("é"),
                           .backspace, .delete, .left, .home, .end, .paste("12 34"), .paste("日本")]
        var echoed = 0, marksMoved = 0
        for size in [Size(width: 120, height: 40), Size(width: 200, height: 60), Size(width: 80, height: 24)] {
            for form in [FormState(), exampleForm()] {
                var start = freshState(size, form: form)
                for field in start.form.focusOrder {
                    guard case .text = field.kind else { continue }
                    if case .ttsText = field { continue }
                    start.focusOn(field)
                    for key in keys {
                        var state = start
                        state.status = nil
                        _ = update(&state, .tick(now: 1)) // as after any action: the focus followed at this layout
                        let shown = render(state)
                        guard let echo = FormEcho.frame(after: key, in: state, over: shown.canvas) else { continue }
                        echoed += 1
                        var after = state
                        _ = update(&after, .key(key))
                        let whole = render(after)
                        let context = "\(field) \(key) at \(size.width)x\(size.height)"
                        guard let row = after.form.row(of: field), let pane = Layout(size).rect(of: .form, shown: .form) else { return XCTFail(context) }
                        let y = row - after.fields.scroll + pane.y + 1
                        for other in 0..<size.height where other != y {
                            XCTAssertTrue(echo.canvas.sameRow(other, as: shown.canvas), "\(context): row \(other) is not the echo's to change")
                        }
                        // Beside the form (the preview, the log), the row is as it was until the whole frame.
                        let form = pane.x..<pane.maxX
                        for x in 0..<size.width where !form.contains(x) {
                            XCTAssertEqual(echo.canvas.cell(x: x, y: y), shown.canvas.cell(x: x, y: y), "\(context): column \(x)")
                        }
                        XCTAssertEqual(echo.cursor?.x, whole.cursor?.x, context)
                        XCTAssertEqual(echo.cursor?.y, whole.cursor?.y, context)
                        let echoCells = form.map { echo.canvas.cell(x: $0, y: y) }, wholeCells = form.map { whole.canvas.cell(x: $0, y: y) }
                        if state.problems(of: field) == after.problems(of: field) {
                            XCTAssertEqual(echoCells, wholeCells, "\(context):\n\(echo.canvas.row(y))\n\(whole.canvas.row(y))")
                        } else {
                            // Only the marks may differ: the sign and the colours, never the text.
                            marksMoved += 1
                            func unmarked(_ cells: [Cell]) -> [Character?] { cells.map { $0.character == "✗" || $0.character == "!" ? " " : $0.character } }
                            XCTAssertEqual(unmarked(echoCells), unmarked(wholeCells), context)
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(echoed, 300, "the echo is drawn for typing, pasting, deleting and moving")
        XCTAssertGreaterThan(marksMoved, 0, "some keys change a field's marks (a number becoming valid)")
    }

    /// A key that does anything but edit the focused one-row text field is drawn whole.
    func testAKeyThatDoesMoreIsDrawnWhole() {
        var state = freshState()
        state.status = nil
        let shown = render(state).canvas
        XCTAssertNotNil(FormEcho.frame(after: .character("k"), in: state, over: shown), "typing into the description echoes")
        XCTAssertNil(FormEcho.frame(after: .tab, in: state, over: shown), "a focus move")
        XCTAssertNil(FormEcho.frame(after: .function(5), in: state, over: shown), "a command")
        XCTAssertNil(FormEcho.frame(after: .backspace, in: state, over: shown), "nothing to delete: nothing changes")
        XCTAssertNil(FormEcho.frame(after: .character("k"), in: state, over: TextCanvas(size: Size(width: 100, height: 30))),
                     "the frame on screen is of another size")

        var withStatus = state
        withStatus.status = StatusMessage("saved", .success)
        XCTAssertNil(FormEcho.frame(after: .character("k"), in: withStatus, over: render(withStatus).canvas), "the key clears a message: the panes may move")

        var dialog = state
        dialog.press(.function(1))
        XCTAssertNotNil(dialog.dialog)
        dialog.status = nil
        XCTAssertNil(FormEcho.frame(after: .character("k"), in: dialog, over: render(dialog).canvas), "a dialog takes the key")

        var number = state
        number.focusOn(.numberCode)
        number.status = nil
        XCTAssertNil(FormEcho.frame(after: .character("k"), in: number, over: render(number).canvas), "a refused character changes no text")
        XCTAssertNotNil(FormEcho.frame(after: .character("7"), in: number, over: render(number).canvas))

        var tts = freshState(form: exampleForm())
        tts.focusOn(.ttsText(line: 0))
        tts.status = nil
        XCTAssertNil(FormEcho.frame(after: .character("k"), in: tts, over: render(tts).canvas), "the TTS text wraps over several rows")

        var small = freshState(Size(width: 80, height: 24))
        small.press(.alt("2"))
        small.status = nil
        XCTAssertNotEqual(small.pane, .form)
        XCTAssertNil(FormEcho.frame(after: .character("k"), in: small, over: render(small).canvas), "the form is not on screen")
    }
}
