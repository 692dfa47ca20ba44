import Foundation
import TmuxKit
import XCTest

/// The terminal going away (window closed, SSH dropped: the pty's other end
/// closes) ends exocall cleanly, never with a signal, and keeps the draft.
final class ClosedTerminalTests: XCTestCase {
    func testClosingThePtyEndsExocallWithAnExitNotASignal() throws {
        let home = scratchHome(self)
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)", "XDG_STATE_HOME=\(home)/state",
                           "XDG_DATA_HOME=\(home)/data", "XDG_CONFIG_HOME=\(home)/config"]
        let terminal = try XCTUnwrap(PseudoTerminal.spawn([Tmux.exocall, "--demo"], environment: environment, rows: 30, columns: 100),
                                     "no pty, or exocall did not start")
        let master = terminal.master
        let pid = terminal.pid

        // Wait for the first frame, then type into the form (a draft to keep).
        var screen = TerminalText()
        XCTAssertTrue(read(master, into: &screen, until: { $0.contains("Request") }), "no first frame: \(screen.text)")
        _ = "черновик".withCString { write(master, $0, strlen($0)) }
        XCTAssertTrue(read(master, into: &screen, until: { $0.contains("черновик") }), "the typing was not echoed")

        close(master) // the window closes
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(15)
        var done = false
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { done = true; break }
            usleep(20_000)
        }
        if !done { kill(pid, SIGKILL); return XCTFail("exocall did not end when its terminal closed") }
        let signaled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        XCTAssertFalse(signaled, "ended by signal \(status & 0x7f): a write to the gone terminal trapped")
        XCTAssertEqual((status >> 8) & 0xff, 129, "exits as on SIGHUP, 128 + 1")
        let draft = (try? String(contentsOfFile: home + "/state/exocall/draft.json", encoding: .utf8)) ?? ""
        XCTAssertTrue(draft.contains("черновик"), "the draft is kept: \(draft)")
    }

    /// Reads from `fd` into `output` until `done` says so of all read so far, or 10 s pass.
    func read(_ fd: Int32, into output: inout TerminalText, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { return false }
            output.append(buffer[0..<count])
            if done(output.text) { return true }
        }
        return false
    }
}
