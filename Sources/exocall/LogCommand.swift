import Console
import ArgumentParser
import CallbackCore
import CallEvents
import CallLog
import ExolveClient
import FoundationEssentials
import Glibc
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
        subcommands: [LogListCommand.self, LogShowCommand.self, LogRequestCommand.self, LogNoteCommand.self, LogDispositionCommand.self, LogSyncCommand.self, LogExportCommand.self, LogMigrateCommand.self],
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

    @Option(help: ArgumentHelp("Only placed calls whose result (from Exolve's events) is this: connected, busy, no-answer, failed or pending.",
                               valueName: "RESULT"))
    var result: String?

    @Option(help: ArgumentHelp("Every call to this client (leg 2), numbers compared as the repeat guard does (+7…, 8… and 7… are one number), with a summary.",
                               valueName: "NUMBER"))
    var client: String?

    func validate() throws {
        guard limit > 0 else { throw ValidationError(LanguageOption.current()(.optLimit, ["value": "\(limit)"])) }
        if let result, CallState(rawValue: result) == nil {
            throw ValidationError(LanguageOption.current()(.optResult, ["values": CallState.allCases.map(\.rawValue).joined(separator: ", "), "value": result]))
        }
    }

    func run() async throws {
        guard let store = try await LogReader.open(try database.resolved(command: "log")) else { return }
        let filter = try filters.filter()
        if client != nil, filter != CallLogFilter() || result != nil {
            printError("exocall log: " + LanguageOption.current()(.optClientAlone))
            throw ExitCode(2)
        }
        var entries: [CallLogEntry]
        let results: [String: CallResult]
        let total: MatchCount
        var history: ClientHistory? = nil
        do {
            if let client {
                let found = try await store.clientHistory(client, limit: limit)
                history = found
                (entries, results) = (found.entries, found.results)
                total = MatchCount(value: entries.count, isAtLeast: !found.complete)
            } else {
                let page = try await store.page(filter, result: result.flatMap(CallState.init(rawValue:)), limit: limit)
                // A first page always carries its count.
                (entries, results, total) = (page.entries, page.results, page.total ?? MatchCount(value: page.entries.count, isAtLeast: false))
            }
        } catch {
            printError("exocall log: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        if json {
            for entry in entries {
                Console.print(CanonicalJSON.string(Self.json(entry, result: entry.callID.flatMap { results[$0] }, includeRaw: false), style: .compact))
            }
            return
        }
        let tr = LanguageOption.current()
        if entries.isEmpty {
            printError(tr(.logNoEntries))
            return
        }
        var rows = [[Phrase.logHeaderID, .logHeaderTime, .logHeaderOperator, .logHeaderOutcome, .logHeaderResult, .logHeaderDisposition,
                     .logHeaderLeg1, .logHeaderLeg2, .logHeaderDescription, .logHeaderCallID].map { tr($0) }]
        for entry in entries {
            let outcome = entry.callID.flatMap { results[$0] }
            rows.append([String(entry.id ?? 0), Timestamp.local(entry.createdAt, language: tr), LegSummary.clip(entry.operatorName ?? "—", 20),
                         tr(OutcomeWord.phrase(entry.effectiveOutcome())),
                         outcome.map { $0.label(now: Int64(Date().timeIntervalSince1970 * 1000), in: tr) } ?? (entry.effectiveOutcome() == .placed ? tr(.resultNoEvents) : "—"),
                         LegSummary.clip(entry.disposition ?? "—", 20) + (entry.note == nil ? "" : " ✎"),
                         LegSummary.clip(LegSummary.text(entry.line1Numbers), 28), LegSummary.clip(LegSummary.text(entry.line2Numbers), 28),
                         LegSummary.clip(entry.requestDescription ?? "", 32), LegSummary.clip(entry.callID ?? "", 40)])
        }
        say(TextTable.render(rows), terminator: "")
        if let history {
            printError(history.summary(now: Int64(Date().timeIntervalSince1970 * 1000), in: tr))
            return
        }
        printError(tr(.logCountFooter, ["shown": "\(entries.count)", "total": total.text, "count": "\(total.value)", "location": store.location]))
    }
}

extension LogListCommand {
    /// An entry as `log --json` prints it, with its `result` (null for a send that never became a call)
    /// and, for `log show`, its `events`.
    static func json(_ entry: CallLogEntry, result: CallResult?, includeRaw: Bool, events: [CallEvent]? = nil) -> JSONValue {
        guard case .object(var members) = entry.jsonValue(includeRaw: includeRaw) else { return entry.jsonValue(includeRaw: includeRaw) }
        let placed = entry.effectiveOutcome() == .placed
        members.append(.init("result", placed ? (result ?? CallResult()).jsonValue : .null))
        if let events { members.append(.init("events", .array(events.map(\.jsonValue)))) }
        return .object(members)
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
        let head = String(text.prefix(width + 1)).replacing("\n", with: " ")
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
        // One store for the entry, its events or evidence, and its notes.
        guard let store = try await LogReader.open(try database.resolved(command: "log show")) else { throw ExitCode(1) }
        let entry = try await LogEntryLookup.find(id, in: store)
        var events: [CallEvent] = []
        var evidence = EvidenceFound()
        if let callID = entry.callID {
            events = (try? await store.events(callIDs: [callID])) ?? []
        } else if UnknownEvidence.wants(entry) {
            // Its unknown neighbours take part, so a call is linked to one send only, as in the panel.
            let around = CallLogFilter(outcome: .unknown, since: entry.createdAt - UnknownEvidence.window - UnknownEvidence.skew,
                                       until: entry.createdAt + UnknownEvidence.window + UnknownEvidence.skew)
            let neighbours = (try? await store.page(around, limit: 200)) ?? []
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            evidence = (try? await store.evidence(for: neighbours.filter { $0.id != entry.id } + [entry], now: now)) ?? EvidenceFound()
        }
        let history = (try? await store.annotations(entryID: id)) ?? []
        let linked = entry.id.flatMap { evidence.links[$0] }
        let noSign = entry.id.map { evidence.noSign.contains($0) } ?? false
        let result = entry.result(events: events) ?? linked.flatMap { evidence.results[$0] }
        if json {
            var value = LogListCommand.json(entry, result: result, includeRaw: true, events: events)
            if case .object(var members) = value {
                if UnknownEvidence.wants(entry) {
                    members.append(JSONValue.Member("evidence", .object([JSONValue.Member("uid", linked.map(JSONValue.string) ?? .null),
                                                                          JSONValue.Member("no_sign", .bool(noSign))])))
                }
                members.append(JSONValue.Member("annotations", .array(history.map { annotation in
                    .object([JSONValue.Member("kind", .string(annotation.kind.rawValue)), JSONValue.Member("text", .string(annotation.text)),
                             JSONValue.Member("by", annotation.operatorName.map(JSONValue.string) ?? .null),
                             JSONValue.Member("at", .string(Timestamp.iso(annotation.at)))])
                })))
                value = .object(members)
            }
            Console.print(CanonicalJSON.string(value, style: .pretty))
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
        if let result { lines.insert((tr(.showResult), result.label(now: Int64(Date().timeIntervalSince1970 * 1000), in: tr)), at: 2) }
        if let linked { lines.insert((tr(.showEvidence), tr(.entryEvidence, ["uid": linked])), at: 2) }
        if noSign { lines.insert((tr(.showEvidence), tr(.entryNoSign)), at: 2) }
        // The latest note and disposition, who gave them and when, and how many came before.
        for (kind, latest, label) in [(Annotation.Kind.disposition, entry.latestDisposition, Phrase.showDisposition), (.note, entry.latestNote, .showNote)] {
            guard let latest else { continue }
            let earlier = history.filter { $0.kind == kind }.count - 1
            var byline = tr(.annotationByline, ["who": latest.operatorName ?? "—", "time": Timestamp.local(latest.at, language: tr)])
            if earlier > 0 { byline += " · " + tr(.annotationEarlier, ["count": "\(earlier)"]) }
            lines.insert((tr(label), latest.text + "  (" + byline + ")"), at: 2)
        }
        let width = lines.map(\.0.count).max() ?? 0
        for (label, value) in lines {
            // A note's later lines under its first.
            say(label.fitted(width) + "  "
                + value.replacing("\n", with: "\n" + String(repeating: " ", count: width + 2)))
        }
        if let result {
            // Each leg's timeline, as the TUI's entry view says it (`say` escapes what came from the network).
            for (label, leg) in [(tr(.showLegOperator), result.a), (tr(.showLegClient), result.b)] {
                var parts: [String] = []
                if leg.defined { parts.append(CallResult.causeInFull(leg.cause, hangupCause: leg.hangupCause, in: tr)) }
                parts.insert(leg.answered ? tr(.showAnswered) : tr(.timelineNotAnswered), at: 0)
                if let ms = leg.durationMs, ms > 0 { parts.append(tr(.timelineTalk, ["time": CallResult.clock(Int((ms + 500) / 1000))])) }
                say(label.fitted(width) + "  " + parts.joined(separator: " · "))
            }
        }
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
        return try await find(id, in: store)
    }

    /// The same in a log already open.
    static func find(_ id: Int64, in store: any CallLogStore) async throws -> CallLogEntry {
        do {
            guard let entry = try await store.entry(id: id) else { throw CallLogError.noSuchEntry(id) }
            return entry
        } catch {
            printError("exocall log: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
    }
}
