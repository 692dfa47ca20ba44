import CallbackCore
@testable import TUI
import XCTest

/// Loading a file (F3, --load, r, a template) shows exactly the problems
/// `exocall validate` shows for it, keeps every value as written, and never
/// resolves a conflict by itself.
final class LoadFidelityTests: XCTestCase {
    let documents: [String] = [
        #"{"number_code": "1221", "callback_resource_id": 1221.0, "duration": null, "line_1": {"destinations": [{"number": "+7 999 1234567"}]}, "line_2": {"destinations": [{"number": "79990000002"}], "audio": {}}}"#,
        #"{"number_code": 5, "duration": 99, "line_1": {"ring_logic": 7, "destinations": [{"number": "89991234567"}], "extra": 1}}"#,
        #"{"number_code": 74999999999, "callback_resource_id": 1, "line_1": {"destinations": [{"number": "79990000001"}], "audio": {"media_resource_id": 685, "tts": {"text": "привет"}}}, "line_2": {"destinations": [{"number": "79990000002"}]}}"#,
        #"{"line_1": {"destinations": [], "audio": {"tts": {"voice": 2}}}, "line_2": "nope"}"#,
        #"{"number_code": true, "callback_resource_id": [1], "line_1": {"destinations": [{"number": 79991234567, "timeout": "30"}], "display_number": 7}, "line_2": null}"#,
        #"{"number_code": 74999999999, "callback_resource_id": 1, "line_1": {"destinations": [{"number": "7", "colour": "red"}, {"number": "sip:pbx"}]}, "line_2": {"destinations": [{"number": "79990000002", "timeout": 1800.5}], "audio": {"tts": {"text": "x", "voice": "11", "emotion": 6, "speed": "1.10"}}}}"#,
        #"[1, 2]"#,
        #"{"number_code": 1, "number_code": 2, "callback_resource_id": 1}"#,
        #"{"request_description": null, "number_code": 1e3, "callback_resource_id": 18446744073709551616, "line_1": {"destinations": [{"number": "79990000001"}], "audio": null}, "line_2": {"destinations": [{"number": "79990000002"}]}}"#,
    ]

    func testTheFormShowsExactlyWhatValidateShows() {
        for text in documents {
            let json = try! JSONParser.parse(text)
            let expected = RequestValidator.validate(json)
            let (form, _) = FormState.loading(json)
            let shown = RequestValidator.validate(form.jsonValue)
            XCTAssertEqual(shown.problems, expected.problems, text)
            XCTAssertEqual(shown.request, expected.request, text)
        }
    }

    func testAQuotedNumberStaysQuotedUntilEdited() {
        var state = freshState()
        _ = update(&state, .fileLoaded(path: "r.json", result: .text(documents[0])))
        XCTAssertTrue(state.form.jsonValue.value(at: JSONPath(parsing: "number_code")!) == .string("1221"), "kept as written")
        XCTAssertTrue(render(state).canvas.text.contains(#""1221""#), "the form shows it as the file wrote it")
        state.focusOn(.numberCode)
        state.type("0")
        XCTAssertTrue(state.form.jsonValue.value(at: JSONPath(parsing: "number_code")!) == .number("12210"), "editing takes over")
    }

    func testARecordingAndTTSTogetherStayAConflictUntilTheOperatorChooses() {
        var state = freshState()
        _ = update(&state, .fileLoaded(path: "r.json", result: .text(documents[2])))
        XCTAssertTrue(state.validation.errors.contains { $0.path == "line_1.audio" && $0.message.contains("not both") })
        XCTAssertTrue(render(state).canvas.text.contains("as loaded:"), "the audio choice says it holds the file's value")
        state.focusOn(.audioKind(line: 0))
        state.press(.right)
        XCTAssertFalse(state.validation.errors.contains { $0.path == "line_1.audio" }, "choosing a kind resolves it")
    }

    func testAnUnknownFieldIsShownAndCanBeDroppedFromTheProblemsList() {
        var state = freshState()
        _ = update(&state, .fileLoaded(path: "r.json", result: .text(documents[1])))
        XCTAssertTrue(state.status?.text.contains("kept as written: line_1.extra") ?? false, "\(String(describing: state.status))")
        state.press(.function(4))
        let index = state.validation.errorsFirst.firstIndex { $0.path == "line_1.extra" }!
        for _ in 0..<index { state.press(.down) }
        state.press(.delete)
        XCTAssertFalse(state.validation.problems.contains { $0.path == "line_1.extra" })
        XCTAssertFalse(state.preview.text.contains("extra"))
        state.press(.escape, .control("z"))
        XCTAssertTrue(state.preview.text.contains("extra"), "dropping is undoable")
    }

    func testTheLoadSaysTheSameCountsAsValidate() {
        var state = freshState()
        _ = update(&state, .fileLoaded(path: "r.json", result: .text(documents[0])))
        XCTAssertEqual(state.status?.text, "loaded r.json: 5 warnings (F4 lists them); kept as written: callback_resource_id, duration, line_2.audio, number_code")
    }
}
