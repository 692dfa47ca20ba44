import Foundation
import TmuxKit
import XCTest

/// Issue #27 on a real pseudo-terminal, with no tmux in between (tmux filters
/// pastes and bounds sizes itself): a terminal claiming an absurd size, a stop
/// from job control, an emoji typed one code point at a time, and a paste whose
/// tail is F5 and y.
final class HardeningRound3EndToEndTests: XCTestCase {
    struct Session {
        let terminal: PseudoTerminal
        var output = TerminalText()
        /// What has been drawn so far (cleared to look only at what comes next).
        var screen: String {
            get { output.text }
            set { output.text = newValue }
        }

        /// Reads until `text` has arrived or 15 s pass.
        mutating func wait(for text: String) -> Bool {
            let deadline = Date().addingTimeInterval(15)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while Date() < deadline {
                if screen.contains(text) { return true }
                var poller = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                let count = Glibc.read(terminal.master, &buffer, buffer.count)
                if count <= 0 { return screen.contains(text) }
                output.append(buffer[0..<count])
                if screen.count > 400_000 { screen = String(screen.suffix(200_000)) }
            }
            return screen.contains(text)
        }

        /// Reads what arrives within 20 ms.
        mutating func readAvailable() {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var poller = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { return }
            let count = Glibc.read(terminal.master, &buffer, buffer.count)
            if count > 0 { output.append(buffer[0..<count]) }
        }

        func type(_ bytes: String) { _ = bytes.withCString { write(terminal.master, $0, strlen($0)) } }

        /// The exit status once the program ends within 15 s; nil if it is still running (then killed).
        func exitStatus() -> Int32? {
            var status: Int32 = 0
            let deadline = Date().addingTimeInterval(15)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while Date() < deadline {
                if waitpid(terminal.pid, &status, WNOHANG) == terminal.pid { return status }
                var poller = pollfd(fd: terminal.master, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 20) > 0 { _ = Glibc.read(terminal.master, &buffer, buffer.count) }
            }
            kill(terminal.pid, SIGKILL)
            return nil
        }
    }

    func start(rows: UInt16 = 30, columns: UInt16 = 100, arguments: [String] = ["--demo"]) throws -> Session {
        let home = scratchHome(self)
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)", "XDG_STATE_HOME=\(home)/state",
                           "XDG_DATA_HOME=\(home)/data", "XDG_CONFIG_HOME=\(home)/config", "EXOLVE_API_KEY="]
        let terminal = try XCTUnwrap(PseudoTerminal.spawn([Tmux.exocall] + arguments, environment: environment, rows: rows, columns: columns))
        var session = Session(terminal: terminal)
        XCTAssertTrue(session.wait(for: "Request"), "no first frame")
        addTeardownBlock { kill(terminal.pid, SIGKILL); close(terminal.master) }
        return session
    }

    func resize(_ session: Session, rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(session.terminal.master, UInt(TIOCSWINSZ), &size)
        kill(session.terminal.pid, SIGWINCH)
    }

    func testATerminalOf32768RowsAndColumnsIsDrawnWithinBoundsAndStillAnswers() throws {
        var session = try start()
        resize(session, rows: 32_768, columns: 32_768)
        session.screen = ""
        // Drawn at the bounded size: down to the 500th row, no further.
        XCTAssertTrue(session.wait(for: "\u{1B}[499;"), "redrawn after the resize: \(session.screen.suffix(300).debugDescription)")
        session.type("\u{1B}[21~") // F10
        let status = session.exitStatus()
        XCTAssertEqual(status.map { ($0 >> 8) & 0xff }, 0, "F10 quits: it crashed or hung (status \(String(describing: status)))")
    }

    func testAGiantTerminalAtStartTakesNoGigabytes() throws {
        var session = try start(rows: 9_999, columns: 9_999)
        _ = session.wait(for: "F10")
        let statm = (try? String(contentsOfFile: "/proc/\(session.terminal.pid)/statm", encoding: .utf8)) ?? ""
        let residentPages = Int(statm.split(separator: " ").dropFirst().first ?? "") ?? 0
        XCTAssertLessThan(residentPages * 4096, 1 << 30, "9,999 x 9,999 took 8.4 GB: \(statm)")
        session.type("\u{1B}[21~")
        XCTAssertNotNil(session.exitStatus())
    }

    func testAStopFromJobControlGivesTheShellItsMouseBack() throws {
        var session = try start()
        // curses ignores SIGTSTP while it writes a frame: wait until it catches it again.
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !Self.catches(SIGTSTP, pid: session.terminal.pid) { session.readAvailable() }
        session.screen = ""
        kill(session.terminal.pid, SIGTSTP)
        XCTAssertTrue(session.wait(for: "\u{1B}[?1000l"), "mouse reporting is turned off before stopping: \(session.screen.suffix(300).debugDescription)")
        XCTAssertTrue(session.screen.contains("\u{1B}[?2004l"), "and bracketed paste")
        kill(session.terminal.pid, SIGCONT)
        XCTAssertTrue(session.wait(for: "\u{1B}[?1000h"), "and on again when it resumes")
    }

    /// Whether process `pid` has a handler for `signal` now (its /proc status).
    static func catches(_ signal: Int32, pid: pid_t) -> Bool {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.split(separator: "\t").last ?? "", radix: 16) else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    func testAnEmojiTypedOneCodePointAtATimeDoesNotCrash() throws {
        var session = try start()
        session.type("❤")
        session.type("\u{FE0F}")
        session.type("🇷")
        session.type("🇺")
        session.type("e\u{0301}")
        // Every key handled: the last one's echo. Keys read apart are drawn apart (🇷 in one
        // write, 🇺 in the next cell later), so the flag is looked for in a whole redraw.
        XCTAssertTrue(session.wait(for: "e\u{0301}"), "echoed: \(session.screen.suffix(300).debugDescription)")
        session.screen = ""
        resize(session, rows: 31, columns: 100)
        XCTAssertTrue(session.wait(for: "🇷🇺"), "redrawn whole: \(session.screen.suffix(300).debugDescription)")
        session.type("\u{1B}[21~")
        let status = session.exitStatus()
        XCTAssertEqual(status.map { $0 & 0x7f }, 0, "not ended by a signal (SIGILL was exit 132)")
    }

    func testAPastesTailCannotPressF5AndConfirm() throws {
        let example = #"{"number_code":74999999999,"callback_resource_id":1221,"line_1":{"destinations":[{"number":"78129999999"}]},"line_2":{"destinations":[{"number":"79599999999"}]}}"#
        let home = scratchHome(self)
        let file = home + "/request.json"
        try example.write(toFile: file, atomically: true, encoding: .utf8)
        var session = try start(arguments: ["--demo", "--load", file])
        session.screen = ""
        // What a terminal that does not filter pastes delivers for clipboard text holding the end marker.
        session.type("\u{1B}[200~hello \u{1B}[201~\u{1B}[15~y")
        XCTAssertTrue(session.wait(for: "[15~y"), "the tail is text in the field")
        XCTAssertFalse(session.screen.contains("Place this callback?"), "the paste pressed no F5")
        // F5 and Enter in one burst: the confirmation opens, the Enter typed ahead of it is dropped.
        session.screen = ""
        session.type("\u{1B}[15~\r")
        XCTAssertTrue(session.wait(for: "Place this callback?"))
        session.type("nZ") // n: not sent; then Z into the form
        XCTAssertTrue(session.wait(for: "Z"), "every key before it was handled")
        XCTAssertFalse(session.screen.contains("PLACED"), "no call was placed")
        XCTAssertFalse(session.screen.contains("Call log (1)"), "nothing was sent")
    }

    func testADatabasePasswordOnTheCommandLineIsHiddenFromOtherUsers() throws {
        let session = try start(arguments: ["--demo", "--db", "postgresql://anna:s3cret-9f2@127.0.0.1:1/calls?sslmode=disable"])
        let commandLine = (try? String(contentsOfFile: "/proc/\(session.terminal.pid)/cmdline", encoding: .utf8)) ?? ""
        XCTAssertTrue(commandLine.contains("postgresql://anna:"), commandLine)
        XCTAssertFalse(commandLine.contains("s3cret-9f2"), "readable by every user in /proc: \(commandLine)")
    }
}
