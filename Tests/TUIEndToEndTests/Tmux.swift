import Foundation
import XCTest

/// A private tmux server running one pane, for driving the real exocall binary.
/// tmux is spawned with posix_spawn (Foundation.Process hangs on the daemonized
/// server's inherited descriptors) with signals unblocked and set to default
/// (the test runner's threads block them, and children inherit that).
final class Tmux {
    let socket = "exocall-e2e-\(UUID().uuidString.prefix(8))"
    let home: String
    private(set) var lastScreen = ""

    /// Starts `command` in a new session of `width`x`height` with an isolated HOME.
    init(width: Int = 120, height: Int = 40, home: String, command: String) throws {
        self.home = home
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=\(home)", "XDG_CONFIG_HOME=\(home)/config",
                   "XDG_DATA_HOME=\(home)/data", "XDG_STATE_HOME=\(home)/state", "EXOLVE_API_KEY="]
        var arguments = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for variable in env { arguments += ["-e", variable] }
        arguments.append(command)
        let status = Tmux.spawn(["-L", socket, "-f", "/dev/null"] + arguments, captureOutput: false).status
        guard status == 0 else { throw NSError(domain: "tmux", code: Int(status)) }
    }

    /// The exocall binary built beside the tests.
    static var exocall: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("exocall").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("exocall").path
    }

    /// A pane command that runs exocall, then reports its exit status and the
    /// terminal's line discipline (to prove the terminal was restored).
    static func reporting(_ arguments: String) -> String {
        "sh -c '\(exocall) \(arguments); echo \"[exit:$?]\"; stty -a | grep -o -- \"-*icanon\" | sed \"s/^/[tty:/;s/$/]/\"; exec sleep 600'"
    }

    /// Runs a tmux command against this server.
    @discardableResult
    func command(_ arguments: String...) -> String {
        Tmux.spawn(["-L", socket] + arguments, captureOutput: true).output
    }

    /// Types literal text (UTF-8, Cyrillic included).
    func type(_ text: String) { command("send-keys", "-l", "--", text) }

    /// Sends named keys (Tab, F10, C-n, M-Up...).
    func keys(_ names: String...) { for name in names { command("send-keys", name) } }

    /// The pane's text now.
    func screen() -> String {
        lastScreen = command("capture-pane", "-p")
        return lastScreen
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) { command("resize-window", "-x", "\(width)", "-y", "\(height)") }

    /// The pid of the pane's first process.
    func panePID() -> Int32 { Int32(command("display-message", "-p", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }

    /// Waits until the screen satisfies `condition`, polling every 20 ms; fails with the last screen on timeout.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \(what); last screen:\n\(lastScreen)", file: file, line: line)
        return false
    }

    /// Waits for `text` to appear on screen.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Stops the server.
    func close() { Tmux.spawn(["-L", socket, "kill-server"], captureOutput: false) }

    @discardableResult
    static func spawn(_ arguments: [String], captureOutput: Bool) -> (status: Int32, output: String) {
        var pipeFDs: [Int32] = [-1, -1]
        if captureOutput { pipe(&pipeFDs) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
            posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let tmux = FileManager.default.fileExists(atPath: "/usr/bin/tmux") ? "/usr/bin/tmux" : "/usr/local/bin/tmux"
        guard posix_spawn(&pid, tmux, &actions, &attributes, argv, environ) == 0 else { return (-1, "") }
        var output = Data()
        if captureOutput {
            Glibc.close(pipeFDs[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(pipeFDs[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(buffer, count: count)
            }
            Glibc.close(pipeFDs[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return ((status >> 8) & 0xFF, String(decoding: output, as: UTF8.self))
    }
}

/// A scratch HOME removed after the test.
func scratchHome(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "exocall-e2e-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}
