import Console
import ArgumentParser
import CallbackCore
import CallLog
import ExolveClient
import Foundation
import Localization

/// `exocall log`: the call history.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Inspect the call log: every callback exocall tried to place.",
        discussion: """
        Every send is written to the log before its request leaves, and completed with
        its outcome. A send that was interrupted (exocall killed mid-flight) reads as
        unknown: the call MAY have been placed.

        Examples:
          exocall log --limit 20 --outcome unknown
          exocall log --search 79991234567 --since 2026-11-01
          exocall log show 42
          exocall log request 42 | exocall send -      # place it again
          exocall log export --format csv --output calls.csv
          exocall log --operator anna --db postgresql://anna@db.example:5432/calls
          exocall log migrate --to postgresql://owner@db.example:5432/calls
        """,
        subcommands: [LogListCommand.self, LogShowCommand.self, LogRequestCommand.self, LogExportCommand.self, LogMigrateCommand.self],
        defaultSubcommand: LogListCommand.self
    )
}

/// `exocall log [list]`: a table, newest first.
struct LogListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entries newest first (the default of `exocall log`)."
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var filters: LogFilterOptions

    @Option(help: "How many entries to show.")
    var limit = 50

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError(LanguageOption.current()(.optLimit, ["value": "\(limit)"])) }
    }

    func run() async throws {
        guard let store = try await LogReader.open(try database.resolved(command: "log")) else { return }
        let filter = try filters.filter()
        let entries: [CallLogEntry]
        let total: MatchCount
        do {
            entries = try await store.page(filter, limit: limit)
            total = try await store.count(filter)
        } catch {
            printError("exocall log: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        if json {
            for entry in entries { Console.print(CanonicalJSON.string(entry.jsonValue(includeRaw: false), style: .compact)) }
            return
        }
        let tr = LanguageOption.current()
        if entries.isEmpty {
            printError(tr(.logNoEntries))
            return
        }
        var rows = [[Phrase.logHeaderID, .logHeaderTime, .logHeaderOperator, .logHeaderOutcome, .logHeaderLeg1, .logHeaderLeg2,
                     .logHeaderDescription, .logHeaderCallID].map { tr($0) }]
        for entry in entries {
            rows.append([String(entry.id ?? 0), Timestamp.local(entry.createdAt, language: tr), LegSummary.clip(entry.operatorName ?? "—", 20),
                         tr(OutcomeWord.phrase(entry.effectiveOutcome())),
                         LegSummary.clip(LegSummary.text(entry.line1Numbers), 28), LegSummary.clip(LegSummary.text(entry.line2Numbers), 28),
                         LegSummary.clip(entry.requestDescription ?? "", 32), LegSummary.clip(entry.callID ?? "", 40)])
        }
        say(TextTable.render(rows), terminator: "")
        printError(tr(.logCountFooter, ["shown": "\(entries.count)", "total": total.text, "count": "\(total.value)", "location": store.location]))
    }
}

/// Short forms of an entry's fields for tables.
enum LegSummary {
    /// The first number of a leg, with "+N" for the others.
    static func text(_ numbers: String) -> String {
        let all = numbers.split(separator: " ")
        guard let first = all.first else { return "" }
        return all.count > 1 ? "\(first) +\(all.count - 1)" : String(first)
    }

    /// `text` cut to `width` characters with an ellipsis, on one line.
    static func clip(_ text: String, _ width: Int) -> String {
        // Only the head is looked at: a planted 100,000-character value costs what a short one does.
        let head = text.prefix(width + 1).replacingOccurrences(of: "\n", with: " ")
        return head.count > width ? String(head.prefix(width - 1)) + "…" : head
    }
}

/// `exocall log show ID`: everything about one entry.
struct LogShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show everything about one entry.")

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The entry's id (the first column of `exocall log`).")
    var id: Int64

    @Flag(help: "Print the entry as one JSON object.")
    var json = false

    func run() async throws {
        let entry = try await LogEntryLookup.find(id, in: try database.resolved(command: "log show"))
        if json {
            Console.print(CanonicalJSON.string(entry.jsonValue(includeRaw: true), style: .pretty))
            return
        }
        let tr = LanguageOption.current()
        var lines: [(String, String)] = [
            (tr(.showID), String(id)),
            (tr(.showOutcome), tr(OutcomeWord.phrase(entry.effectiveOutcome()))),
            (tr(.showMessage), entry.effectiveMessage().map { SendOutcome.readMessage($0).text(tr) } ?? ""),
            (tr(.showCallID), entry.callID ?? "—"),
            (tr(.showHTTP), entry.httpStatus.map(String.init) ?? "—"),
            (tr(.showLatency), entry.latencyMs.map { tr(.outcomeMilliseconds, ["ms": "\($0)"]) } ?? "—"),
            (tr(.showCreated), "\(Timestamp.local(entry.createdAt, language: tr)) (\(Timestamp.iso(entry.createdAt)))"),
            (tr(.showFinished), entry.finishedAt.map { "\(Timestamp.local($0, language: tr)) (\(Timestamp.iso($0)))" } ?? "—"),
            (tr(.showMode), entry.mode.label.text(tr)),
            (tr(.showOperator), entry.operatorName ?? "—"),
            (tr(.showSentFrom), entry.senderHost ?? "—"),
            (tr(.showEndpoint), entry.endpointHost),
            (tr(.showDescription), entry.requestDescription ?? "—"),
            (tr(.showExocall), entry.exocallVersion),
        ]
        if entry.effectiveOutcome() == .unknown { lines.insert((tr(.showWarning), tr(.showMayHaveBeenPlaced)), at: 2) }
        let width = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines { say(label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        say("\n" + tr(.showRequest))
        Console.print(entry.requestValue.map { CanonicalJSON.string($0, style: .pretty) } ?? entry.requestJSON)
        say("\n" + tr(.showResponse))
        say(entry.rawResponse.map { $0.isEmpty ? tr(.entryEmpty) : $0 } ?? tr(.entryNoResponse))
    }
}

/// `exocall log request ID`: exactly the request JSON, to send again.
struct LogRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Print exactly the request JSON of an entry (pipe it to `exocall send -` to place it again)."
    )

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The entry's id.")
    var id: Int64

    func run() async throws {
        Console.print(try await LogEntryLookup.find(id, in: try database.resolved(command: "log request")).requestJSON) // canonical JSON: its own escapes
    }
}

/// Finds one entry or exits with a message.
enum LogEntryLookup {
    static func find(_ id: Int64, in location: String) async throws -> CallLogEntry {
        guard let store = try await LogReader.open(location) else { throw ExitCode(1) }
        do {
            guard let entry = try await store.entry(id: id) else { throw CallLogError.noSuchEntry(id) }
            return entry
        } catch {
            printError("exocall log: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}
