import ArgumentParser
import CallLog
import Localization

/// `--operator NAME`: who is sending, stamped on every entry of the call log.
struct OperatorOption: ParsableArguments {
    @Option(name: .customLong("operator"), help: ArgumentHelp(
        "Who is sending, as the call log records it (default: EXOCALL_OPERATOR, else the config's operator, else user@host).",
        valueName: "NAME"))
    var name: String?

    /// The operator's name, or a clear error naming where a bad one came from.
    func resolved(configured: String?, command: String) throws -> String {
        try Self.resolve(flag: name, configured: configured, command: command)
    }

    /// The same for a flag's value parsed elsewhere (the launcher's fast start).
    static func resolve(flag: String?, configured: String?, command: String) throws -> String {
        do {
            return try Operator.name(flag: flag, configured: configured)
        } catch {
            printError("exocall\(command.isEmpty ? "" : " " + command): " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}
