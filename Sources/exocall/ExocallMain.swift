import ArgumentParser
import CallbackCore
import Console
import Glibc
import ProcessEnvironment
import Localization

/// The process's entry point: `exocall`'s command, started without an async `main`.
@main
enum ExocallMain {
    /// Runs the command. A write to a closed pipe or terminal is an error, never a
    /// signal; a usage error exits 1, as every command documents (not 64).
    /// `main` is synchronous: the terminal UI runs on this, the main thread, from its first
    /// line to its last, and its first frame waits for no thread pool (an async `main` made
    /// one and moved there before anything else). Async commands run on Swift's
    /// concurrency pool while this thread waits for them.
    static func main() {
        acceptSignals()
        Console.ignoreBrokenPipes()
        ArgumentScrub.hidePasswords()
        do {
            // The everyday start skips the argument parser, whose first use costs ~2 ms of
            // protocol-conformance lookups in a binary this size (BENCHMARKS.md, issue #19).
            let arguments: [String]
            do {
                arguments = try LanguageOption.extract(Array(CommandLine.arguments.dropFirst()))
            } catch {
                printError("exocall: \(error)")
                Glibc.exit(1)
            }
            if arguments == ["--version"] { _ = Console.out(ExocallVersion.current + "\n"); return }
            if let plain = TUICommand.plainStart(arguments) { return try plain.run() }
            var command = try Exocall.parseAsRoot(arguments)
            if let asyncCommand = command as? AsyncParsableCommand {
                let parsed = ParsedCommand(asyncCommand)
                try Blocking.run { try await parsed.run() }
            } else {
                try command.run()
            }
            if !Exocall.finishOutput() { Glibc.exit(1) }
        } catch {
            let written = Exocall.finishOutput()
            // The parser's own messages repeat what was typed: they reach the terminal
            // escaped, like everything else (exit(withError:) would print them raw).
            let code = Exocall.exitCode(for: error)
            let message = Exocall.fullMessage(for: error)
            if !message.isEmpty {
                let shown = TerminalText.escaped(message, keepNewlines: true) + "\n"
                if code == .success { _ = Console.out(shown) } else { _ = Console.error(shown) }
            }
            Glibc.exit(code == .validationFailure ? 1 : (!written && code == .success ? 1 : code.rawValue))
        }
    }

    /// Unblocks every signal on the main thread. A parent may start exocall with signals
    /// blocked (Foundation's `Process` called from a thread pool's worker passes on the
    /// worker's mask): an async `main` waited in `sigsuspend` with none blocked, so a
    /// SIGTERM still ended the stand-in and reached the receiver's handler; the main thread,
    /// now the key loop's or waiting for a command, must take them itself. What a signal
    /// does is left as it came (`nohup`'s ignored SIGHUP stays ignored).
    private static func acceptSignals() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
    }

    /// A parsed async command handed to the pool: it runs there once, while the main
    /// thread waits, so it is never used from two threads at a time.
    private final class ParsedCommand: @unchecked Sendable {
        private var command: any AsyncParsableCommand
        init(_ command: any AsyncParsableCommand) { self.command = command }
        func run() async throws { try await command.run() }
    }
}
