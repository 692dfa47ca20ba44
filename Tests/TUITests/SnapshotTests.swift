import Foundation
import TUI
import CallbackCore
import ExolveClient
import CallLog
import XCTest

/// Views rendered on the text canvas, compared with stored snapshots in
/// `Snapshots/`: the characters (`NAME.txt`) and each cell's style (`NAME.styles.txt`,
/// a letter per cell and a legend), so a colour regression fails as a text one does.
/// Run with EXOCALL_RECORD_SNAPSHOTS=1 to write them anew, then read the diff before committing.
final class SnapshotTests: XCTestCase {
    func assertSnapshot(_ state: AppState, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let canvas = render(state).canvas
        compare(canvas.text + "\n", to: "\(name).txt", file: file, line: line)
        compare(Self.styleMap(canvas), to: "\(name).styles.txt", file: file, line: line)
    }

    /// Each cell's style as a letter, then which style each letter stands for.
    static func styleMap(_ canvas: TextCanvas) -> String {
        let symbols = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var legend: [Style: Character] = [:]
        var order: [Style] = []
        var rows: [String] = []
        for y in 0..<canvas.size.height {
            var row = ""
            for x in 0..<canvas.size.width {
                let style = canvas.cell(x: x, y: y).style
                if legend[style] == nil {
                    legend[style] = symbols[min(order.count, symbols.count - 1)]
                    order.append(style)
                }
                row.append(legend[style]!)
            }
            rows.append(row)
        }
        let key = order.map { style in
            "\(legend[style]!) = \(style.role.rawValue)" + (style.background.map { " on \($0.rawValue)" } ?? "")
                + (style.bold ? " bold" : "") + (style.underline ? " underline" : "")
        }
        return (rows + [""] + key).joined(separator: "\n") + "\n"
    }

    func compare(_ text: String, to fileName: String, file: StaticString, line: UInt) {
        let name = fileName
        let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
        let path = folder.appendingPathComponent(fileName)
        if ProcessInfo.processInfo.environment["EXOCALL_RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try! text.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        guard let stored = try? String(contentsOf: path, encoding: .utf8) else {
            return XCTFail("no snapshot \(name); record with EXOCALL_RECORD_SNAPSHOTS=1", file: file, line: line)
        }
        if stored != text {
            XCTFail("snapshot \(name) differs:\n--- stored\n\(stored)\n--- rendered\n\(text)", file: file, line: line)
        }
    }

    func exampleState(_ size: Size) -> AppState {
        var state = freshState(size, form: exampleForm())
        state.focusOn(.destinationNumber(line: 1, index: 1))
        return state
    }

    func testExampleAt120x40() { assertSnapshot(exampleState(Size(width: 120, height: 40)), named: "example-120x40") }
    func testExampleAt80x24() { assertSnapshot(exampleState(Size(width: 80, height: 24)), named: "example-80x24") }
    func testPreviewTabAt80x24() {
        var state = exampleState(Size(width: 80, height: 24))
        state.press(.function(8))
        assertSnapshot(state, named: "preview-tab-80x24")
    }
    func testEmptyFormAt60x20() { assertSnapshot(freshState(Size(width: 60, height: 20)), named: "empty-60x20") }
    func testTooSmall() { assertSnapshot(freshState(Size(width: 59, height: 20)), named: "too-small-59x20") }
    func testVoicePicker() {
        var state = freshState(Size(width: 120, height: 40), form: exampleForm())
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        assertSnapshot(state, named: "voice-picker-120x40")
    }
    func testEmotionPickerOfVoice15() {
        var form = exampleForm()
        form.lines[0].audio.tts.voice = 15
        form.lines[0].audio.tts.emotion = nil
        var state = freshState(Size(width: 120, height: 40), form: form)
        state.focusOn(.ttsEmotion(line: 0))
        state.press(.enter)
        assertSnapshot(state, named: "emotion-picker-voice15-120x40")
    }
    func testVoiceExplorer() {
        var state = freshState(Size(width: 120, height: 40), form: exampleForm())
        state.focusOn(.ttsVoice(line: 0))
        state.press(.function(9))
        assertSnapshot(state, named: "voice-explorer-120x40")
    }
    func testVoiceExplorerFitsAt80x24() {
        var state = freshState(Size(width: 80, height: 24), form: exampleForm())
        state.focusOn(.ttsVoice(line: 0))
        state.press(.function(9))
        let text = render(state).canvas.text
        XCTAssertTrue(text.contains("whisper"), "every emotion column is on screen at 80 columns")
        assertSnapshot(state, named: "voice-explorer-80x24")
    }
    // The same screens in Russian: labels are longer, and every screen still fits.
    func russian(_ state: AppState) -> AppState {
        var state = state
        state.language = .ru
        return state
    }
    func testRussianExampleAt120x40() { assertSnapshot(russian(exampleState(Size(width: 120, height: 40))), named: "ru-example-120x40") }
    func testRussianExampleAt80x24() { assertSnapshot(russian(exampleState(Size(width: 80, height: 24))), named: "ru-example-80x24") }
    func testRussianEmptyFormAt120x40() { assertSnapshot(russian(freshState(Size(width: 120, height: 40))), named: "ru-empty-120x40") }
    func testRussianEmptyFormAt80x24() { assertSnapshot(russian(freshState(Size(width: 80, height: 24))), named: "ru-empty-80x24") }
    func testRussianEmptyFormAt60x20() { assertSnapshot(russian(freshState(Size(width: 60, height: 20))), named: "ru-empty-60x20") }
    func testRussianPreviewTabAt80x24() {
        var state = russian(exampleState(Size(width: 80, height: 24)))
        state.press(.function(8))
        assertSnapshot(state, named: "ru-preview-tab-80x24")
    }
    func testRussianConfirmationAt80x24() {
        var state = russian(exampleState(Size(width: 80, height: 24)))
        state.press(.function(5))
        state.sending.recentAttempts = []
        assertSnapshot(state, named: "ru-confirm-80x24")
    }
    func testRussianProblemsAt80x24() {
        var state = russian(freshState(Size(width: 80, height: 24)))
        state.press(.function(4))
        assertSnapshot(state, named: "ru-problems-80x24")
    }
    func testRussianVoicePickerEmotionPickerAndExplorer() {
        var state = russian(freshState(Size(width: 120, height: 40), form: exampleForm()))
        state.focusOn(.ttsVoice(line: 0))
        state.press(.enter)
        assertSnapshot(state, named: "ru-voice-picker-120x40")
        XCTAssertTrue(render(state).canvas.text.contains("нейтральная*, добрая"), "voice 1's emotion 2 is «добрая»")
        state.press(.escape)
        state.focusOn(.ttsEmotion(line: 0))
        state.press(.enter)
        XCTAssertTrue(render(state).canvas.text.contains("2  добрая"), render(state).canvas.text)
        state.press(.escape)
        state.focusOn(.ttsVoice(line: 0))
        state.press(.function(9))
        assertSnapshot(state, named: "ru-voice-explorer-120x40")
    }
    func testAltLSwitchesTheLanguageLive() {
        var state = freshState(Size(width: 120, height: 40))
        state.press(.alt("l"))
        XCTAssertEqual(state.language, .ru)
        XCTAssertTrue(render(state).canvas.text.contains("Журнал звонков"))
        state.press(.alt("l"))
        XCTAssertEqual(state.language, .en)
        XCTAssertTrue(render(state).canvas.text.contains("Call log"))
    }
    func testProblemsDialog() {
        var state = freshState(Size(width: 120, height: 40))
        state.press(.function(4))
        assertSnapshot(state, named: "problems-120x40")
    }
}

/// Nothing is cut without a mark; the texts that decide a send are never cut.
final class NoSilentCutTests: XCTestCase {
    func testClippedTextEndsInAnEllipsis() {
        var canvas = TextCanvas(size: Size(width: 10, height: 1))
        XCTAssertEqual(canvas.put("79991234567890", x: 0, y: 0, style: .text, maxWidth: 8), 8)
        XCTAssertEqual(canvas.text, "7999123…")
        var exact = TextCanvas(size: Size(width: 10, height: 1))
        exact.put("12345678", x: 0, y: 0, style: .text, maxWidth: 8)
        XCTAssertEqual(exact.text, "12345678", "text that fits gets no mark")
        var wide = TextCanvas(size: Size(width: 6, height: 1))
        wide.put("ЖЖ漢字漢字", x: 0, y: 0, style: .text)
        XCTAssertEqual(wide.text, "ЖЖ漢…")
        var cyrillic = TextCanvas(size: Size(width: 6, height: 2))
        cyrillic.put("ЖЖЖЖЖЖ", x: 0, y: 0, style: .text)
        cyrillic.put("ЖЖЖЖЖЖЖ", x: 0, y: 1, style: .text)
        XCTAssertEqual(cyrillic.text, "ЖЖЖЖЖЖ\nЖЖЖЖЖ…", "more bytes than columns still fits; one letter more is marked")
        var control = TextCanvas(size: Size(width: 10, height: 1))
        control.put("a\u{1B}[2Jb\tc", x: 0, y: 0, style: .text)
        XCTAssertEqual(control.text, "a\\e[2Jb c", "escape shown, never obeyed; a tab is a space")
    }

    func testTheFocusedPreviewLineShowsItsWholeValue() {
        var state = freshState(Size(width: 100, height: 30), form: exampleForm())
        state.focusOn(.ttsText(line: 0))
        let text = render(state).canvas.text
        XCTAssertTrue(text.contains("бизнеса"), "the value's last word is on screen: \(text)")
    }

    func testTheOutcomeGuidanceWrapsAt80Columns() {
        var state = freshState(Size(width: 80, height: 24), form: exampleForm())
        state.press(.function(5), .enter)
        let reason = "Exolve answered 504 Gateway Timeout with an empty body, after the request was written in full"
        _ = update(&state, .sendFinished(SentCall(result: SendResult(outcome: .unknown(reason: .verbatim(reason)), httpStatus: 504, rawBody: "", latencyMs: 3),
                                                  entryID: 1, logWarning: nil)))
        let text = render(state).canvas.text.replacingOccurrences(of: "│", with: " ")
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(words.contains(reason), words)
        XCTAssertTrue(words.contains("Check (the call log, the Exolve console) before sending again;"))
    }

    func testTheConfirmationWrapsEveryNumberAndTheVoice() {
        var form = exampleForm()
        form.lines[1].destinations = (0..<6).map { DestinationForm(number: "7999000000\($0)", timeout: "45") }
        form.lines[1].audio.kind = .tts
        form.lines[1].audio.tts.text = "Здравствуйте"
        form.lines[1].audio.tts.voice = 11
        form.lines[1].audio.tts.emotion = 6
        var state = freshState(Size(width: 80, height: 40), form: form)
        state.press(.function(5))
        let text = render(state).canvas.text
        for index in 0..<6 { XCTAssertTrue(text.contains("7999000000\(index) (rings 45 s)"), text) }
        XCTAssertTrue(text.contains("voice 11 Марина whisper"), text)
    }
}

/// Text from the log, a server or a file is shown on the screen, never obeyed.
final class ScreenEscapingTests: XCTestCase {
    func testALoggedCallIDAndDescriptionShowTheirControlCharactersEscaped() {
        var state = freshState(Size(width: 200, height: 40))
        let request = MakeCallbackRequest(requestDescription: "a\u{1B}[2Jb\rPLACED", numberCode: 1, callbackResourceID: 1,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79990000002")]))
        var entry = CallLogEntry(request: request, mode: .live, endpointHost: "h\u{07}", now: Date(timeIntervalSince1970: 1_000_000))
        entry.id = 1
        entry.outcome = .unknown
        entry.callID = "\u{1B}]0;TITLE\u{07}"
        _ = update(&state, .logPageLoaded(entries: [entry], total: MatchCount(value: 1, isAtLeast: false), append: false))
        state.pane = .log
        let screen = render(state).canvas
        XCTAssertNotNil(screen.find("a\\e[2Jb\\rP"), screen.text)
        XCTAssertFalse(screen.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0 == "\r" })
        state.press(.enter)
        XCTAssertNotNil(render(state).canvas.find("\\e]0;TITLE\\u0007"), render(state).canvas.text)
    }
}
