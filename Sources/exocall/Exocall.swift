import ArgumentParser
import CallbackCore
import Console
import FoundationEssentials
import Glibc
import ProcessEnvironment
import Localization

/// The `exocall` command: with no subcommand it opens the terminal UI (`tui`).
@main
struct Exocall: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exocall",
        abstract: "Place two-leg callbacks through the MTS Exolve MakeCallback API.",
        discussion: """
        With no subcommand, exocall opens its terminal UI: build a request in forms,
        watch the exact JSON it will send, and see the call log. `exocall --demo` runs
        everything against a built-in stand-in server: no account, no network.

        The platform rings leg 1 (say an operator), then leg 2 (a client), plays
        each an optional message (a recording or text-to-speech), and bridges them.

        Every command takes --lang ru|en: the language of messages and screens
        (else ui_language in config.toml, else LC_ALL / LC_MESSAGES / LANG).
        """,
        version: ExocallVersion.current,
        subcommands: [TUICommand.self, ValidateCommand.self, SendCommand.self, LogCommand.self, EventsCommand.self, TemplatesCommand.self,
                      CurlCommandLine.self, NumbersCommand.self, VoicesCommand.self, ThemesCommand.self, ConfigCommand.self, StubServerCommand.self],
        defaultSubcommand: TUICommand.self
    )

    /// Runs the command. A write to a closed pipe or terminal is an error, never a
    /// signal; a usage error exits 1, as every command documents (not 64).
    static func main() async {
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
            if let plain = TUICommand.plainStart(arguments) { return try await plain.run() }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            if !finishOutput() { Glibc.exit(1) }
        } catch {
            let written = finishOutput()
            // The parser's own messages repeat what was typed: they reach the terminal
            // escaped, like everything else (exit(withError:) would print them raw).
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let shown = TerminalText.escaped(message, keepNewlines: true) + "\n"
                if code == .success { _ = Console.out(shown) } else { _ = Console.error(shown) }
            }
            Glibc.exit(code == .validationFailure ? 1 : (!written && code == .success ? 1 : code.rawValue))
        }
    }

    /// Writes what the command printed; false, with the reason on standard error, when
    /// standard output could not take it all (a full disk: never a silent exit 0). A
    /// reader that went away (EPIPE, `exocall log | head`) chose to stop: nothing is said,
    /// and the command's own exit code stands.
    static func finishOutput() -> Bool {
        guard !Console.flushOutput(), let code = Console.outputFailure else { return true }
        if code == EPIPE { return true }
        printError(LanguageOption.current()(.cliStdoutFailed, ["reason": Console.reason(code)]))
        return false
    }
}
