import ArgumentParser
import CallbackCore
import CallEvents
import CallLog
import Console
import FoundationEssentials
import Glibc
import Localization

/// `exocall events`: Exolve's callback call events, as the call log keeps them.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Exolve's call events in the call log: who answered, talk time, why each leg ended.",
        discussion: """
        Exolve POSTs one event per leg per step (rings, answers, hangs up, ends with a
        Q.850 cause) to the application's event URL; the call log keeps each once,
        linked to its entry by uid = call_id. Events of calls exocall did not place are
        kept and listed here, never mixed into the log as sends.

        Examples:
          exocall events serve --public-url https://calls.example.com/exolve
          exocall events list --limit 20
          exocall events list --json | jq .uid
        """,
        subcommands: [EventsListCommand.self, EventsServeCommand.self],
        defaultSubcommand: EventsListCommand.self
    )
}

/// `exocall events list`: the newest events received.
struct EventsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the newest events received, newest first.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "How many events to show.")
    var limit = 50

    @Flag(help: "Print one JSON object per event (uid as a string of digits).")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError(LanguageOption.current()(.optLimit, ["value": "\(limit)"])) }
    }

    func run() async throws {
        guard let store = try await LogReader.open(try database.resolved(command: "events list")) else { return }
        let events: [StoredEvent]
        do {
            events = try await store.recentEvents(limit: limit)
        } catch {
            printError("exocall events: " + LanguageOption.current().describe(error))
            throw ExitCode(1)
        }
        if json {
            for stored in events {
                let event = stored.event
                Console.print(CanonicalJSON.string(.object([
                    .init("uid", .string(event.callID)), .init("side", .string(event.side.rawValue)), .init("type", .string(event.kind.rawValue)),
                    .init("date_time", .string(event.dateTime)), .init("received_at", .string(Timestamp.iso(stored.receivedAt))),
                    .init("entry_id", stored.entryID.map { .number(String($0)) } ?? .null), .init("event", event.jsonValue),
                ]), style: .compact))
            }
            return
        }
        let tr = LanguageOption.current()
        if events.isEmpty {
            printError(tr(.eventsNone))
            return
        }
        var rows = [[Phrase.eventsHeaderReceived, .eventsHeaderUID, .eventsHeaderLeg, .eventsHeaderStep, .eventsHeaderNumber, .eventsHeaderCause,
                     .eventsHeaderEntry].map { tr($0) }]
        for stored in events {
            let event = stored.event
            let cause = event.kind == .definition ? CallResult.causeInFull(event.cause, hangupCause: event.hangupCause, in: tr) : ""
            rows.append([Timestamp.local(stored.receivedAt, language: tr), event.callID, event.side == .a ? tr(.showLegOperator) : tr(.showLegClient),
                         tr(Self.step(event.kind)), LegSummary.clip(event.number ?? "", 20), LegSummary.clip(cause, 48),
                         stored.entryID.map(String.init) ?? tr(.eventsNotOurs)])
        }
        // `say` escapes: every cell but the times came from the network.
        say(TextTable.render(rows), terminator: "")
    }

    /// A step's name.
    static func step(_ kind: CallEvent.Kind) -> Phrase {
        switch kind {
        case .originate: return .eventsStepRings
        case .start: return .eventsStepAnswers
        case .hungup: return .eventsStepHangsUp
        case .definition: return .eventsStepEnded
        case .end: return .eventsStepEnd
        }
    }
}
