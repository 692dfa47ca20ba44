import CallbackCore
import CallEvents
import EventReceiver
import Localization
import Logging
import NIOCore
import Synchronization

/// What every request is answered with: the peer check, the intake, and the log line.
struct Responder: Sendable {
    let intake: EventIntake
    let options: EventServer.Options
    let token: String
    let logger: Logger
    /// The HTTP layer's own gauges, shared by every connection.
    let gauges = ServerGauges()

    /// Whether `peer` may be served at all (`--allow-from`).
    func allows(_ peer: SocketAddress?) -> Bool {
        options.allowFrom.isEmpty || (peer.map { address in options.allowFrom.contains { $0.contains(address) } } ?? false)
    }

    /// One line on stderr per request, the token masked.
    func log(method: String, path: String, answer: IntakeAnswer, started: ContinuousClock.Instant, peer: SocketAddress?) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(method) \(path.replacing(token, with: "<token>")) \(answer.status) \(answer.outcome) \(Elapsed.tenths(milliseconds)) ms",
                    metadata: ["peer": .string(peer?.ipAddress ?? "-")])
    }

    static let notAllowed = IntakeAnswer(status: 404, body: "not found\n", outcome: "not_allowed")
    static let slowBody = IntakeAnswer(status: 408, body: "the body took too long\n", outcome: "refused_slow_body")
    static let tooLarge = IntakeAnswer(status: 413, body: "body over \(CallEventParser.maxBodyBytes) bytes\n", outcome: "refused_too_large")
}

/// What only the HTTP layer knows, added to `/metrics`: connections open, and events
/// (POSTs) read and not yet answered, which a graceful stop waits for. Counted on the
/// connections' event loops as it happens, so a scrape sees it at once.
final class ServerGauges: Sendable {
    let connections = Atomic<Int>(0)
    let eventsInFlight = Atomic<Int>(0)

    /// The gauges in Prometheus' text format.
    var prometheus: String {
        """
        # HELP exocall_connections_open Connections open to the receiver.
        # TYPE exocall_connections_open gauge
        exocall_connections_open \(connections.load(ordering: .relaxed))
        # HELP exocall_events_in_flight Event requests read and not yet answered (a graceful stop waits for them).
        # TYPE exocall_events_in_flight gauge
        exocall_events_in_flight \(eventsInFlight.load(ordering: .relaxed))

        """
    }
}
