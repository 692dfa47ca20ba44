import CallbackCore
import CallLog
import ExolveClient
import Foundation
@testable import TUI
import Localization
import XCTest

/// The key table is the only way a key does anything: every binding it (and so
/// the help) lists does something somewhere, and every key that does something
/// was found in it.
final class KeyTableTests: XCTestCase {
    /// Every key worth trying: function keys, navigation, Ctrl and Alt letters, characters, a paste.
    let universe: [Key] = {
        var keys: [Key] = (1...12).map(Key.function)
        keys += [.enter, .tab, .backTab, .escape, .backspace, .delete, .insert, .up, .down, .left, .right, .home, .end,
                 .pageUp, .pageDown, .controlLeft, .controlRight, .controlUp, .controlDown, .altUp, .altDown, .paste("79")]
        keys += "abcdefghijklmnopqrstuvwxyz".map(Key.control)
        keys += "abcdefghijklmnopqrstuvwxyz0123456789".map(Key.alt)
        keys += "abcdefghijklmnopqrstuvwxyzACNQY0123456789 ?/.-+=".map(Key.character)
        keys += [.mouse(MouseEvent(kind: .press, x: 3, y: 4)), .mouse(MouseEvent(kind: .wheelDown, x: 100, y: 10))]
        return keys
    }()

    func entry(_ id: Int64) -> CallLogEntry {
        let request = MakeCallbackRequest(requestDescription: "entry \(id)", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79990000002")]))
        var entry = CallLogEntry(request: request, mode: .demo, endpointHost: "h", now: Date(timeIntervalSince1970: 1_000_000 + Double(id)))
        entry.id = id
        entry.outcome = .placed
        entry.callID = "18900\(id)"
        return entry
    }

    /// The lookup reads an index of the table; it finds what reading the whole table in
    /// order finds (the first binding in force that takes the key), for every key and place,
    /// and for keys no binding names (a Cyrillic letter, an emoji, a long paste, a large one).
    func testTheIndexedLookupFindsWhatTheTableInOrderFinds() {
        let more: [Key] = [.character("ж"), .character("👍🏽"), .character("é"), .paste(String(repeating: "x", count: 300)),
                           .pasteTooLarge(characters: 2_000_000), .mouse(MouseEvent(kind: .release, button: 2, x: 0, y: 0)), .function(13)]
        var checked = 0
        for (name, state) in places() {
            let active = KeyTable.activeScopes(state)
            for key in universe + more {
                let inOrder = KeyTable.bindings.indices.first {
                    KeyTable.bindings[$0].command(for: key) != nil && KeyTable.bindings[$0].applies(in: state, scopes: active)
                }
                XCTAssertEqual(KeyTable.position(for: key, in: state), inOrder, "\(key) in \(name)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 2_000)
    }

    /// States covering every scope and condition of the table.
    func places() -> [(String, AppState)] {
        var places: [(String, AppState)] = []
        var form = freshState(form: exampleForm())
        form.fields.history.record(FormState(), typing: nil)
        for field in form.form.focusOrder {
            var state = form
            state.setFocus(field)
            places.append(("form \(field.path)", state))
        }
        var preview = freshState(Size(width: 80, height: 24), form: exampleForm())
        preview.pane = .preview
        places.append(("preview", preview))
        var log = freshState(form: exampleForm())
        _ = update(&log, .logPageLoaded(entries: (1...30).map(entry), total: MatchCount(value: 30, isAtLeast: false), append: false))
        log.pane = .log
        log.log.selected = 3
        log.log.filter.search = "entry"
        places.append(("log", log))
        var emptyLog = freshState()
        emptyLog.pane = .log
        places.append(("empty log", emptyLog))

        var base = freshState(Size(width: 120, height: 30), form: exampleForm())
        base.theme.names = ["default", "light", "monochrome"]
        base.profile.list = [Profile(name: "a", baseURL: nil, apiKeyEnv: "A", apiKeyFile: nil, defaults: .object([])), Profile(name: "b", baseURL: nil, apiKeyEnv: "B", apiKeyFile: nil, defaults: .object([]))]
        base.templates = [TemplateItem(name: "t1", json: .object([]), problem: nil), TemplateItem(name: "t2", json: .object([]), problem: nil)]
        let request = base.validation.request!
        let placed = SentCall(result: SendResult(outcome: .placed(callID: "1", requestID: nil), httpStatus: 200, rawBody: "", latencyMs: 1),
                              entryID: 1, logWarning: nil)
        let dialogs: [Dialog] = [
            .help(.overlay(scroll: 1)), .help(.overlay(scroll: 0, search: LineEditor("sen"), typing: true)),
            .help(.overlay(scroll: 0, search: LineEditor("send"), typing: false)), .problems(.list(selected: 0)), .files(.prompt(.save, LineEditor("a.json"))), .files(.confirmOverwrite(path: "a.json")),
            .audio(.voicePicker(line: 0, filter: "", gender: nil, selected: 1)), .audio(.emotionPicker(line: 0, selected: 0)),
            .audio(.explorer(line: 0, row: 1, column: 1)), .send(.confirm(request, secondAsk: false)), .send(.confirm(request, secondAsk: true)),
            .send(.outcome(placed)), .message(title: "t", text: "x"), .log(.search(LineEditor("abc"))), .log(.entry(entry(1), scroll: 1)),
            .log(.note(entry(1), LineEditor("a note\non two lines"), saving: false)), .log(.disposition(disposed(entry(1)), selected: 1, fromEntry: true)),
            .log(.client(number: "79991112233", history: ClientHistory(number: "79991112233", entries: [entry(1), entry(2)], results: [:], complete: true),
                         selected: 0, failure: nil)),
            .profiles(.picker(selected: 0)), .templates(.name(LineEditor("name"))), .templates(.exists("t1")), .templates(.picker(selected: 0)),
            .theme(.picker(selected: 1, original: "default")), .theme(.save("light")), .quit(.whileSending), .palette(.list(filter: "se", selected: 0)), .account(.picker(.numberCode, filter: "7", selected: 0)),
        ]
        func disposed(_ entry: CallLogEntry) -> CallLogEntry {
            var marked = entry
            marked.disposition = "reached"
            return marked
        }
        base.log.dispositions = ["reached", "call back later"]
        for dialog in dialogs {
            var state = base
            if case .problems = dialog { state = freshState() }
            if dialog == .quit(.whileSending) { state.sending.inFlight = InFlight(startedAt: 0, request: request) }
            if case .account = dialog {
                state.account.numbers = .loaded([AccountNumber(number: "74990000001", outgoingCalls: true),
                                                AccountNumber(number: "74990000002", outgoingCalls: true)])
            }
            state.dialog = dialog
            places.append(("dialog \(dialog.kind)", state))
        }
        var unchecked = base
        unchecked.dialog = .send(.confirm(request, secondAsk: false))
        unchecked.sending.repeatCheckFailure = .verbatim("db down")
        places.append(("a confirmation whose log cannot be checked", unchecked))
        var tall = freshState(Size(width: 80, height: 24), form: exampleForm())
        tall.dialog = .message(title: "t", text: (1...40).map { "line \($0)" }.joined(separator: "\n"))
        places.append(("a message taller than the window", tall))
        // Settle each (the reducer keeps focus and selection in view after every action).
        return places.map { place, state in
            var settled = state
            _ = update(&settled, .resize(state.size))
            return (place, settled)
        }
    }

    func testEveryKeyThatDoesSomethingIsInTheTable() {
        for (place, state) in places() {
            for key in universe where KeyTable.binding(for: key, in: state) == nil {
                var after = state
                let effects = update(&after, .key(key))
                after.status = state.status // the status line clears on any key of the main screen
                XCTAssertTrue(after == state, "\(key) in \(place) changed the state but no binding takes it")
                XCTAssertTrue(effects.isEmpty, "\(key) in \(place) asked for effects but no binding takes it")
            }
        }
    }

    func testEveryBindingDoesSomethingSomewhere() {
        let places = places()
        for binding in KeyTable.bindings {
            var worked = false
            var tried = 0
            search: for (_, state) in places where binding.applies(in: state) {
                for key in universe where binding.keys.contains(where: { $0.matches(key) }) && KeyTable.binding(for: key, in: state)?.label == binding.label {
                    tried += 1
                    var after = state
                    let effects = update(&after, .key(key))
                    if after != state || !effects.isEmpty { worked = true; break search }
                }
            }
            XCTAssertGreaterThan(tried, 0, "\(binding.label) (\(binding.help)) is never in force in any tested place")
            XCTAssertTrue(worked, "\(binding.label) (\(binding.help)) did nothing in any place it applies")
        }
    }

    func testTheHelpListsEveryBinding() {
        var state = freshState(Size(width: 200, height: 60))
        state.demoScenarios = [DemoScenario(tag: "stub:504", effect: "answers 504")]
        for language in UILanguage.allCases {
            state.language = language
            let help = HelpContent.lines(state).map(\.0).joined(separator: "\n")
            for binding in KeyTable.bindings {
                XCTAssertTrue(help.contains(binding.label(in: language)), "the \(language) help lacks \(binding.label(in: language))")
                XCTAssertTrue(help.contains(String(binding.help.text(language).prefix(12))), "the \(language) help lacks \(binding.help.text(language))")
            }
        }
        XCTAssertTrue(HelpContent.lines(state).map(\.0).joined().contains("stub:504"), "demo scenarios come from the state, not the stand-in module")
    }

    func testTheFooterNamesEachKeyOnceAndOnlyKeysInForce() {
        for (place, state) in places() {
            let hints = KeyTable.footer(for: state)
            let pairs = hints.map { $0.keys.text(.en) + " " + $0.text.rawValue }
            XCTAssertEqual(pairs.count, Set(pairs).count, "a duplicate hint in \(place): \(pairs)")
        }
        var log = freshState()
        log.pane = .log
        XCTAssertEqual(KeyTable.footer(for: log).filter { $0.keys == "F5" }.count, 1)
        XCTAssertFalse(KeyTable.footer(for: log).contains { $0.keys == "r" }, "no reuse hint without entries")
    }

    func testTabLabelsWorkAsKeysOutsideTextFieldsOnly() {
        var state = freshState(Size(width: 80, height: 24))
        state.pane = .preview
        state.press(.character("3"))
        XCTAssertEqual(state.pane, .log)
        state.press(.character("1"))
        XCTAssertEqual(state.pane, .form)
        XCTAssertEqual(state.fields.focus, .requestDescription)
        state.press(.character("2"))
        XCTAssertEqual(state.pane, .form, "in a text field 2 is text")
        XCTAssertEqual(state.form.requestDescription, "2")
        state.press(.alt("2"))
        XCTAssertEqual(state.pane, .preview, "Alt-2 works everywhere")
    }

    /// Labels are made from the keys: a binding can no longer be labelled with one of its five keys.
    func testEveryLabelNamesEveryKeyOfItsBinding() {
        for binding in KeyTable.bindings {
            let label = binding.label(in: .en).lowercased()
            for case .key(let key) in binding.keys {
                XCTAssertTrue(label.contains(key.name().lowercased()), "\(binding.label) does not name \(key.name())")
            }
        }
        let helpClose = KeyTable.bindings.first { $0.scopes == [.dialog(.help)] && $0.command == .close }!
        XCTAssertEqual(helpClose.label, "Esc / Enter / F1 / q / ?")
        let ruLabels = KeyTable.bindings.map { $0.label(in: .ru) }
        XCTAssertTrue(ruLabels.contains("Enter на поле выбора"), "places are in the operator's language")
    }

    /// The table says what a key means; the handler never looks at the key.
    func testKeysCarryTheirMeaning() {
        var state = freshState()
        state.setFocus(.ttsVolume(line: 0))
        func meaning(_ key: Key) -> Command? { KeyTable.binding(for: key, in: state)?.command(for: key) }
        state.form.lines[0].audio.kind = .tts
        state.setFocus(.ttsVolume(line: 0))
        XCTAssertEqual(meaning(.right), .form(.step(1)))
        XCTAssertEqual(meaning(.controlLeft), .form(.step(-10)))
        XCTAssertEqual(meaning(.pageDown), .form(.nextSection), "PgDn is the next section on a stepper too")
        state.setFocus(.ringLogic(line: 0))
        XCTAssertEqual(meaning(.left), .form(.cycleChoice(by: -1)))
        state.setFocus(.requestDescription)
        XCTAssertEqual(meaning(.control("w")), .form(.edit(.deleteWordBackward)))
        XCTAssertEqual(meaning(.home), .form(.edit(.home)))
        state.dialog = .problems(.list(selected: 0))
        XCTAssertEqual(meaning(.pageDown), nil, "the problems list takes ↑↓ only")
        XCTAssertEqual(meaning(.down), .move(.down))
        state.dialog = .palette(.list(filter: "", selected: 0))
        XCTAssertEqual(meaning(.character("x")), .filterType("x"))
    }

    /// The palette lists each action once, under its own keys.
    func testThePaletteListsEachLabelOnce() {
        let labels = PaletteCommands.actions.map { $0.label(.en) }
        XCTAssertEqual(labels.count, Set(labels).count, "\(labels)")
        let names = PaletteCommands.actions.map { $0.name(.en) }
        XCTAssertEqual(names.count, Set(names).count, "\(names)")
    }

    /// The trial: `descr` found nothing. Every field is reached by its label, in either language.
    func testThePaletteJumpsToAFieldByItsLabel() {
        var state = freshState(form: exampleForm())
        state.pane = .log
        state.press(.control("p"))
        state.type("descr")
        state.press(.enter)
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.pane, .form)
        XCTAssertEqual(state.fields.focus, .requestDescription)
        state.press(.control("p"))
        state.type("line 2 number 2")
        state.press(.enter)
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 1, index: 1))
        state.language = .ru
        state.press(.control("p"))
        state.type("громкость")
        state.press(.enter)
        XCTAssertEqual(state.fields.focus, .ttsVolume(line: 0))
        state.press(.control("p"))
        XCTAssertFalse(render(state).canvas.text.contains("перейти к полю"), "an empty filter lists the actions, not 30 fields")
    }
}
