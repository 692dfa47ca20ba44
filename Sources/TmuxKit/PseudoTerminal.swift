import Foundation

/// A program started on a new pseudo-terminal, as a terminal window starts
/// one: stdin, stdout and stderr on the pty's slave, its own session, signals
/// unblocked and at their defaults (test runners block them, and children
/// inherit that). No tmux in between: how the benchmark times startup and keys,
/// and how a test closes the terminal under exocall.
public struct PseudoTerminal: Sendable {
    /// The program's process id.
    public let pid: pid_t
    /// The pty's master end: read what the program draws, write what is typed.
    public let master: Int32
    /// Taken just before the spawn.
    public let started: ContinuousClock.Instant

    /// Starts `argv` (`argv[0]` a path) with exactly `environment` on a new pty
    /// of `rows` x `columns`; nil when the pty or the spawn fails.
    public static func spawn(_ argv: [String], environment: [String], rows: UInt16, columns: UInt16) -> PseudoTerminal? {
        // posix_openpt and friends are hidden from Swift's Glibc: the same through /dev/ptmx and its ioctls.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0, ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            close(master)
            return nil
        }
        let slavePath = "/dev/pts/\(number)"
        // Give the pty a size, as a terminal window would.
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        close(slave)
        var actions = posix_spawn_file_actions_t()
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
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        guard posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment) == 0 else {
            close(master)
            return nil
        }
        return PseudoTerminal(pid: pid, master: master, started: started)
    }
}
