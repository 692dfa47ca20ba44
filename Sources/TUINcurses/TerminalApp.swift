import Synchronization
import Console
import CNcursesw
import CTerminalSignals
import FoundationEssentials
import Glibc
import Theming
import TUI
import ProcessEnvironment
import Localization

/// Runs the front end on a real terminal: sets ncurses up, feeds keys and
/// effect results to the reducer, draws each new state, and restores the
/// terminal on every way out (quit, SIGINT, SIGTERM, SIGHUP, an error).
/// It is driven from one thread (its loop); other threads only `send`.
public final class TerminalApp: @unchecked Sendable {
    /// Why the terminal could not be used.
    public enum StartError: Error, CustomStringConvertible, OperatorFacingError {
        case notATerminal
        case outputNotATerminal
        case noTerm
        case cannotInitialize(String)
        case cannotMoveCursor(String)

        /// The message for the operator, in English.
        public var description: String { text.text(.en) }

        /// The message for the operator.
        public var text: Localized {
            switch self {
            case .notATerminal: return .phrase(.startNotATerminal)
            case .outputNotATerminal: return .phrase(.startOutputNotATerminal)
            case .noTerm: return .phrase(.startNoTerm)
            case .cannotInitialize(let term): return .phrase(.startCannotInitialize, ["term": .verbatim(term)])
            case .cannotMoveCursor(let term): return .phrase(.startCannotMoveCursor, ["term": .verbatim(term)])
            }
        }
    }

    /// Why the TUI cannot run on this process's standard streams, or nil: both must be a terminal.
    /// (The launcher asks before it starts anything; `run` asks again, for any other caller.)
    public static func streamsRefusal() -> StartError? {
        if isatty(0) != 1 { return .notATerminal }
        // `exocall > file` drew the screen into the file, and the terminal stayed blank.
        if isatty(1) != 1 { return .outputNotATerminal }
        return nil
    }

    private var state: AppState
    private let inbox = Inbox()
    private var wakePipe: [Int32] = [-1, -1]

    /// Creates the app over an initial state.
    public init(state: AppState) { self.state = state }

    /// Delivers an action from any thread.
    public var send: @Sendable (Action) -> Void {
        let inbox = self.inbox
        return { action in inbox.push(action) }
    }

    /// Runs until the operator quits or a signal arrives; returns the final state.
    /// Themes come from `themes` by the state's `themeName`; without colours (or with
    /// NO_COLOR) the monochrome theme is used whatever was chosen.
    /// `now` is the runtime's clock, read before every batch of actions (as a `.tick`).
    /// With `mouse`, clicks and the wheel are reported (SGR mode); without, the terminal selects text as usual.
    /// `loaded` is the state's theme when the caller has already loaded it (it is then not parsed twice).
    /// `afterFirstFrame` runs once the first frame is on the screen: slow starts (the call log,
    /// the demo stand-in) go there and report back as actions.
    public func run(runEffect: (Effect) -> Void, startup: [Effect] = [], themes: ThemeLibrary, loaded: Theme? = nil,
                    mouse: Bool = true, now: () -> Double, afterFirstFrame: () -> Void = {}) throws -> AppState {
        mouseOn = mouse
        if let refusal = Self.streamsRefusal() { throw refusal }
        guard let term = ProcessEnvironment.variables["TERM"], !term.isEmpty else { throw StartError.noTerm }
        // A locale the system lacks (ru_RU.UTF-8 not generated), or none at all (LANG unset
        // over SSH, LANG=C), would leave curses in ASCII, and every box line, arrow and
        // Cyrillic letter was drawn blank: the terminal is UTF-8 all the same (and keys are
        // read as UTF-8), so C.UTF-8 stands in (the language is read from the variables
        // themselves, see UILanguage.resolve).
        // Only the character type is taken from the environment: it is all curses and
        // wcwidth read (the other categories cost eleven file reads at start, and a
        // decimal comma in LC_NUMERIC has no business in C's number formatting).
        if setlocale(LC_CTYPE, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        // A terminal claiming more than exocall draws: curses is told the bounded size
        // (it reads LINES and COLUMNS over the kernel's) so it never allocates the rest.
        var rows: Int32 = 0, columns: Int32 = 0
        if exo_window_size(&rows, &columns) == 0 {
            let claimed = Size(width: Int(columns), height: Int(rows))
            if claimed.bounded != claimed {
                setenv("LINES", "\(claimed.bounded.height)", 1)
                setenv("COLUMNS", "\(claimed.bounded.width)", 1)
            }
        }
        guard let screenPointer = exo_newterm_stdio() else { throw StartError.cannotInitialize(term) }
        set_term(screenPointer)
        // A dumb terminal (TERM=dumb: an editor's shell, some CI) drew the header and nothing more.
        guard exo_can_move_cursor() != 0 else {
            endwin()
            delscreen(screenPointer)
            throw StartError.cannotMoveCursor(term)
        }
        // ncurses flushes its output at every cursor move until the screen has been
        // suspended once (a screen that never was is taken for a terminfo program's):
        // 120 writes for a first frame, three for a keystroke's. Suspending it before
        // anything is drawn makes every frame one write; the first refresh resumes it.
        endwin()
        pipe(&wakePipe)
        inbox.wakeFD = wakePipe[1]
        defer { restore(screenPointer) }
        // After newterm, so ncurses's SIGWINCH handler exists to be chained.
        exo_install_signals(wakePipe[1])

        raw()
        // curses polls the terminal for typed-ahead keys twice per refresh, to cut a frame
        // short when one is waiting; the loop draws one frame per batch of keys anyway, and
        // two system calls stood between a key and its echo.
        typeahead(-1)
        noecho()
        nonl()
        // Keys are decoded from the raw characters (InputDecoder), not by terminfo:
        // a TERM that does not match the terminal must not turn End into "4~".
        keypad(exo_stdscr(), false)
        nodelay(exo_stdscr(), true)
        set_escdelay(25)
        // COLORS is only known after start_color().
        if has_colors() {
            start_color()
            use_default_colors()
        }
        let depth = ColorDepth.detect(colors: has_colors() ? Int(exo_colors()) : 0, environment: ProcessEnvironment.variables)
        _ = update(&state, .colorDepthDetected(depth.name))
        func palette(for name: String) -> Palette? {
            if let loaded, depth != .monochrome, name == state.theme.name, name == loaded.name {
                return Palette(theme: loaded, depth: depth)
            }
            guard let theme = try? themes.load(depth == .monochrome ? "monochrome" : name).get() else { return nil }
            return Palette(theme: theme, depth: depth)
        }
        let modesOn = "\u{1B}[?2004h" + (mouseOn ? "\u{1B}[?1000h\u{1B}[?1006h" : "")
        exo_set_terminal_modes(modesOn, "\u{1B}[?2004l" + (mouseOn ? "\u{1B}[?1000l\u{1B}[?1006l" : ""))
        Console.out(modesOn)
        var themeShown = state.theme.name
        var screen = Screen(palette: palette(for: state.theme.name) ?? palette(for: "default")!)
        var decoder = TUI.InputDecoder()
        var input = [UInt8](repeating: 0, count: 4096)
        /// Whether the terminal has sent bytes not read yet.
        func pendingInput() -> Bool {
            var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            return poll(&ready, 1, 0) == 1 && ready.revents & Int16(POLLIN) != 0
        }
        state.size = Size(width: Int(exo_cols()), height: Int(exo_lines()))
        _ = update(&state, .resize(state.size))
        screen.present(render(state))
        var gate = KeyGate()
        _ = gate.presented(state)
        afterFirstFrame()
        for effect in startup { runEffect(effect) }
        // Effects the terminal itself performs (between frames, on this thread).
        func perform(_ effect: Effect) {
            if case .copyToClipboard(let text) = effect {
                let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
                Console.out(sequence)
            } else {
                runEffect(effect)
            }
        }

        /// A resize (or a resume) since the last look, applied to curses at the bounded
        /// size, never at the size the terminal claims.
        func resized() -> Size? {
            guard exo_take_resize() != 0, exo_window_size(&rows, &columns) == 0 else { return nil }
            let size = Size(width: Int(columns), height: Int(rows)).bounded
            _ = exo_resize_term(Int32(max(1, size.height)), Int32(max(1, size.width)))
            screen.invalidate()
            return size
        }

        while !state.quitting {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
            // Sleep until input or an action (the runtime ticks the spinner while a send is in flight);
            // a half-read sequence waits a moment for its rest.
            _ = poll(&fds, 2, decoder.isWaiting ? 30 : -1)
            if fds[1].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 64)
                _ = read(wakePipe[0], &sink, 64)
            }
            if exo_caught_signal() != 0 { break }
            // The terminal went away (window closed, SSH dropped): leave as on SIGHUP.
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                terminalGone = true
                break
            }
            var actions: [Action] = []
            if let size = resized() { actions.append(.resize(size)) }
            // The terminal's bytes are read here, all that arrived in one read, and decoded by
            // InputDecoder (curses's get_wch polled and read a byte at a time: three system calls
            // for a key, before its echo). A resize comes from the signal handler, above.
            if fds[0].revents & Int16(POLLIN) != 0 {
                let count = read(0, &input, input.count)
                if count > 0 { actions += decoder.feed(bytes: input[0..<count]).map(Action.key) }
                // Readable with nothing to read: the terminal's other end closed (as on SIGHUP).
                if count == 0 {
                    terminalGone = true
                    break
                }
            }
            if fds[0].revents == 0 || !decoder.isWaiting { actions += decoder.flush().map(Action.key) }
            actions += inbox.drain()
            guard !actions.isEmpty else { continue }
            // One key typed into a text field: its echo goes out first, then the rest of its frame.
            if actions.count == 1, case .key(let key) = actions[0], let shown = screen.shown,
               let echo = FormEcho.frame(after: key, in: state, over: shown) {
                screen.present(echo)
            }
            // Every action sees the current time (a send records when it started).
            for action in [.tick(now: now())] + actions {
                // A dialog that can place a call takes only keys pressed after it was drawn.
                guard gate.admits(action, in: state) else { continue }
                for effect in update(&state, action) { perform(effect) }
                if state.quitting { break }
            }
            if state.theme.name != themeShown, let next = palette(for: state.theme.name) {
                themeShown = state.theme.name
                screen.use(next)
            }
            if gate.isAppearing(state) {
                // Drain what arrived before the dialog is on the screen: typed ahead, or pasted.
                while pendingInput(), read(0, &input, input.count) > 0 {}
                decoder = TUI.InputDecoder()
                if let size = resized() { _ = update(&state, .resize(size)) }
            }
            screen.present(render(state))
            _ = gate.presented(state)
        }
        return state
    }

    private func restore(_ screenPointer: OpaquePointer) {
        Console.out("\u{1B}[?2004l" + (mouseOn ? "\u{1B}[?1000l\u{1B}[?1006l" : ""))
        endwin()
        delscreen(screenPointer)
        exo_restore_signals()
    }

    /// The signal that ended the run, if one did (0 otherwise); a terminal that went
    /// away counts as SIGHUP.
    public var caughtSignal: Int32 { terminalGone && exo_caught_signal() == 0 ? SIGHUP : exo_caught_signal() }

    private var mouseOn = true

    /// Set when the terminal's other end closed under the app.
    public private(set) var terminalGone = false
}

/// Actions from other threads, with a pipe to wake the loop.
final class Inbox: @unchecked Sendable {
    private let lock = Mutex(())
    private var actions: [Action] = []
    var wakeFD: Int32 = -1

    func push(_ action: Action) {
        lock.withLock { _ in actions.append(action) }
        var byte: UInt8 = 1
        if wakeFD >= 0 { _ = write(wakeFD, &byte, 1) }
    }

    func drain() -> [Action] {
        lock.withLock { _ in
            defer { actions.removeAll() }
            return actions
        }
    }
}

