import CallLogModel
import CallbackCore
import ExolveModel
import Foundation
import Localization
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

    /// The trial: from shop to clinic, the form kept shop's number code, resource, display number and TTS.
    func testASwitchedProfileLeavesNoneOfTheOldProfilesValues() throws {
        let shop = try JSONParser.parse(#"{"number_code":74990000001,"callback_resource_id":11,"line_1":{"display_number":"74990000001","audio":{"tts":{"text":"Shop here","voice":2}}}}"#)
        let clinic = try JSONParser.parse(#"{"number_code":74950000002,"line_2":{"display_number":"74950000002"}}"#)
        var state = freshState()
        state.profile.list = [Profile(name: "shop", baseURL: nil, apiKeyEnv: "SHOP_KEY", apiKeyFile: nil, defaults: shop),
                              Profile(name: "clinic", baseURL: nil, apiKeyEnv: "CLINIC_KEY", apiKeyFile: nil, defaults: clinic)]
        state.press(.function(11), .enter)
        XCTAssertEqual(state.form.numberCode, "74990000001")
        XCTAssertEqual(state.form.lines[0].audio.kind, .tts)
        state.focusOn(.duration)
        state.type("600") // the operator's own value
        state.press(.function(11), .down, .enter)
        XCTAssertEqual(state.profile.name, "clinic")
        XCTAssertEqual(state.form.numberCode, "74950000002", "clinic's number code, not shop's")
        XCTAssertEqual(state.form.callbackResourceID, "", "shop's resource is gone: clinic has none, so the form says required")
        XCTAssertEqual(state.form.lines[0].displayNumber, "")
        XCTAssertEqual(state.form.lines[0].audio.kind, .none, "shop's TTS is gone")
        XCTAssertEqual(state.form.lines[1].displayNumber, "74950000002")
        XCTAssertEqual(state.form.duration, "600", "what the operator typed stays")
        let status = try XCTUnwrap(state.status?.text)
        XCTAssertTrue(status.contains("took out shop's number code, callback resource"), status)
        state.press(.control("z"))
        XCTAssertEqual(state.form.numberCode, "74990000001", "Ctrl-Z brings the mix back if it was wanted")
    }

    /// The trial: `30008 ms` for a timeout; `за последние 10m` left English in Russian.
    func testTimesReadAsAnOperatorReadsThem() {
        XCTAssertEqual(Elapsed.text(milliseconds: 412, in: .en), "412 ms")
        XCTAssertEqual(Elapsed.text(milliseconds: 30008, in: .en), "30.0 s")
        XCTAssertEqual(Elapsed.text(milliseconds: 1950, in: .ru), "2.0 с")
        XCTAssertEqual(RepeatWindow.standard.text(in: .ru), "10 мин")
        XCTAssertEqual(Elapsed.text(milliseconds: Int.max, in: .en), "9223372036854775.8 s", "a planted latency does not crash")
        XCTAssertEqual(RepeatWindow(seconds: 90).text(in: .en), "90 s")
        XCTAssertEqual(RepeatWindow(seconds: 3600).text(in: .ru), "1 ч")
        XCTAssertEqual(RepeatWindow.seconds(parsing: "2s"), 2)
        XCTAssertEqual(RepeatWindow.seconds(parsing: "2m"), 120)
        XCTAssertNil(RepeatWindow.seconds(parsing: "2 minutes"))
    }

    /// The trial: with PostgreSQL down, "Checking the call log…" went away and the dialog looked as if the client had no recent calls.
    func testAConfirmationWhoseLogCannotBeCheckedSaysSoInsteadOfAnEmptyList() {
        var state = freshState(form: exampleForm())
        state.press(.function(5))
        guard case .send(.confirm(let request, _))? = state.dialog else { return XCTFail("F5 asks") }
        _ = update(&state, .repeatCheckFailed(request, reason: .verbatim("nothing answers at db:5432")))
        let screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("The call log cannot be checked for recent calls"), screen)
        XCTAssertTrue(screen.contains("nothing answers at db:5432"), screen)
        // y sends nothing while the log cannot be checked: it asks the log again.
        let effects = state.press(.character("y"))
        XCTAssertEqual(effects, [.checkRepeat(request, window: state.sending.repeatWindow)])
        XCTAssertNil(state.sending.inFlight)
        XCTAssertFalse(render(state).canvas.text.contains("cannot be checked"), "checking again")
        _ = update(&state, .repeatCheckFailed(request, reason: .verbatim("nothing answers at db:5432")))
        state.press(.escape, .function(5))
        XCTAssertFalse(render(state).canvas.text.contains("cannot be checked"), "a new ask starts clean")
    }

    /// The trial: at 80x24 the guard's list ended "… 4 more lines", hiding "may be ringing the client right now".
    func testAt80x24TheGuardsWarningIsTheFirstThingTheConfirmationSays() {
        var state = freshState(Size(width: 80, height: 24), form: exampleForm())
        state.press(.function(5))
        guard case .send(.confirm(let request, _))? = state.dialog else { return XCTFail("F5 asks") }
        let attempts = (0..<6).map { RecentAttempt(entryID: Int64($0), createdAt: 1_790_000_000_000, outcome: .unknown, callID: nil,
                                                    number: "79599999999", interrupted: false, operatorName: "anna") }
        _ = update(&state, .repeatChecked(request, attempts))
        let screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("it may be ringing the client right"), screen)
    }

    /// The trial: at 80x24 the confirmation ended `… 4 more lines: enlarge the window`; every line of it is reachable now.
    func testAt80x24ATallConfirmationScrollsToItsLastLineAndBack() {
        var state = freshState(Size(width: 80, height: 24), form: exampleForm())
        state.press(.function(5))
        guard case .send(.confirm(let request, _))? = state.dialog else { return XCTFail("F5 asks") }
        let attempts = (0..<12).map { RecentAttempt(entryID: Int64($0), createdAt: 1_790_000_000_000, outcome: .placed, callID: "9\($0)",
                                                     number: "7959999990\($0 % 10)", interrupted: false, operatorName: "anna\($0)") }
        _ = update(&state, .repeatChecked(request, attempts))
        var screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("↑ 0 above"), screen)
        XCTAssertFalse(screen.contains("anna11"), "the last attempt is below the window at first")
        XCTAssertTrue(KeyTable.footer(for: state).contains { $0.text == .keyScroll }, "the footer says the dialog scrolls")
        state.press(.end)
        screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("anna11"), screen)
        XCTAssertTrue(screen.contains("↓ 0 below"), screen)
        let bottom = state.screen.dialogScroll
        state.press(.down)
        XCTAssertEqual(state.screen.dialogScroll, bottom, "it stops at the last line")
        state.press(.up)
        XCTAssertEqual(state.screen.dialogScroll, bottom - 1, "one up from the end is one line up, not a walk back from past it")
        state.press(.home)
        XCTAssertEqual(state.screen.dialogScroll, 0)
        XCTAssertTrue(state.dialog != nil, "scrolling does not answer the dialog")
        state.press(.escape, .function(5))
        XCTAssertEqual(state.screen.dialogScroll, 0, "the next dialog starts at its top")
    }

    /// The trial: an attempt shown "still in flight" stayed so after another operator's call was placed.
    func testTheGuardsListIsReadAgainWhenTheLogChangesWhileItIsOpen() {
        var state = freshState(form: exampleForm())
        state.press(.function(5))
        guard case .send(.confirm(let request, _))? = state.dialog else { return XCTFail("F5 asks") }
        let inFlight = RecentAttempt(entryID: 1, createdAt: 1_790_000_000_000, outcome: .sending, callID: nil,
                                     number: "79599999999", interrupted: false, operatorName: "anna")
        _ = update(&state, .repeatChecked(request, [inFlight]))
        let effects = update(&state, .logChanged)
        XCTAssertTrue(effects.contains(.checkRepeat(request, window: state.sending.repeatWindow)), "\(effects)")
        XCTAssertEqual(state.sending.recentAttempts?.count, 1, "the old list stays on screen until the new one comes")
        var placed = inFlight
        placed.outcome = .placed
        placed.callID = "4242"
        _ = update(&state, .repeatChecked(request, [placed]))
        XCTAssertFalse(render(state).canvas.text.contains("may be ringing"), render(state).canvas.text)
        state.press(.escape)
        XCTAssertFalse(update(&state, .logChanged).contains { if case .checkRepeat = $0 { return true } else { return false } },
                       "no dialog, no check")
    }

    /// The trial: the help is 160 lines with no search. `/` finds keys and actions by their words, in either language.
    func testTheHelpSearchesWithSlash() {
        var state = freshState(Size(width: 120, height: 40))
        state.press(.function(1))
        let whole = HelpContent.lines(state).count
        state.press(.character("/"))
        state.type("default")
        var screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("send the default value explicitly"), screen)
        XCTAssertFalse(screen.contains("the theme list"), "only what holds the word:\n\(screen)")
        XCTAssertLessThan(HelpContent.lines(state, matching: "default").count, whole / 4)
        state.type("q") // typed into the search, not a key that closes the help
        XCTAssertNotNil(state.dialog)
        state.press(.backspace, .enter)
        XCTAssertNotNil(state.dialog, "Enter keeps the search and reads on")
        state.press(.down)
        state.press(.escape)
        guard case .help(.overlay(_, nil, false))? = state.dialog else { return XCTFail("Esc clears the search first: \(String(describing: state.dialog))") }
        state.press(.escape)
        XCTAssertNil(state.dialog, "and then closes")
        // A dialog's name finds all its keys; Russian words find Russian text.
        state.language = .ru
        state.press(.function(1), .character("/"))
        state.type("палитра")
        screen = render(state).canvas.text
        XCTAssertTrue(screen.contains("Ctrl-P"), screen)
        state.press(.control("u"))
        state.type("zzzz")
        XCTAssertTrue(render(state).canvas.text.contains("Esc — сбросить поиск"), render(state).canvas.text)
    }

    /// The trial: F1's row for `Enter on Number code / Display number / Callback resource` squeezed its text into one word a line.
    func testEveryHelpRowKeepsARoomyTextColumn() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = freshState(size)
            state.press(.function(1))
            let lines = HelpContent.lines(state).map(\.0)
            let label = lines.firstIndex { $0.hasPrefix("Enter on Number code") }
            XCTAssertNotNil(label, "\(size)")
            let text = lines.firstIndex { $0.contains("pick from the account") }!
            let column = lines[text].distance(from: lines[text].startIndex, to: lines[text].range(of: "pick")!.lowerBound)
            XCTAssertLessThanOrEqual(column, 28, "\(size): the text keeps a wide column: \(lines[text])")
            // The whole description in a few lines, not a word a line.
            let rows = lines[text...].prefix { $0.hasPrefix(String(repeating: " ", count: column)) || $0 == lines[text] }
            XCTAssertLessThanOrEqual(rows.count, 4, "\(size): \(rows)")
        }
    }

    /// The trial: a typed number read `812) 999-99-99`, its start cut with no marker.
    func testAFieldScrolledPastItsStartSaysSo() {
        var state = freshState(Size(width: 80, height: 24))
        state.focusOn(.requestDescription)
        state.type("+7 (812) 999-99-99 and a long tail of words that goes past the field")
        let row = render(state).canvas.text.split(separator: "\n").first { $0.contains("past the field") }
        XCTAssertNotNil(row, render(state).canvas.text)
        XCTAssertTrue(row!.contains("…"), "the cut start is marked: \(row!)")
        XCTAssertEqual(FormView.visible("абвгд", from: 2), "…гд")
        XCTAssertEqual(FormView.visible("語語語", from: 2), "… 語", "a wide character's place is kept")
    }

    /// The trial: the preview at 80x24 dropped a line's trailing comma when it cut the line.
    func testACutPreviewLineKeepsItsComma() {
        var state = freshState(Size(width: 80, height: 24), form: exampleForm())
        state.pane = .preview
        let screen = render(state).canvas.text
        let row = screen.split(separator: "\n").first { $0.contains("\"text\":") }
        XCTAssertNotNil(row, screen)
        XCTAssertTrue(row!.contains("…,") || row!.contains("\","), "the comma stays: \(row!)")
    }

    /// The trial: F2/F3 took a typed path with no completion. Tab completes from the folder's names.
    func testTabCompletesAPathInTheFilePrompt() {
        var state = freshState()
        state.press(.function(3))
        state.press(.control("u"))
        state.type("/tmp/exo-req")
        var effects = state.press(.tab)
        XCTAssertEqual(effects, [.completePath("/tmp/exo-req")])
        // Several names: the prompt goes as far as they agree and lists them.
        effects = update(&state, .pathCompletions(typed: "/tmp/exo-req", candidates: ["exo-requests/", "exo-request-b.json"]))
        guard case .files(.prompt(_, let editor))? = state.dialog else { return XCTFail("the prompt stays") }
        XCTAssertEqual(editor.text, "/tmp/exo-request")
        XCTAssertTrue(render(state).canvas.text.contains("exo-requests/  exo-request-b.json"), render(state).canvas.text)
        // A stale answer (the operator typed on) changes nothing.
        _ = update(&state, .pathCompletions(typed: "/tmp/exo-req", candidates: ["exo-requests/"]))
        guard case .files(.prompt(_, let same))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(same.text, "/tmp/exo-request")
        // One name completes it; a planted name is shown escaped.
        _ = update(&state, .pathCompletions(typed: "/tmp/exo-request", candidates: ["exo-request-b.json"]))
        guard case .files(.prompt(_, let one))? = state.dialog else { return XCTFail() }
        XCTAssertEqual(one.text, "/tmp/exo-request-b.json")
        XCTAssertEqual(state.files.completions, [])
        _ = update(&state, .pathCompletions(typed: "/tmp/exo-request-b.json", candidates: []))
        XCTAssertTrue(state.status?.text.contains("no file or folder starts with") ?? false)
        XCTAssertEqual(PathCompletion.split("~/calls/re").folder, "~/calls/")
        XCTAssertEqual(PathCompletion.split("~/calls/re").name, "re")
        XCTAssertEqual(PathCompletion.candidates([".hidden", "req.json", "other"], name: ""), ["other", "req.json"])
        XCTAssertEqual(PathCompletion.candidates([".hidden", "req.json"], name: "."), [".hidden"])
    }

    /// The trial: F4 cut `…does not support emotion 1 (neutral); it…` even at 120 columns, losing the fix.
    func testTheProblemsListShowsEveryMessageWhole() {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            var state = freshState(size)
            _ = update(&state, .fileLoaded(path: "x.json", result: .text(#"{"line_1":{"destinations":[{"number":"79990000000"}],"audio":{"tts":{"text":"hi","voice":15,"emotion":1}}}}"#)))
            let index = state.validation.errorsFirst.firstIndex { $0.path.hasSuffix("emotion") }!
            let message = state.validation.errorsFirst[index].message(in: .en)
            state.press(.function(4))
            for _ in 0..<index { state.press(.down) }
            let screen = render(state).canvas.text
            // Every word of the message is on screen in order, none cut with an ellipsis.
            var rest = Substring(screen)
            for word in message.split(separator: " ") {
                guard let found = rest.range(of: word) else { return XCTFail("\(size): \(word) of \(message) is not shown:\n\(screen)") }
                rest = rest[found.upperBound...]
            }
            XCTAssertFalse(screen.contains("it…"), "\(size)")
        }
    }

    /// The trial: the status line cut the same message (`…; it…`) at 120 columns; it wraps onto the rows above now.
    func testTheStatusLineShowsTheFocusedFieldsProblemWhole() {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            var state = freshState(size)
            _ = update(&state, .fileLoaded(path: "x.json", result: .text(#"{"line_1":{"destinations":[{"number":"79990000000"}],"audio":{"tts":{"text":"hi","voice":15,"emotion":1}}}}"#)))
            let problem = state.validation.errorsFirst.first { $0.path.hasSuffix("emotion") }!
            state.status = nil
            state.focusOn(state.field(forProblemAt: problem.path))
            let layout = state.layout
            XCTAssertGreaterThan(layout.status.height, 1, "\(size): a long message takes more than one row")
            let canvas = render(state).canvas
            let rows = (layout.status.y..<layout.status.y + layout.status.height).map { y in
                (0..<size.width).compactMap { canvas.cell(x: $0, y: y).character }.map(String.init).joined() }
            let shown = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
            let message = ProblemPath.line(problem, in: .en)
            XCTAssertTrue(shown.contains(message.split(separator: " ").suffix(4).joined(separator: " ")), "\(size): \(shown)")
            XCTAssertFalse(shown.contains("…"), "\(size): \(shown)")
            XCTAssertTrue(canvas.text.contains("F10"), "the footer is still there")
        }
    }

    /// The status line says what the pane with the keyboard is for, not the form field's hint.
    func testThePreviewAndTheLogHaveTheirOwnStatusHint() {
        var state = freshState(form: exampleForm())
        state.status = nil
        let fieldHint = StatusView.line(for: state).0
        state.pane = .log
        XCTAssertNotEqual(StatusView.line(for: state).0, fieldHint)
        XCTAssertTrue(StatusView.line(for: state).0.contains("call log"))
        state.pane = .preview
        XCTAssertTrue(StatusView.line(for: state).0.contains("JSON"))
    }

    /// The trial: the spinner said `sending to DEMO 127.0.0.1 … 2.6 s` while it waited for the database.
    func testTheSpinnerSaysWhatTheSendWaitsFor() {
        var state = freshState(form: exampleForm())
        state.log.place = .team(host: "db.example")
        state.press(.function(5))
        _ = update(&state, .repeatChecked(state.validation.request!, []))
        state.press(.enter)
        XCTAssertNotNil(state.sending.inFlight)
        XCTAssertTrue(StatusView.line(for: state).0.contains("recording the call in the team log db.example"), StatusView.line(for: state).0)
        _ = update(&state, .sendStage(.requesting))
        XCTAssertTrue(StatusView.line(for: state).0.contains("sending to"), StatusView.line(for: state).0)
        _ = update(&state, .sendStage(.recordingOutcome))
        XCTAssertTrue(StatusView.line(for: state).0.contains("recording the outcome"), StatusView.line(for: state).0)
    }

    /// The trial: `07:32:56  PLACED    79599999999 +1 internal_id_1…`: no date for older days, a description cut at 11,
    /// no operator on a team log, no call_id at 200x60, an operator column that came and went.
    func testLogRowsReadAtEverySize() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        func entry(_ id: Int64, _ at: Date, operatorName: String?) -> CallLogEntry {
            let request = MakeCallbackRequest(requestDescription: "internal_id_148 follow-up", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                              line1: Line(destinations: [Destination(number: "79990000001")]),
                                              line2: Line(destinations: [Destination(number: "79599999999"), Destination(number: "79999999999")]))
            var entry = CallLogEntry(request: request, mode: .live, endpointHost: "h", operatorName: operatorName, now: at)
            entry.id = id
            entry.outcome = .placed
            entry.callID = "1890000000000000\(id)"
            return entry
        }
        let yesterday = now.addingTimeInterval(-86_400)
        let stamp = Timestamp.local(Int64(yesterday.timeIntervalSince1970 * 1000))
        func screen(_ size: Size, team: Bool, operators: [String?] = [nil, nil], language: UILanguage = .en) -> String {
            var state = freshState(size)
            state.language = language
            state.screen.wallClockAtStart = Int64(now.timeIntervalSince1970 * 1000)
            state.log.place = team ? .team(host: "db") : .file
            state.log.entries = [entry(2, yesterday, operatorName: operators[0]), entry(1, yesterday.addingTimeInterval(-60), operatorName: operators[1])]
            state.log.total = MatchCount(value: 2, isAtLeast: false)
            return render(state).canvas.text
        }
        let at120 = screen(Size(width: 120, height: 40), team: false)
        XCTAssertTrue(at120.contains(String(stamp.dropFirst(5).prefix(5)) + " "), "yesterday's rows carry their date:\n\(at120)")
        XCTAssertTrue(at120.contains("internal_id_148 f"), "16 characters of the description at 120x40:\n\(at120)")
        let at160 = screen(Size(width: 160, height: 50), team: true, operators: ["anna", nil])
        XCTAssertTrue(at160.contains(String(stamp.dropFirst(5).prefix(11))), "a date and a time from 160 columns:\n\(at160)")
        XCTAssertTrue(at160.contains("18900000000000002"), "the call_id from 160 columns:\n\(at160)")
        XCTAssertTrue(at160.contains(" anna "), at160)
        let at200 = screen(Size(width: 200, height: 60), team: true, operators: ["anna", nil])
        XCTAssertTrue(at200.contains("18900000000000002"), "the call_id at 200x60:\n\(at200)")
        XCTAssertTrue(at200.contains("internal_id_148 follow-up"), "the whole description at 200x60:\n\(at200)")
        // The operator column stays where it is whoever the visible entries were sent by.
        func column(_ screen: String) -> Int? {
            screen.split(separator: "\n").first { $0.contains("18900000000000002") }.flatMap { line in
                line.range(of: "79599999999").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
            }
        }
        let withOperator = column(screen(Size(width: 160, height: 50), team: true, operators: ["anna", "bo"]))
        XCTAssertNotNil(withOperator)
        XCTAssertEqual(column(screen(Size(width: 160, height: 50), team: true, operators: [nil, nil])), withOperator)
        XCTAssertEqual(column(screen(Size(width: 160, height: 50), team: true, operators: [nil, nil], language: .ru)), withOperator)
    }

    /// With the log's keyboard the status line says the selected entry whole: what its row had no room for.
    func testTheStatusLineSaysTheSelectedEntryWhole() {
        var state = freshState()
        let request = MakeCallbackRequest(requestDescription: "a long description the row cuts", numberCode: 74_999_999_999, callbackResourceID: 1221,
                                          line1: Line(destinations: [Destination(number: "79990000001")]),
                                          line2: Line(destinations: [Destination(number: "79599999999"), Destination(number: "79999999999")]))
        var entry = CallLogEntry(request: request, mode: .live, endpointHost: "h", operatorName: "anna\u{1b}[2J", now: Date(timeIntervalSince1970: 1_790_000_000))
        entry.id = 1
        entry.outcome = .placed
        entry.callID = "4242"
        state.log.entries = [entry]
        state.pane = .log
        let line = StatusView.line(for: state).0
        for part in ["anna", "79990000001 → 79599999999 79999999999", "“a long description the row cuts”", "call_id 4242", "placed"] {
            XCTAssertTrue(line.contains(part), "\(part) in \(line)")
        }
        XCTAssertFalse(line.contains("\u{1b}"), "the operator's name is escaped")
    }

    /// "Next client": after a placed call, `n` keeps the operator's leg and the audio, clears the client.
    func testNextClientClearsLegTwoAndTheDescriptionAndCtrlZBringsThemBack() {
        var state = freshState(form: exampleForm())
        let before = state.form
        state.press(.function(5))
        guard case .send(.confirm(let request, _))? = state.dialog else { return XCTFail("F5 asks") }
        _ = update(&state, .repeatChecked(request, []))
        state.press(.enter)
        let placed = SentCall(result: SendResult(outcome: .placed(callID: "1890033117915127808", requestID: "internal_id_148"), httpStatus: 200,
                                                 rawBody: "{}", latencyMs: 7), entryID: 1, logWarning: nil)
        _ = update(&state, .sendFinished(placed))
        XCTAssertTrue(render(state).canvas.text.contains("n next client"), "the outcome's footer offers it")
        state.press(.character("n"))
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.form.lines[1].destinations, [DestinationForm()])
        XCTAssertEqual(state.form.requestDescription, "")
        XCTAssertEqual(state.form.lines[0], before.lines[0], "the operator's leg stays")
        XCTAssertEqual(state.form.numberCode, before.numberCode)
        XCTAssertEqual(state.fields.focus, .destinationNumber(line: 1, index: 0))
        state.type("79990000009")
        XCTAssertEqual(state.form.lines[1].destinations[0].number, "79990000009")
        state.press(.control("z"), .control("z"))
        XCTAssertEqual(state.form, before, "Ctrl-Z brings the last client back")
    }

    /// The trial: the header did not say which log is in use, whether it is reachable, or who the operator is.
    func testTheHeaderSaysWhoAndWhereAndMarksAnUnreachableLog() {
        for (size, language) in [(Size(width: 120, height: 40), UILanguage.en), (Size(width: 80, height: 24), .ru)] {
            var state = freshState(size)
            state.language = language
            state.log.place = .team(host: "db.example")
            state.log.operatorName = "anna"
            var header = render(state).canvas.text.components(separatedBy: "\n")[0]
            if size.width >= 120 { XCTAssertTrue(header.contains("anna · team log db.example"), header) }
            XCTAssertFalse(header.contains("✗ call log") || header.contains("✗ журнал"))
            _ = update(&state, .logUnavailable(.verbatim("nothing answers at db.example:5432")))
            header = render(state).canvas.text.components(separatedBy: "\n")[0]
            XCTAssertTrue(header.contains(language == .en ? "✗ call log unreachable" : "✗ журнал недоступен"), "\(size): \(header)")
        }
    }
}
