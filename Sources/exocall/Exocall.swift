import ArgumentParser
import CallbackCore

/// The `exocall` command: with a subcommand, a command-line tool; the TUI comes with a later issue.
@main
struct Exocall: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exocall",
        abstract: "Place two-leg callbacks through the MTS Exolve MakeCallback API.",
        discussion: """
        The platform rings leg 1 (say an operator), then leg 2 (a client), plays each an
        optional message (a recording or text-to-speech) and bridges them.

        Requests are JSON files in the shape of the MakeCallback body; `exocall validate`
        checks one against every rule of the API before anything is sent.
        """,
        version: ExocallVersion.current,
        subcommands: [ValidateCommand.self, SendCommand.self, LogCommand.self, VoicesCommand.self, StubServerCommand.self]
    )
}
