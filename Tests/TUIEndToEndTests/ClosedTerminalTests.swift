import Foundation
import TmuxKit
import XCTest

/// The terminal going away (window closed, SSH dropped: the pty's other end
/// closes) ends exocall cleanly, never with a signal, and keeps the draft.
final class ClosedTerminalTests: XCTestCase {
    func testClosingThePtyEndsExocallWithAnExitNotASignal() throws {
        let home = scratchHome(self)
        // posix_openpt and friends are hidden from Swift's Glibc: the same through /dev/ptmx and its ioctls.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(master, 0)
        var unlock: Int32 = 0
        XCTAssertEqual(ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock), 0)
        var number: UInt32 = 0
        XCTAssertEqual(ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number), 0)
        let slavePath = "/dev/pts/\(number)"
        // Give the pty a size, as a terminal window would.
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        close(slave)

        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in 0...2 { posix_spawn_file_actions_addopen(&actions, Int32(fd), slavePath, O_RDWR, 0) }
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = [Tmux.exocall, "--demo"]
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)", "XDG_STATE_HOME=\(home)/state",
                           "XDG_DATA_HOME=\(home)/data", "XDG_CONFIG_HOME=\(home)/config"]
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        XCTAssertEqual(posix_spawn(&pid, Tmux.exocall, &actions, &attributes, &argv, &envp), 0)

        // Wait for the first frame, then type into the form (a draft to keep).
        var screen = ""
        XCTAssertTrue(read(master, until: { screen += $0; return screen.contains("Request") }), "no first frame: \(screen)")
        _ = "черновик".withCString { write(master, $0, strlen($0)) }
        XCTAssertTrue(read(master, until: { screen += $0; return screen.contains("черновик") }), "the typing was not echoed")

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

    /// Reads from `fd` until `done` says so or 10 s pass.
    func read(_ fd: Int32, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { return false }
            if done(String(decoding: buffer[0..<count], as: UTF8.self)) { return true }
        }
        return false
    }
}
