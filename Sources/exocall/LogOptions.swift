import ArgumentParser
import CallLog
import CallLogPostgres
import ExolveClient
import FoundationEssentials
import Glibc
import ProcessEnvironment
import Localization

/// `--db PATH|URL`: which call log to use.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The call log: a SQLite file, or a postgresql://user@host:port/dbname URL for a team's shared log "
            + "(default: EXOCALL_DB, else the config's db, else ~/.local/share/exocall/calls.sqlite).", valueName: "PATH|URL"))
    var path: String?

    /// The log to use: `--db`, else `EXOCALL_DB`, else the config's `db`, else the
    /// default file. A config that cannot be read is an error here, never a silent
    /// fall back to a local file (that would take a team's operator out of the shared repeat guard).
    func resolved(command: String) throws -> String {
        let environment = ProcessEnvironment.variables
        do {
            return try CallLogLocation.resolve(flag: path, configured: { try ConfigFile.load(path: ConfigFile.path(environment: environment)).db },
                                               environment: environment)
        } catch {
            printError("exocall \(command): " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}

/// The filters shared by `log` and `log export`.
struct LogFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this outcome: placed, rejected, not_sent, unknown or sending.", valueName: "OUTCOME"))
    var outcome: String?

    @Option(help: ArgumentHelp("Only entries whose numbers, description, call_id or TTS text match every word.", valueName: "TEXT"))
    var search: String?

    @Option(help: ArgumentHelp("Only entries from this time on: 2026-11-24, 2026-11-24T09:30 (local time) or with a zone.", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries before this time; a bare date includes that whole day.", valueName: "DATE"))
    var until: String?

    @Option(name: .customLong("operator"), help: ArgumentHelp("Only entries sent by this operator (as the log shows it: anna, or user@host).", valueName: "NAME"))
    var operatorName: String?

    @Option(help: ArgumentHelp("Only entries whose disposition is this (as the log shows it: \"call back later\").", valueName: "NAME"))
    var disposition: String?

    func validate() throws {
        _ = try filter()
    }

    /// The filter these options describe, or a usage error naming the bad value.
    func filter() throws -> CallLogFilter {
        var outcomeValue: EntryOutcome? = nil
        if let outcome {
            guard let parsed = EntryOutcome(rawValue: outcome) else {
                throw ValidationError(LanguageOption.current()(.optOutcome, ["values": EntryOutcome.filterable.map(\.rawValue).joined(separator: ", "), "value": outcome]))
            }
            outcomeValue = parsed
        }
        let sinceMs = try since.map { try DateArgument.parse($0, option: "--since", endOfDay: false) }
        let untilMs = try until.map { try DateArgument.parse($0, option: "--until", endOfDay: true) }
        if let sinceMs, let untilMs, sinceMs >= untilMs {
            throw ValidationError(LanguageOption.current()(.optSinceUntil))
        }
        if let operatorName, operatorName.trimmingSpaces().isEmpty {
            throw ValidationError(LanguageOption.current()(.optOperator, ["value": operatorName]))
        }
        return CallLogFilter(outcome: outcomeValue, since: sinceMs, until: untilMs, search: search, operatorName: operatorName,
                             disposition: disposition?.trimmingSpaces())
    }
}

/// Dates on the command line.
enum DateArgument {
    /// Milliseconds since 1970 for `text` (`Timestamp.parse`). A bare date is local
    /// midnight, or with `endOfDay` the next midnight (so `--until 2026-11-24` includes that day).
    static func parse(_ text: String, option: String, endOfDay: Bool) throws -> Int64 {
        guard let ms = Timestamp.parse(text, endOfDay: endOfDay) else {
            throw ValidationError(LanguageOption.current()(.optDate, ["option": option, "value": text]))
        }
        return ms
    }
}

/// Opens the log for the reading commands, or explains why not.
enum LogReader {
    /// The store, or nil (after saying so) when there is no log yet.
    static func open(_ location: String) async throws -> (any CallLogStore)? {
        do {
            guard let store = try await CallLogOpener.openForReading(location, session: session(for: location)) else {
                printError(LanguageOption.current()(.logNoCallsYet, ["location": CallLogOpener.display(location)]))
                return nil
            }
            return store
        } catch {
            printError("exocall log: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }

    /// Who a command's connection to a team log says it is: `EXOCALL_OPERATOR`, else the
    /// config's `operator`, else user@host (the config is read only for a team log; one that
    /// cannot be read names the connection user@host, and the command reports it elsewhere).
    static func session(for location: String) -> LogSession {
        guard PostgresLocation.isURL(location) else { return LogSession() }
        let environment = ProcessEnvironment.variables
        let configured = (try? ConfigFile.load(path: ConfigFile.path(environment: environment)))?.operatorName
        return LogSession(operatorName: (try? Operator.name(flag: nil, environment: environment, configured: configured)) ?? Operator.fallback)
    }
}
