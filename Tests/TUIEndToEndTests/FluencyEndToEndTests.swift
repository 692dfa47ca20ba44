import Foundation
import TmuxKit
import XCTest

/// Using the room, moving fast, the palette and the mouse, on the real binary.
final class FluencyEndToEndTests: XCTestCase {
    let example = """
    {"request_description":"reminder-call-042","number_code":74999999999,"callback_resource_id":1221,
     "line_1":{"destinations":[{"number":"78129999999"},{"number":"74959999999"}],"ring_logic":1,
      "audio":{"tts":{"text":"МТС Exolve — конструктор омниканальных диалогов для бизнеса","voice":1,"lang":1,"volume":-19,"speed":1.1,"emotion":2}}},
     "line_2":{"destinations":[{"number":"79599999999"},{"number":"79999999999"}],"ring_logic":1,"audio":{"media_resource_id":685}}}
    """

    func start(width: Int = 120, height: Int = 40, _ arguments: String = "--demo") throws -> Tmux {
        let home = scratchHome(self)
        let file = home + "/example.json"
        try example.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: width, height: height, home: home, command: Tmux.reporting("\(arguments) --load \(file)"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "✓ valid request")
        return tmux
    }

    func testTheLogPanelShowsADescriptionOfAtLeast12CharactersAt120x40() throws {
        let tmux = try start()
        tmux.keys("F5")
        tmux.waitFor(text: "Place this callback?")
        tmux.keys("Enter")
        tmux.waitFor(text: "┌─ PLACED")
        tmux.keys("Escape")
        // The panel's row: the dialog closed, the page loaded (the form also shows the description).
        tmux.waitFor("the entry with its description") { screen in
            !screen.contains("┌─ PLACED") && screen.contains("PLACED") && screen.contains("reminder-cal")
                && (screen.contains("78129999999 +1 →") || screen.contains("79599999999 +1"))
        }
    }

    func testAt200x60TheExamplesPreviewNeedsNoScrolling() throws {
        let tmux = try start(width: 200, height: 60)
        tmux.waitFor(text: #""media_resource_id": 685"#)
        let marker = try NSRegularExpression(pattern: #"\d+–\d+/\d+"#)
        let screen = tmux.lastScreen
        XCTAssertNil(marker.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)), "a scroll marker: \(screen)")
    }

    func testAlt2SwitchesToThePreviewTabAt80x24() throws {
        let tmux = try start(width: 80, height: 24)
        tmux.keys("M-2")
        tmux.waitFor(text: #""number_code": 74999999999"#)
        tmux.keys("M-1")
        tmux.waitFor(text: "▸Description")
    }

    func testThePaletteFindsSendAndRunsIt() throws {
        let tmux = try start()
        tmux.keys("C-p")
        tmux.waitFor(text: "Commands (Ctrl-P)")
        tmux.type("send")
        tmux.waitFor(text: "send: check, confirm")
        tmux.keys("Enter")
        tmux.waitFor(text: "Place this callback?")
    }

    func testAClickFocusesAFieldAndTheWheelScrollsTheLog() throws {
        let tmux = try start()
        // An SGR mouse report, as a terminal sends it: left button at column 10, row 4 (0-based), Number code's row.
        tmux.type("\u{1B}[<0;11;5M\u{1B}[<0;11;5m")
        tmux.waitFor(text: "▸Number code")
        tmux.type("\u{1B}[<0;11;11M") // Line 1's second number, row 10
        tmux.waitFor(text: "▸2. Number")
    }
}

/// The account's numbers in the demo: Enter on Number code lists them.
final class AccountPickerEndToEndTests: XCTestCase {
    func testEnterOnNumberCodeListsTypingFiltersEnterFills() throws {
        let home = scratchHome(self)
        let tmux = try Tmux(home: home, command: Tmux.reporting("--demo"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "┌─ Request")
        tmux.keys("Tab", "Enter")
        tmux.waitFor(text: "Numbers that can place calls")
        tmux.waitFor(text: "отдел продаж")
        tmux.type("курьеры 26")
        tmux.waitFor(text: "79991200026")
        tmux.keys("Enter")
        tmux.waitFor(text: #""number_code": 79991200026"#)
        XCTAssertTrue(tmux.lastScreen.contains("Number code       79991200026"), tmux.lastScreen)
    }
}
