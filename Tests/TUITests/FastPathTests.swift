import CallbackCore
@testable import TUI
import XCTest

/// The reference callback (two legs, three numbers, TTS on both, voice 15 and
/// voice 11 whisper) from a fresh start in at most 20 navigation keys: every
/// key that is not text typed into a field counts.
final class FastPathTests: XCTestCase {
    struct Script {
        var state = freshState(Size(width: 120, height: 40))
        var navigation = 0
        var typed = 0

        mutating func key(_ keys: Key...) {
            for key in keys {
                navigation += 1
                _ = update(&state, .key(key))
            }
        }

        mutating func type(_ text: String) {
            typed += text.count
            for character in text { _ = update(&state, .key(.character(character))) }
        }
    }

    func testTheReferenceCallbackTakesAtMost20NavigationKeys() {
        var s = Script()
        s.key(.tab); s.type("74999999999")                        // number code
        s.key(.tab); s.type("1221")                               // callback resource
        s.key(.pageDown); s.type("78129999999")                   // line 1, first number
        s.key(.control("n")); s.type("74959999999")               // line 1, second number
        s.key(.function(9), .pageDown, .pageDown, .right, .enter) // voice explorer: 15 Маша, joyful
        s.key(.up); s.type("Соединяю с клиентом")                 // line 1's text
        s.key(.pageDown); s.type("79599999999")                   // line 2, its number
        s.key(.function(9), .pageDown, .up, .up, .end, .enter)    // voice explorer: 11 Марина, whisper
        s.key(.up); s.type("Вам звонит оператор")                 // line 2's text
        s.key(.function(5))
        XCTAssertTrue(s.state.validation.isValid, "\(s.state.validation.problems)")
        guard case .send(.confirm)? = s.state.dialog else { return XCTFail("F5 shows the confirmation") }
        _ = update(&s.state, .repeatChecked(s.state.validation.request!, []))
        s.key(.enter)
        XCTAssertNotNil(s.state.sending.inFlight, "sent")
        XCTAssertLessThanOrEqual(s.navigation, 20)
        let request = s.state.sending.inFlight!.request
        XCTAssertEqual(request.line1.destinations.map(\.number), ["78129999999", "74959999999"])
        XCTAssertEqual(request.line2.destinations.map(\.number), ["79599999999"])
        XCTAssertEqual(request.line1.audio, .tts(TTS(text: "Соединяю с клиентом", voice: 15, emotion: 2)))
        XCTAssertEqual(request.line2.audio, .tts(TTS(text: "Вам звонит оператор", voice: 11, emotion: 6)))
        print("reference callback: \(s.navigation) navigation keys, \(s.typed) typed characters")
    }
}

final class MovingFastTests: XCTestCase {
    func testEqualsSendsTheDefaultExplicitly() {
        var state = freshState()
        state.focusOn(.ringLogic(line: 0))
        XCTAssertFalse(state.preview.text.contains("ring_logic"))
        state.press(.character("="))
        XCTAssertEqual(state.form.lines[0].ringLogic, 1)
        XCTAssertTrue(state.preview.text.contains(#""ring_logic": 1"#))
    }

    func testAltNStartsANewRequestThatCtrlZUndoes() {
        var state = freshState(form: exampleForm())
        state.press(.alt("n"))
        XCTAssertEqual(state.form.numberCode, "")
        state.press(.control("z"))
        XCTAssertEqual(state.form.numberCode, "74999999999")
    }

    func testTheVoiceFilterKnowsRussianEmotionNamesAndCtrlUClearsIt() {
        var state = freshState(form: exampleForm())
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        state.type("шепот")
        guard case .audio(.voicePicker(_, let filter, _, _))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(filter, "шепот")
        XCTAssertTrue(render(state).canvas.text.contains("Марина"), "ё and е match alike")
        XCTAssertFalse(render(state).canvas.text.contains("Алёна (Alyona)"))
        state.press(.control("u"))
        guard case .audio(.voicePicker(_, "", _, _))? = state.dialog else { return XCTFail("Ctrl-U clears the filter") }
    }

    func testPgDnAndPgUpJumpBetweenSections() {
        var state = freshState()
        state.press(.pageDown)
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 0, index: 0))
        state.press(.pageDown)
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 1, index: 0))
        state.press(.tab, .pageUp)
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 1, index: 0), "first to its own section's start")
        state.press(.pageUp)
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 0, index: 0))
    }
}
