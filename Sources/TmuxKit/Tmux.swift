import Foundation

/// A private tmux server running one pane: how the tests and the benchmark
/// drive the real exocall binary. tmux is spawned with posix_spawn
/// (Foundation.Process hangs on the daemonized server's inherited descriptors)
/// with signals unblocked and set to default (test runners block them, and
/// children inherit that).
public final class Tmux: @unchecked Sendable {
    /// The private server's socket name.
    public let socket = "exocall-\(UUID().uuidString.prefix(8))"
    /// The HOME the pane runs with.
    public let home: String
    /// The last screen read by `screen()`.
    public private(set) var lastScreen = ""

    /// Starts `command` in a new session of `width`x`height` with an isolated HOME
    /// and `environment` added (TERM is set by the command itself, as tmux imposes its own).
    public init(width: Int = 120, height: Int = 40, home: String, environment: [String: String] = [:], command: String) throws {
        self.home = home
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home, "XDG_CONFIG_HOME": "\(home)/config",
                   "XDG_DATA_HOME": "\(home)/data", "XDG_STATE_HOME": "\(home)/state", "EXOLVE_API_KEY": ""]
        env.merge(environment) { $1 }
        var arguments = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        let status = Tmux.spawn(["-L", socket, "-f", "/dev/null"] + arguments, captureOutput: false).status
        guard status == 0 else { throw NSError(domain: "tmux", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "tmux new-session failed"]) }
    }

    /// A pane command running `program` with TERM set (tmux forces its own otherwise).
    public static func command(_ program: String, term: String = "xterm-256color") -> String {
        "sh -c 'TERM=\(term) exec \(program)'"
    }

    /// Runs a tmux command against this server; returns its output.
    @discardableResult
    public func command(_ arguments: String...) -> String { run(arguments) }

    /// Runs a tmux command against this server; returns its output.
    @discardableResult
    public func run(_ arguments: [String]) -> String {
        Tmux.spawn(["-L", socket] + arguments, captureOutput: true).output
    }

    /// Types literal text (UTF-8, Cyrillic included).
    public func type(_ text: String) { command("send-keys", "-l", "--", text) }

    /// Sends named keys (Tab, F10, C-n, M-Up...).
    public func keys(_ names: String...) { for name in names { command("send-keys", name) } }

    /// The pane's text now.
    @discardableResult
    public func screen() -> String {
        lastScreen = command("capture-pane", "-p")
        return lastScreen
    }

    /// Resizes the window.
    public func resize(width: Int, height: Int) { command("resize-window", "-x", "\(width)", "-y", "\(height)") }

    /// The pid of the pane's first process.
    public func panePID() -> Int32 { Int32(command("display-message", "-p", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }

    /// Polls the screen every `interval` until `condition` holds; false when `timeout` passes.
    public func poll(timeout: TimeInterval, interval: useconds_t = 20_000, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return true }
            if interval > 0 { usleep(interval) }
        }
        return false
    }

    /// Captures the screen until two captures `interval` apart agree, at most `timeout`, so
    /// `lastScreen` is a whole frame: tmux takes a frame in as many pieces as the terminal
    /// hands it, and a capture between two can show a dialog already drawn and the status
    /// line below it not yet.
    public func settle(timeout: TimeInterval = 1, interval: useconds_t = 20_000) {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = lastScreen
        while Date() < deadline {
            usleep(interval)
            let current = screen()
            if current == previous { return }
            previous = current
        }
    }

    /// Stops the server.
    public func close() { Tmux.spawn(["-L", socket, "kill-server"], captureOutput: false) }

    /// Runs tmux with `arguments`; with `captureOutput`, returns what it printed.
    @discardableResult
    public static func spawn(_ arguments: [String], captureOutput: Bool) -> (status: Int32, output: String) {
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
