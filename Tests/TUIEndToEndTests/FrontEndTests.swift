import Foundation
import TmuxKit
import XCTest

/// The real binary, driven in tmux as an operator would.
final class FrontEndTests: XCTestCase {
    func start(_ arguments: String = "--demo", width: Int = 120, height: Int = 40, home: String? = nil) throws -> Tmux {
        let tmux = try Tmux(width: width, height: height, home: home ?? scratchHome(self), command: Tmux.reporting(arguments))
        addTeardownBlock { tmux.close() }
        return tmux
    }

    func testStartupShowsFormPreviewLogHeaderAndFooter() throws {
        let tmux = try start()
        tmux.waitFor("the split layout") { screen in
            screen.contains("┌─ Request") && screen.contains("Preview · not sendable yet") && screen.contains("Call log")
                && screen.contains("DEMO") && screen.contains("F10 quit")
        }
        let first = tmux.lastScreen.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.contains("problems (F4)"), first)
    }

    func testTypingCyrillicAppearsInThePreview() throws {
        let tmux = try start()
        tmux.waitFor(text: "┌─ Request")
        tmux.type("Привет, мир №1")
        tmux.waitFor(text: #""request_description": "Привет, мир №1""#)
        XCTAssertTrue(tmux.lastScreen.contains("Description       Привет, мир №1"), tmux.lastScreen)
    }

    func testTenDestinationsThenTheEleventhIsRefused() throws {
        let tmux = try start()
        tmux.waitFor(text: "┌─ Request")
        tmux.keys("Tab", "Tab", "Tab", "Tab")
        tmux.type("79990000000")
        for index in 1...9 {
            tmux.keys("C-n")
            tmux.type("7999000000\(index)")
        }
        tmux.waitFor(text: "10 of 10 destinations: full")
        tmux.keys("C-n")
        tmux.waitFor(text: "line 1 already has 10 destinations")
        XCTAssertFalse(tmux.lastScreen.contains("11. Number"))
    }

    func testBracketedPasteArrivesAsOnePieceAndNumericFieldsRefuseLetters() throws {
        let tmux = try start()
        tmux.waitFor(text: "┌─ Request")
        tmux.command("set-buffer", "--", "вставка\nдва")
        tmux.command("paste-buffer", "-p")
        tmux.waitFor(text: #""request_description": "вставка два""#)
        tmux.keys("Tab")
        tmux.type("12ab")
        tmux.waitFor(text: "this field takes digits only")
        tmux.waitFor(text: #""number_code": 12,"#)
    }

    /// exocall started with "kept across resizes" typed into the description.
    func startTyped() throws -> Tmux {
        let tmux = try start()
        tmux.waitFor(text: "┌─ Request")
        tmux.type("kept across resizes")
        tmux.waitFor(text: "kept across resizes")
        return tmux
    }

    func testResizeToNarrowAndBackLosesNothing() throws {
        let tmux = try startTyped()
        tmux.resize(width: 70, height: 22)
        tmux.waitFor("the tab layout") { $0.contains("1 Form") && $0.contains("2 Preview") && $0.contains("kept across resizes") }
        tmux.keys("F8")
        tmux.waitFor(text: #""request_description": "kept across resizes""#)
        tmux.keys("F8", "F8")
        tmux.resize(width: 120, height: 40)
        tmux.waitFor("the split layout again") { $0.contains("┌─ Request") && $0.contains("Preview · not sendable yet") && !$0.contains("1 Form") }
    }

    /// A terminal keeps what it showed beyond a smaller size, and tmux shows it again when
    /// the window grows back: the frame after a resize clears it (a border of the narrow
    /// frame stayed inside the wide one's preview, with a stray corner).
    func testGrowingBackLeavesNothingOfTheOldFrames() throws {
        let tmux = try startTyped()
        tmux.resize(width: 80, height: 24)
        tmux.waitFor("the tab layout") { $0.contains("1 Form") && $0.contains("kept across resizes") }
        tmux.resize(width: 150, height: 45)
        tmux.waitFor("the split layout with the log panel") { $0.contains("Preview · not sendable yet") && $0.contains("┌─ Call log") }
        // Each row between the header and the status line crosses four pane borders at most:
        // the form's two and the preview's or the log panel's two.
        let rows = tmux.lastScreen.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, row) in rows.enumerated().dropFirst() {
            let borders = row.filter { "│┌┐└┘".contains($0) }.count
            XCTAssertLessThanOrEqual(borders, 4, "row \(number): \(row)")
        }
    }

    /// No locale at all (LANG unset, as over many SSH sessions, or LANG=C): the terminal is
    /// taken for UTF-8 all the same. curses in ASCII drew every box line, arrow and Cyrillic
    /// letter blank, typed text included.
    func testWithoutALocaleTheScreenIsStillDrawnInUTF8() throws {
        for lang in ["", "C", "POSIX"] {
            let tmux = try Tmux(home: scratchHome(self), environment: ["LANG": lang, "LC_ALL": "", "LC_CTYPE": ""],
                                command: Tmux.reporting("--demo"))
            addTeardownBlock { tmux.close() }
            tmux.waitFor("the frame's lines, LANG=\(lang)") { $0.contains("┌─ Request") && $0.contains("Preview · not sendable yet") }
            tmux.type("Привет")
            tmux.waitFor(text: "▸Description       Привет")
            tmux.waitFor(text: #""request_description": "Привет""#)
        }
    }

    /// A terminal that cannot move the cursor (TERM=dumb) is refused with what to do:
    /// curses drew the header there and nothing more.
    func testADumbTerminalIsRefusedWithWhatToDo() throws {
        let tmux = try Tmux(home: scratchHome(self), command: Tmux.reporting("--demo", term: "dumb"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "[exit:1]")
        XCTAssertTrue(tmux.lastScreen.contains("exocall: the terminal \"dumb\" cannot move the cursor"), tmux.lastScreen)
        XCTAssertTrue(tmux.lastScreen.contains("such as xterm-256color"), tmux.lastScreen)
        XCTAssertFalse(tmux.lastScreen.contains("DEMO"), "nothing of the screen was drawn")
        tmux.waitFor(text: "[tty:icanon]")
    }

    /// Standard output sent to a file (or a pipe) is refused: the screen was drawn into the
    /// file, and the terminal stayed blank while exocall ran.
    func testOutputToAFileIsRefusedWithWhatToDo() throws {
        let home = scratchHome(self)
        let tmux = try Tmux(home: home, command: Tmux.reporting("--demo > \(home)/out.txt"))
        addTeardownBlock { tmux.close() }
        tmux.waitFor(text: "[exit:1]")
        XCTAssertTrue(tmux.lastScreen.contains("exocall: the TUI needs a terminal: standard output is not one"), tmux.lastScreen)
        XCTAssertEqual(try String(contentsOfFile: home + "/out.txt", encoding: .utf8), "", "nothing was drawn into the file")
    }

    func testTooSmallSaysWhatItNeeds() throws {
        let tmux = try start()
        tmux.waitFor(text: "┌─ Request")
        tmux.resize(width: 50, height: 15)
        tmux.waitFor(text: "(need 60x20, have 50x15)")
        tmux.resize(width: 80, height: 24)
        tmux.waitFor(text: "1 Form")
    }

    func testQuitRestoresTheTerminal() throws {
        let tmux = try start()
        tmux.waitFor(text: "┌─ Request")
        tmux.keys("F10")
        tmux.waitFor(text: "[exit:0]")
        tmux.waitFor(text: "[tty:icanon]")
        XCTAssertFalse(tmux.lastScreen.contains("┌─ Request"), "the UI is gone after quitting")
    }

    func testSignalsRestoreTheTerminal() throws {
        for (signal, status) in [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)] {
            let tmux = try start()
            tmux.waitFor(text: "┌─ Request")
            let shell = tmux.panePID()
            let child = childProcess(of: shell)
            XCTAssertGreaterThan(child, 0)
            kill(child, signal)
            tmux.waitFor(text: "[exit:\(status)]")
            tmux.waitFor(text: "[tty:icanon]")
            tmux.close()
        }
    }

    func testDraftIsRestoredAfterKill9() throws {
        let home = scratchHome(self)
        let first = try Tmux(home: home, command: Tmux.command("\(Tmux.exocall) --demo"))
        addTeardownBlock { first.close() }
        first.waitFor(text: "┌─ Request")
        first.type("черновик 42")
        first.keys("Tab")
        first.type("74990001122")
        first.waitFor(text: #""number_code": 74990001122"#)
        let draft = home + "/state/exocall/draft.json"
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !(String(data: FileManager.default.contents(atPath: draft) ?? Data(), encoding: .utf8) ?? "").contains("74990001122") {
            usleep(20_000)
        }
        kill(first.panePID(), SIGKILL)
        first.close()

        let second = try start(home: home)
        second.waitFor(text: "restored your draft")
        XCTAssertTrue(second.lastScreen.contains("черновик 42"), second.lastScreen)
        XCTAssertTrue(second.lastScreen.contains(#""number_code": 74990001122"#))
    }

    func testLoadKeepsInvalidValuesMarked() throws {
        let home = scratchHome(self)
        let file = home + "/r.json"
        try #"{"number_code": 74999999999, "callback_resource_id": 1, "duration": 99, "line_1": {"destinations": [{"number": "89991234567"}]}, "line_2": {"destinations": [{"number": "79990000000"}]}}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try start("--demo --load \(file)", home: home)
        tmux.waitFor(text: "✗ 1 problem (F4)")
        tmux.keys("F4")
        // Each problem: its place, then its whole message below it.
        tmux.waitFor(text: "must be a whole number from 300 to 3600 seconds, got 99")
        XCTAssertTrue(tmux.lastScreen.contains("✗ duration"), tmux.lastScreen)
        XCTAssertTrue(tmux.lastScreen.contains("! line_1 · row 1 (destinations[0].number)"), tmux.lastScreen)
        XCTAssertTrue(tmux.lastScreen.contains("is written the domestic way"), tmux.lastScreen)
    }
}
