import CallbackCore
import CallLog
import Localization
import TUI
import XCTest

/// Issue #27, the TUI's part: typing a character made of several code points, a
/// paste that carries keys, a control string, text that is long, a terminal of
/// absurd size. Each of these crashed, froze or pressed a key before.
final class HardeningRound3Tests: XCTestCase {
    /// Characters that join the one before them when typed after it.
    static let joiners: [String] = ["\u{FE0F}", "\u{0301}", "\u{200D}", "\u{1F1FA}", "\u{1F1F7}", "\u{1160}", "\u{11A8}", "\u{1F3FD}"]
    /// Characters they join to.
    static let bases: [String] = ["❤", "e", "👨", "👩", "\u{1100}", "ж", "a", " ", "1", "\u{1F1F7}", "🇷🇺", "\u{E0067}"]

    func testAVariationSelectorTypedAfterAHeartNoLongerCrashesTheDescription() {
        var state = freshState()
        XCTAssertEqual(state.fields.focus, .requestDescription)
        state.type("❤")
        state.press(.character(Character("\u{FE0F}")))
        XCTAssertEqual(state.form.requestDescription, "❤️")
        XCTAssertEqual(state.fields.editor.cursor, 1, "the two code points are one character, the cursor after it")
        state.type("x")
        state.press(.left, .left, .backspace, .right, .right)
        XCTAssertEqual(state.form.requestDescription, "❤️x")
        _ = render(state) // the cursor column is read while drawing: it crashed here
    }

    func testFlagsCombiningMarksAndJamoTypedOneCodePointAtATime() {
        for text in ["🇷🇺", "e\u{0301}", "👨\u{200D}👩\u{200D}👧", "\u{1100}\u{1161}\u{11A8}", "ё"] {
            var state = freshState()
            for scalar in text.unicodeScalars { state.press(.character(Character(scalar))) }
            XCTAssertEqual(state.form.requestDescription, text, "typed one code point at a time")
            XCTAssertLessThanOrEqual(state.fields.editor.cursor, state.fields.editor.text.count)
            _ = render(state)
        }
    }

    func testTheLastCharactersOfTheTTSTextJoinWithoutCrashing() {
        var state = freshState(form: exampleForm())
        state.focusOn(.ttsText(line: 0))
        state.press(.control("u"), .control("k"))
        state.type(String(repeating: "a", count: 999))
        state.type("❤")
        state.press(.character(Character("\u{FE0F}")))
        XCTAssertEqual(state.fields.editor.text.count, 1000)
        XCTAssertEqual(state.fields.editor.cursor, 1000)
        _ = render(state)
    }

    /// The property: whatever code points are typed, pasted or deleted, in whatever order,
    /// the cursor stays within the text and the text is what the edits make of it.
    func testRandomCodePointsInEveryEditingKeyKeepTheEditorValid() {
        var generator = SystemRandomNumberGenerator()
        let pool = Self.joiners + Self.bases + ["Ж", "😀", "\u{0308}", "中"]
        for _ in 0..<600 {
            var editor = LineEditor("")
            var scalars: [Unicode.Scalar] = [] // the reference, in code points
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                let before = editor
                switch Int.random(in: 0..<10, using: &generator) {
                case 0...4:
                    let piece = pool.randomElement(using: &generator)!
                    editor.insert(piece)
                    let head = Array(before.text.prefix(before.cursor).unicodeScalars)
                    let tail = Array(before.text.dropFirst(before.cursor).unicodeScalars)
                    scalars = head + Array(piece.unicodeScalars) + tail
                    XCTAssertGreaterThanOrEqual(editor.cursor, before.cursor)
                case 5: editor.backspace()
                case 6: editor.deleteForward()
                case 7: editor.move(Int.random(in: -3...3, using: &generator))
                case 8: editor.deleteWordBackward()
                default: Bool.random(using: &generator) ? editor.killToEnd() : editor.killToStart()
                }
                XCTAssertTrue((0...editor.text.count).contains(editor.cursor), "cursor \(editor.cursor) in \(editor.text.unicodeScalars.map { String($0.value, radix: 16) })")
                XCTAssertGreaterThanOrEqual(editor.cursorColumn, 0)
                XCTAssertLessThanOrEqual(editor.cursorColumn, DisplayWidth.of(editor.text))
                if scalars.count > 0, before.text.unicodeScalars.count + 4 < scalars.count { XCTFail("an insert added more than it was given") }
                if scalars != Array(editor.text.unicodeScalars), !scalars.isEmpty { XCTAssertEqual(String(String.UnicodeScalarView(scalars)), editor.text, "the insert kept every code point, in order") }
                scalars = []
            }
        }
    }

    func testEveryEditorInTheAppTakesJoiningCodePoints() {
        // The form's fields, the log search, the file prompt and the template name.
        var state = freshState(form: exampleForm())
        for keys in [[Key.function(2)], [Key.function(3)], [Key.control("s")]] {
            var copy = state
            copy.press(keys[0])
            for scalar in "❤\u{FE0F}🇷🇺e\u{0301}".unicodeScalars { copy.press(.character(Character(scalar))) }
            _ = render(copy)
        }
        state.focusOn(.destinationNumber(line: 1, index: 0))
        for scalar in "7\u{0301}9".unicodeScalars { state.press(.character(Character(scalar))) }
        _ = render(state)
    }

    // MARK: Text that is long

    func testWrappingIsLinearInTheTextsLength() {
        let long = String(repeating: "x", count: 400_000)
        let start = ContinuousClock.now
        let lines = TextWrap.lines(long, width: 80)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2), "quadratic wrapping took 3.3 s for 80,000 characters")
        XCTAssertEqual(lines.count, 5_000)
        XCTAssertTrue(lines.allSatisfy { $0.count == 80 })
        XCTAssertEqual(TextWrap.lines("ab cd " + String(repeating: "y", count: 12) + " z", width: 5),
                       ["ab cd", "yyyyy", "yyyyy", "yy z"])
        XCTAssertEqual(TextWrap.lines(long, width: 80, maxLines: 3).count, 3)
        // What the fuzzer found: a paragraph that starts with a combining mark keeps it.
        XCTAssertEqual(TextWrap.lines("abc\n\u{301}x", width: 10).map { Array($0.unicodeScalars) }, [Array("abc".unicodeScalars), ["\u{301}", "x"]])
    }

    func testAPlantedHugeDescriptionCostsTheLogPanelNothing() {
        var state = freshState()
        let entry = CallLogEntry(id: 1, createdAt: 1_764_600_000_000, finishedAt: nil, mode: .demo, endpointHost: "h",
                                 requestJSON: "{}", requestDescription: String(repeating: "d", count: 2_000_000),
                                 line1Numbers: String(repeating: "7", count: 100_000), line2Numbers: "79990000000", ttsText: nil,
                                 outcome: .placed, httpStatus: 200, callID: String(repeating: "9", count: 100_000), message: nil,
                                 rawResponse: nil, latencyMs: 1, exocallVersion: "t", ownerPID: 0, operatorName: nil,
                                 senderHost: nil, deadlineAt: nil)
        _ = update(&state, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        state.pane = .log
        let start = ContinuousClock.now
        for _ in 0..<20 { _ = render(state) }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2), "a visible row cost 1.34 s a frame")
    }

    func testAnOpenEntryWithAnEightyThousandCharacterDescriptionDrawsQuickly() throws {
        var form = exampleForm()
        form.requestDescription = String(repeating: "описание ", count: 8_800)
        let request = try XCTUnwrap(freshState(form: form).validation.request, "an 80,000-character description is a valid request")
        var entry = CallLogEntry(request: request, mode: .demo, endpointHost: "127.0.0.1:1")
        entry.id = 7
        entry.message = String(repeating: "m", count: 80_000)
        entry.rawResponse = String(repeating: "r", count: 60_000)
        var state = freshState()
        state.dialog = .log(.entry(entry, scroll: 0))
        XCTAssertTrue(render(state).canvas.text.contains("mmmm"))
        let start = ContinuousClock.now
        for _ in 0..<10 {
            _ = render(state)
            state.press(.pageDown)
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(8), "it took 3.3 s a frame")
        state.dialog = .log(.entry(entry, scroll: 1_000_000)) // the view keeps the scroll within the text
        let screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("rrrr"), screen)
    }

    func testAPlantedTimeShowsAsInvalidInThePanelAndTheEntry() {
        var entry = CallLogEntry(id: 3, createdAt: .min, finishedAt: .max, mode: .live, endpointHost: "h", requestJSON: "{}",
                                 requestDescription: "planted", line1Numbers: "7", line2Numbers: "7", ttsText: nil, outcome: .placed,
                                 httpStatus: 200, callID: "1", message: nil, rawResponse: nil, latencyMs: Int.max, exocallVersion: "v",
                                 ownerPID: 0, operatorName: nil, senderHost: nil, deadlineAt: .min)
        for language in [UILanguage.en, .ru] {
            var state = freshState()
            state.language = language
            _ = update(&state, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
            state.press(.function(8), .function(8))
            XCTAssertTrue(render(state).canvas.text.contains(language(.timeInvalid)), render(state).canvas.text)
            state.press(.enter)
            XCTAssertTrue(render(state).canvas.text.contains(language(.timeInvalid)))
        }
        entry.createdAt = .max
        _ = entry.effectiveOutcome()
    }

    // MARK: Input

    func testWhatFollowsAPastesEndInTheSameBurstIsTextNeverKeys() {
        // A terminal that does not filter pastes: the clipboard held the end marker.
        XCTAssertEqual(decode("\u{1B}[200~hello \u{1B}[201~\u{1B}[15~y"), [.paste("hello [201~[15~y")])
        XCTAssertEqual(decode("\u{1B}[200~hello \u{1B}[201~\u{1B}[15~\r"), [.paste("hello [201~[15~\n")])
    }

    func testControlStringsAreSkippedWhole() {
        let payload = String(repeating: "q", count: 50_000)
        XCTAssertEqual(decode("\u{1B}P1$r" + payload + "\u{1B}\\z"), [.character("z")], "DCS")
        XCTAssertEqual(decode("\u{1B}]52;c;" + payload + "\u{07}z"), [.character("z")], "OSC ended by BEL")
        XCTAssertEqual(decode("\u{1B}]0;title\u{1B}\\z"), [.character("z")], "OSC ended by ST")
        XCTAssertEqual(decode("\u{1B}_apc\u{1B}\\\u{1B}^pm\u{1B}\\\u{1B}Xsos\u{1B}\\z"), [.character("z")], "APC, PM, SOS")
        XCTAssertEqual(decode("\u{90}dcs\u{9C}z"), [.character("z")], "C1 DCS ended by C1 ST")
        XCTAssertEqual(decode("\u{9B}A"), [.up], "C1 CSI")
        // An unterminated string is given up after a while: keys are read again.
        var decoder = InputDecoder()
        for scalar in "\u{1B}Pnever ends".unicodeScalars { _ = decoder.feed(scalar) }
        for _ in 0..<20 where decoder.isWaiting { _ = decoder.flush() }
        XCTAssertEqual(decoder.feed("k"), [.character("k")])
    }

    func testAFiveMegabytePasteIsLinearAndOverTheLimitSaysSo() {
        var decoder = InputDecoder()
        let start = ContinuousClock.now
        var keys: [Key] = []
        for scalar in "\u{1B}[200~".unicodeScalars { keys += decoder.feed(scalar) }
        let chunk = Array(String(repeating: "абвгд", count: 1000).unicodeScalars)
        for _ in 0..<1_000 { for scalar in chunk { keys += decoder.feed(scalar) } }
        for scalar in "\u{1B}[201~".unicodeScalars { keys += decoder.feed(scalar) }
        keys += decoder.flush()
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(20), "5 MB took 12 minutes (a debug build, on a busy machine, takes 2-6 s)")
        XCTAssertEqual(keys, [.pasteTooLarge(characters: 5_000_000)])
        // In a field: a message, the text untouched.
        var state = freshState()
        state.type("kept")
        state.press(.pasteTooLarge(characters: 5_000_000))
        XCTAssertEqual(state.form.requestDescription, "kept")
        XCTAssertTrue(state.status?.text.contains("5000000") ?? false, "\(String(describing: state.status))")
        // Under the limit, a large paste into a field is quick and refused by the field's own limit.
        let text = String(repeating: "w", count: 1_000_000)
        let again = ContinuousClock.now
        state.press(.paste(text))
        XCTAssertLessThan(ContinuousClock.now - again, .seconds(3))
    }

    func testWhatTheKeyboardBringsIntoAFieldIsBoundedAndEachKeyStaysQuick() {
        var state = freshState(form: exampleForm())
        state.focusOn(.requestDescription)
        state.press(.paste(String(repeating: "d", count: InputDecoder.pasteLimit)))
        XCTAssertEqual(state.form.requestDescription, "internal_id_148", "a million characters: refused whole, nothing cut")
        XCTAssertTrue(state.status?.text.contains("100000") ?? false, "\(String(describing: state.status))")
        state.press(.paste(String(repeating: "d", count: 99_000)))
        XCTAssertEqual(state.form.requestDescription.count, 99_015)
        let start = ContinuousClock.now
        for _ in 0..<5 {
            state.type("x")
            _ = render(state)
        }
        let perKey = (ContinuousClock.now - start) / 5
        XCTAssertLessThan(perKey, .milliseconds(1500), "a key took \(perKey) with 99,000 characters (debug build)")
        state.press(.paste(String(repeating: "y", count: 100_000 - 99_020 - 2)))
        state.type("zzzz")
        XCTAssertEqual(state.form.requestDescription.count, 100_000, "typing stops at the limit, with a message")
    }

    func testADialogThatPlacesACallTakesNoKeyThatCameBeforeItWasDrawn() {
        var state = freshState(form: exampleForm())
        var gate = KeyGate()
        _ = gate.presented(state)
        // One burst: F5 opens the confirmation, y would confirm it.
        var effects: [Effect] = []
        for action in [Action.key(.function(5)), .key(.character("y")), .key(.enter)] where gate.admits(action, in: state) {
            effects += update(&state, action)
        }
        guard case .send(.confirm)? = state.dialog else { return XCTFail("F5 opens the confirmation: \(String(describing: state.dialog))") }
        XCTAssertFalse(effects.contains { if case .send = $0 { return true } else { return false } }, "nothing is sent")
        XCTAssertTrue(gate.isAppearing(state), "about to appear: the input is drained first")
        XCTAssertTrue(gate.presented(state))
        XCTAssertFalse(gate.isAppearing(state))
        // Drawn: a key pressed now is the operator's.
        XCTAssertTrue(gate.admits(.key(.character("y")), in: state))
        XCTAssertFalse(gate.presented(state), "still the same dialog")
    }
}
