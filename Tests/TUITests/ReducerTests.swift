import CallbackCore
import TUI
import ExolveClient
import XCTest
import Localization

final class FocusTests: XCTestCase {
    func testTabWalksEveryFieldInOrderAndWraps() {
        var state = freshState()
        let order = state.form.focusOrder
        XCTAssertEqual(order.first, .requestDescription)
        for expected in order.dropFirst() {
            state.press(.tab)
            XCTAssertEqual(state.fields.focus, expected)
        }
        state.press(.tab)
        XCTAssertEqual(state.fields.focus, .requestDescription, "Tab wraps to the first field")
        state.press(.backTab)
        XCTAssertEqual(state.fields.focus, order.last)
    }

    func testArrowsMoveBetweenFieldsAndEnterAdvancesFromText() {
        var state = freshState()
        state.press(.down)
        XCTAssertEqual(state.fields.focus, .numberCode)
        state.press(.up, .enter) // Enter on Number code opens the account's numbers; on Description it moves on
        XCTAssertEqual(state.fields.focus, .numberCode)
        state.press(.down, .down)
        XCTAssertEqual(state.fields.focus, .duration)
        state.press(.up)
        XCTAssertEqual(state.fields.focus, .callbackResourceID)
    }

    func testFocusKeepsTheFormRowVisible() {
        var state = freshState(Size(width: 80, height: 24))
        state.focusOn(.audioKind(line: 1))
        let height = Layout(state.size).innerHeight(of: .form, shown: .form)
        let row = state.form.row(of: state.fields.focus)!
        XCTAssertTrue(row >= state.fields.scroll && row < state.fields.scroll + height, "row \(row) scroll \(state.fields.scroll) height \(height)")
    }
}

final class EditingTests: XCTestCase {
    func testTypingUpdatesFormPreviewAndAsksForADraftSave() {
        var state = freshState()
        let effects = state.type("Заказ 148")
        XCTAssertEqual(state.form.requestDescription, "Заказ 148")
        XCTAssertTrue(state.preview.text.contains(#""request_description": "Заказ 148""#))
        XCTAssertEqual(effects.last, .saveDraft(state.form))
    }

    func testNumericFieldsRefuseLettersWithAMessage() {
        var state = freshState()
        state.focusOn(.numberCode)
        state.type("74x9")
        XCTAssertEqual(state.form.numberCode, "749")
        state.type("q")
        XCTAssertTrue(state.status?.text.contains("digits only") ?? false, "\(String(describing: state.status))")
        state.press(.paste("12a3"))
        XCTAssertEqual(state.form.numberCode, "749", "a paste with a letter is refused whole")
        state.press(.paste("0001"))
        XCTAssertEqual(state.form.numberCode, "7490001")
    }

    func testLineEditingKeys() {
        var state = freshState()
        state.type("one two three")
        state.press(.control("w"))
        XCTAssertEqual(state.form.requestDescription, "one two ")
        state.press(.control("a"), .character(">"))
        XCTAssertEqual(state.form.requestDescription, ">one two ")
        state.press(.controlRight, .control("k"))
        XCTAssertEqual(state.form.requestDescription, ">one")
        state.press(.home, .delete, .end, .backspace)
        XCTAssertEqual(state.form.requestDescription, "on")
        state.press(.left, .control("u"))
        XCTAssertEqual(state.form.requestDescription, "n")
    }

    func testCyrillicAndWideCharactersMoveAsOneCharacter() {
        var editor = LineEditor("")
        editor.insert("Ёж日本")
        XCTAssertEqual(editor.cursor, 4)
        XCTAssertEqual(editor.cursorColumn, 6)
        editor.backspace()
        XCTAssertEqual(editor.text, "Ёж日")
        editor.move(-2)
        editor.deleteForward()
        XCTAssertEqual(editor.text, "Ё日")
    }

    func testEmptyOptionalFieldsAreLeftOutAndDefaultsAreNotSent() {
        var state = freshState(form: exampleForm())
        XCTAssertFalse(state.preview.text.contains("duration"))
        state.focusOn(.duration)
        state.type("1800")
        XCTAssertTrue(state.preview.text.contains(#""duration": 1800"#), "typing the default sends it explicitly")
        state.press(.control("u"))
        XCTAssertFalse(state.preview.text.contains("duration"))
    }

    func testDomesticNumberIsOfferedItsNormalizedForm() {
        var state = freshState()
        state.focusOn(.destinationNumber(line: 0, index: 0))
        state.type("8 (999) 123-45-67")
        XCTAssertEqual(state.problems(of: state.fields.focus).first?.suggestion, "79991234567")
        state.press(.control("f"))
        XCTAssertEqual(state.form.lines[0].destinations[0].number, "79991234567")
        XCTAssertEqual(state.problems(of: state.fields.focus), [])
    }
}

final class DestinationListTests: XCTestCase {
    func testAddRemoveAndReorderRows() {
        var state = freshState()
        state.focusOn(.destinationNumber(line: 0, index: 0))
        state.type("79990000001")
        state.press(.control("n"))
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 0, index: 1))
        state.type("79990000002")
        state.press(.altUp)
        XCTAssertEqual(state.form.lines[0].destinations.map(\.number), ["79990000002", "79990000001"])
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 0, index: 0))
        state.press(.controlDown)
        XCTAssertEqual(state.form.lines[0].destinations.map(\.number), ["79990000001", "79990000002"])
        state.press(.control("d"))
        XCTAssertEqual(state.form.lines[0].destinations.map(\.number), ["79990000001"])
        state.press(.control("d"))
        XCTAssertEqual(state.form.lines[0].destinations, [DestinationForm()], "the last row is cleared, not removed")
    }

    func testTheEleventhDestinationIsRefused() {
        var state = freshState()
        state.focusOn(.addDestination(line: 1))
        for _ in 0..<9 { state.press(.enter) ; state.focusOn(.addDestination(line: 1)) }
        XCTAssertEqual(state.form.lines[1].destinations.count, 10)
        let effects = state.press(.enter)
        XCTAssertEqual(state.form.lines[1].destinations.count, 10)
        XCTAssertEqual(effects, [])
        XCTAssertTrue(state.status?.text.contains("already has 10 destinations") ?? false)
        state.focusOn(.destinationNumber(line: 1, index: 4))
        state.press(.control("n"))
        XCTAssertEqual(state.form.lines[1].destinations.count, 10)
    }

    func testLoadedElevenDestinationsAreKeptAndMarked() {
        var json = try! JSONParser.parse(#"{"line_1":{"destinations":[]}}"#)
        try! json.set(.array((0..<11).map { .object([.init("number", .string("799900000\(10 + $0)"))]) }),
                      at: JSONPath(parsing: "line_1.destinations")!)
        let state = freshState(form: FormState.loading(json).form)
        XCTAssertEqual(state.form.lines[0].destinations.count, 11)
        XCTAssertTrue(state.problems(of: .addDestination(line: 0)).first?.message.contains("has 11") ?? false)
    }
}

final class ValidationMarkTests: XCTestCase {
    func testProblemsAttachToTheirFields() {
        var state = freshState(form: exampleForm())
        XCTAssertTrue(state.validation.isValid)
        state.focusOn(.destinationTimeout(line: 1, index: 1))
        state.type("5")
        XCTAssertEqual(state.problems(of: state.fields.focus).map(\.path), ["line_2.destinations[1].timeout"])
        XCTAssertFalse(state.validation.isValid)
        XCTAssertTrue(render(state).canvas.text.contains("✗ 1 problem"))
    }

    func testProblemsListJumpsToTheField() {
        var state = freshState(form: exampleForm())
        state.focusOn(.destinationTimeout(line: 1, index: 1))
        state.type("5")
        state.focusOn(.requestDescription)
        state.press(.function(4))
        XCTAssertEqual(state.dialog, .problems(.list(selected: 0)))
        state.press(.enter)
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.fields.focus, .destinationTimeout(line: 1, index: 1))
    }

    func testChoiceCyclesAndDeleteRestoresTheDefault() {
        var state = freshState()
        state.focusOn(.ringLogic(line: 0))
        state.press(.right)
        XCTAssertEqual(state.form.lines[0].ringLogic, 2)
        state.press(.right)
        XCTAssertEqual(state.form.lines[0].ringLogic, 1)
        XCTAssertTrue(state.preview.text.contains(#""ring_logic": 1"#))
        state.press(.delete)
        XCTAssertNil(state.form.lines[0].ringLogic)
        XCTAssertFalse(state.preview.text.contains("ring_logic"))
    }

    func testLoadingKeepsInvalidValuesAndSaysWhatItCannotHold() {
        var state = freshState()
        _ = update(&state, .fileLoaded(path: "r.json", result: .text(#"{"number_code": 5, "duration": 99, "line_1": {"ring_logic": 7, "destinations": [{"number": "89991234567"}], "extra": 1}}"#)))
        XCTAssertEqual(state.form.duration, "99")
        XCTAssertEqual(state.form.lines[0].ringLogic, 7)
        XCTAssertEqual(state.form.lines[0].destinations[0].number, "89991234567")
        let paths = Set(state.validation.problems.map(\.path))
        XCTAssertTrue(paths.isSuperset(of: ["duration", "line_1.ring_logic", "line_1.destinations[0].number"]))
        XCTAssertTrue(state.status?.text.contains("line_1.extra") ?? false)
        _ = update(&state, .fileLoaded(path: "bad.json", result: .text("{oops")))
        XCTAssertEqual(state.form.duration, "99", "a malformed file changes nothing")
        XCTAssertTrue(state.status?.text.contains("line 1, column 2") ?? false)
    }

    func testSaveAsksBeforeOverwriting() {
        var state = freshState(form: exampleForm())
        state.press(.function(2))
        guard case .files(.prompt(.save, _))? = state.dialog else { return XCTFail() }
        state.press(.control("u"))
        state.type("out.json")
        let effects = state.press(.enter)
        XCTAssertEqual(effects, [.saveFile(path: "out.json", contents: state.preview.text + "\n", overwrite: false)])
        _ = update(&state, .fileSaved(path: "out.json", result: .exists))
        XCTAssertEqual(state.dialog, .files(.confirmOverwrite(path: "out.json")))
        XCTAssertEqual(state.press(.character("y")), [.saveFile(path: "out.json", contents: state.preview.text + "\n", overwrite: true)])
    }

    func testQuestionMarkIsTextInTextFieldsAndHelpElsewhere() {
        var state = freshState()
        state.type("?")
        XCTAssertEqual(state.form.requestDescription, "?")
        XCTAssertNil(state.dialog)
        state.focusOn(.ringLogic(line: 0))
        state.type("?")
        XCTAssertEqual(state.dialog, .help(.overlay(scroll: 0)))
    }
}

final class PreviewDocumentTests: XCTestCase {
    func testLinesJoinToTheCanonicalPrettyBytes() {
        let form = exampleForm()
        let document = PreviewDocument(form.jsonValue)
        let request = RequestValidator.validate(form.jsonValue).request!
        XCTAssertEqual(document.text, request.canonicalJSON(.pretty))
    }

    /// Any JSON, not only a form's: nested, empty, escaped; each line's path is the value it shows.
    func testAnyValueJoinsToTheCanonicalPrettyBytes() {
        var generator = SystemRandomNumberGenerator()
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 7), using: &generator) {
            case 0: return .string(["", "a\"b", "line\nbreak", "Здравствуйте", "tab\t", "\u{1}"].randomElement(using: &generator)!)
            case 1: return .number(["0", "-19", "1.10", "74999999999"].randomElement(using: &generator)!)
            case 2: return .bool(Bool.random(using: &generator))
            case 3: return .null
            case 4: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth + 1) })
            default:
                return .object((0..<Int.random(in: 0...3, using: &generator)).map { index in
                    JSONValue.Member(["k\(index)", "line_1", "кл\"юч"].randomElement(using: &generator)!, value(depth + 1))
                })
            }
        }
        for _ in 0..<300 {
            let json = value(0)
            let document = PreviewDocument(json)
            XCTAssertEqual(document.text, CanonicalJSON.string(json, style: .pretty))
            XCTAssertEqual(document.lines.first?.path, "")
        }
        let document = PreviewDocument(.object([JSONValue.Member("a", .array([.null, .object([JSONValue.Member("b", .bool(true))])]))]))
        XCTAssertEqual(document.lines.map(\.path), ["", "a", "a[0]", "a[1]", "a[1].b", "a[1]", "a", ""])
    }

    func testLineForAPathFindsTheFieldOrItsParent() {
        let document = PreviewDocument(exampleForm().jsonValue)
        let line = document.line(for: "line_2.destinations[1].number")!
        XCTAssertEqual(document.lines[line].text.trimmingCharacters(in: .whitespaces), #""number": "79999999999""#)
        let parent = document.line(for: "line_2.destinations[1].timeout")!
        XCTAssertEqual(document.lines[parent].path, "line_2.destinations[1]")
    }
}

final class ThemePickerTests: XCTestCase {
    func testMovingPreviewsEnterOffersToSaveAndEscapeReverts() {
        var state = freshState()
        state.theme.names = ["default", "light", "monochrome"]
        state.press(.function(12))
        XCTAssertEqual(state.dialog, .theme(.picker(selected: 0, original: "default")))
        state.press(.down)
        XCTAssertEqual(state.theme.name, "light", "moving previews the theme live")
        state.press(.escape)
        XCTAssertEqual(state.theme.name, "default", "Esc goes back to the original")
        state.press(.function(12), .down, .down, .enter)
        XCTAssertEqual(state.theme.name, "monochrome")
        XCTAssertEqual(state.dialog, .theme(.save("monochrome")))
        XCTAssertEqual(state.press(.character("y")), [.saveThemeToConfig("monochrome")])
        state.focusOn(.ringLogic(line: 0))
        state.press(.character("t"))
        XCTAssertEqual(state.dialog, .theme(.picker(selected: 2, original: "monochrome")), "t opens it outside text fields")
    }
}

final class ProfileDefaultsTests: XCTestCase {
    func testDefaultsFillOnlyEmptyFieldsAndSayWhat() throws {
        var form = FormState()
        form.numberCode = "71112223344"
        form.lines[0].audio.kind = .recorded
        form.lines[0].audio.mediaResourceID = "9"
        let defaults = try JSONParser.parse(#"{"number_code":74999999999,"callback_resource_id":1221,"duration":900,"line_1":{"display_number":"74990000001","audio":{"media_resource_id":685}},"line_2":{"audio":{"tts":{"text":"Добрый день","voice":15}}}}"#)
        let filled = form.applyDefaults(defaults)
        XCTAssertEqual(form.numberCode, "71112223344", "a filled field is never changed")
        XCTAssertEqual(form.callbackResourceID, "1221")
        XCTAssertEqual(form.duration, "900")
        XCTAssertEqual(form.lines[0].displayNumber, "74990000001")
        XCTAssertEqual(form.lines[0].audio.mediaResourceID, "9", "line 1 already had audio")
        XCTAssertEqual(form.lines[1].audio.kind, .tts)
        XCTAssertEqual(form.lines[1].audio.tts.voice, 15)
        XCTAssertEqual(filled.map { $0.text(.en) }, ["callback resource", "duration", "line 1 display number", "line 2 audio"])
        XCTAssertEqual(Localized.list(filled).text(.ru), "ресурс обратного звонка, длительность, плечо 1: показываемый номер, плечо 2: аудио")
        XCTAssertEqual(form.applyDefaults(defaults), [], "applying again fills nothing")
    }

    func testSwitchingProfilesShowsItAndAsksForTheClient() throws {
        var state = freshState()
        let defaults = try JSONParser.parse(#"{"number_code":74999999999}"#)
        state.profile.list = [Profile(name: "shop", baseURL: nil, apiKeyEnv: "SHOP_KEY", apiKeyFile: nil, defaults: defaults)]
        state.focusOn(.ringLogic(line: 0))
        state.press(.character("p"))
        XCTAssertEqual(state.dialog, .profiles(.picker(selected: 0)))
        let effects = state.press(.enter)
        XCTAssertEqual(state.profile.name, "shop")
        XCTAssertEqual(state.form.numberCode, "74999999999")
        XCTAssertTrue(effects.contains(.switchProfile("shop")))
        XCTAssertTrue(render(state).canvas.text.contains("profile shop"))
    }

    func testCtrlYCopiesACurlCommandWithTheKeyVariable() {
        var state = freshState(form: exampleForm())
        state.profile.keyVariable = "SHOP_KEY"
        let effects = state.press(.control("y"))
        guard case .copyToClipboard(let command)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertTrue(command.contains("$SHOP_KEY"))
        XCTAssertTrue(command.contains(state.validation.request!.canonicalJSON()))
    }
}

/// Undo is real: every change is a step back, and redo goes forward again.
final class UndoTests: XCTestCase {
    func testTypingInOneFieldIsOneStepAndEachOtherChangeIsItsOwn() {
        var state = freshState()
        state.type("abc")
        state.press(.tab)
        state.type("7499")
        state.press(.control("z"))
        XCTAssertEqual(state.form.numberCode, "")
        XCTAssertEqual(state.form.requestDescription, "abc")
        state.press(.control("z"))
        XCTAssertEqual(state.form.requestDescription, "")
        state.press(.control("r"), .control("r"))
        XCTAssertEqual(state.form.requestDescription, "abc")
        XCTAssertEqual(state.form.numberCode, "7499")
    }

    func testUndoAfterALoadBringsBackTheFormItReplacedNotAnOlderOne() {
        var state = freshState()
        state.type("first")
        state.press(.tab)
        state.type("1") // the form F3 will replace: description "first", number code "1"
        _ = update(&state, .fileLoaded(path: "x.json", result: .text(#"{"request_description":"loaded"}"#)))
        XCTAssertEqual(state.form.requestDescription, "loaded")
        state.press(.control("z"))
        XCTAssertEqual(state.form.requestDescription, "first")
        XCTAssertEqual(state.form.numberCode, "1")
        state.press(.control("r"))
        XCTAssertEqual(state.form.requestDescription, "loaded")
    }

    func testRowRemovalAndChoicesUndoStepByStep() {
        var state = freshState(form: exampleForm())
        state.focusOn(.destinationNumber(line: 0, index: 1))
        state.press(.control("d"))
        XCTAssertEqual(state.form.lines[0].destinations.count, 1)
        state.focusOn(.ringLogic(line: 1))
        state.press(.right)
        XCTAssertEqual(state.form.lines[1].ringLogic, 2)
        state.press(.control("z"))
        XCTAssertEqual(state.form.lines[1].ringLogic, 1)
        state.press(.control("z"))
        XCTAssertEqual(state.form.lines[0].destinations.map(\.number), ["78129999999", "74959999999"])
        state.press(.control("z"))
        XCTAssertTrue(state.status?.text.contains("nothing to undo") ?? false)
        state.focusOn(.requestDescription)
        state.type("x")
        state.press(.control("r"))
        XCTAssertTrue(state.status?.text.contains("nothing to redo") ?? false, "a new change clears what could be redone")
    }
}
