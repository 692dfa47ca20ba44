import CallbackCore
import CallEvents
import EventReceiver
import Localization
import Logging
import NIOCore

/// What every request is answered with: the peer check, the intake, and the log line.
struct Responder: Sendable {
    let intake: EventIntake
    let options: EventServer.Options
    let token: String
    let logger: Logger

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
