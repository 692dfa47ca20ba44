import CallbackCore
@testable import TUI
import XCTest

/// Issue #29: no key changes a value it was not aimed at; `=` on every field with a default.
final class OperatorSafetyRound2Tests: XCTestCase {
    /// The trial: on Speed 1.1, PgDn set 0.1 and the next number typed went into Speed.
    func testPgDnOnSpeedMovesToTheNextSectionAndLeavesTheSpeed() {
        var state = freshState(form: exampleForm())
        state.focusOn(.ttsSpeed(line: 0))
        state.press(.pageDown)
        XCTAssertEqual(state.form.lines[0].audio.tts.speed, "1.1")
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 1, index: 0), "PgDn is the next section everywhere")
        state.type("79990000001")
        XCTAssertEqual(state.form.lines[0].audio.tts.speed, "1.1")
        XCTAssertEqual(state.form.lines[1].destinations[0].number, "7959999999979990000001")
    }

    /// The trial: on Volume, PgUp twice took -19 to 0 (loudest).
    func testPgUpOnVolumeLeavesTheVolume() {
        var state = freshState(form: exampleForm())
        state.focusOn(.ttsVolume(line: 0))
        state.press(.pageUp, .pageUp)
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "-19")
        XCTAssertEqual(state.fields.focus, .requestDescription)
    }

    func testArrowsStepAndCtrlArrowsStepByTenAndSaySo() {
        var state = freshState(form: exampleForm())
        state.focusOn(.ttsVolume(line: 0))
        state.press(.controlRight)
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "-9")
        XCTAssertEqual(state.status?.text, "Volume: -9", "a value changed by a key is shown changed")
        state.press(.left)
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "-10")
        state.focusOn(.ttsSpeed(line: 0))
        state.press(.controlLeft)
        XCTAssertEqual(state.form.lines[0].audio.tts.speed, "0.1")
        XCTAssertTrue(state.fields.focus == .ttsSpeed(line: 0))
        XCTAssertTrue(StatusView.hint(for: .ttsSpeed(line: 0)).contains("Ctrl-← →"), "the hint names the keys")
    }

    /// The trial: Volume refused `=` ("= was not typed").
    func testEqualsSendsTheDefaultOfATextFieldExplicitly() {
        var form = exampleForm()
        form.lines[0].audio.tts.volume = ""
        form.duration = ""
        var state = freshState(form: form)
        state.focusOn(.ttsVolume(line: 0))
        XCTAssertTrue(KeyTable.footer(for: state).contains { $0.keys.text(.en) == "=" }, "the footer shows =")
        state.press(.character("="))
        XCTAssertEqual(state.form.lines[0].audio.tts.volume, "-19")
        XCTAssertTrue(state.preview.text.contains("\"volume\": -19"))
        state.press(.character("="))
        XCTAssertEqual(state.status?.text, "volume already holds an explicit value")
        state.focusOn(.duration)
        state.press(.character("="))
        XCTAssertEqual(state.form.duration, "1800")
        state.focusOn(.requestDescription)
        state.press(.character("="))
        XCTAssertEqual(state.form.requestDescription, "internal_id_148=", "a field without a default takes = as text")
    }
}
