import ArgumentParser
import CallbackCore
import Console
import Glibc
import Localization

/// The `exocall` command: with no subcommand it opens the terminal UI (`tui`).
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
