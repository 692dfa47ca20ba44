import CallbackCore
import CallEvents
import EventReceiver
import Localization
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// What every request is answered with: the peer check, the intake, and the log line.
struct Responder: Sendable {
    let intake: EventIntake
    let options: EventServer.Options
    let token: String
    let logger: Logger
    /// The HTTP layer's own gauges, shared by every connection.
    let gauges: ServerGauges

    /// Counts `channel` as open until it closes, or refuses it when `maxConnections` are
    /// already open, or `maxPerPeer` from its address (one warning at the first refusal
    /// after a connection was admitted, not one per refusal).
    func admit(_ channel: any Channel) -> Bool {
        let peer = Admission.peer(channel.remoteAddress)
        if let (refusal, first) = gauges.admission.withLock({ $0.admit(peer) }) {
            switch refusal {
            case .limit:
                gauges.refusedAtLimit.add(1, ordering: .relaxed)
                if first { logger.warning("refusing connections: \(options.maxConnections) open, the limit (--max-connections)", metadata: ["peer": .string(peer)]) }
            case .peerLimit:
                gauges.refusedAtPeerLimit.add(1, ordering: .relaxed)
                if first { logger.warning("refusing connections from \(peer): \(options.maxPerPeer) open from it, the limit (--max-per-peer)", metadata: ["peer": .string(peer)]) }
            }
            return false
        }
        channel.closeFuture.whenComplete { _ in gauges.admission.withLock { $0.release(peer) } }
        return true
    }

    /// Answers for `intake` as `options` say, logging to `logger`; the gauges start at zero.
    init(intake: EventIntake, options: EventServer.Options, token: String, logger: Logger) {
        self.intake = intake
        self.options = options
        self.token = token
        self.logger = logger
        gauges = ServerGauges(admission: Admission(total: options.maxConnections, perPeer: options.maxPerPeer))
    }

    /// Whether `peer` may read `/metrics`: this machine, unless the request came through a
    /// proxy (a forwarding header), or a network of `--metrics-from`. The proxy in front
    /// forwards the public's requests from loopback, and the counters are not the public's.
    func mayScrape(_ peer: SocketAddress?, _ headers: HTTPHeaders) -> Bool {
        guard let peer else { return false }
        if options.metricsFrom.contains(where: { $0.contains(peer) }) { return true }
        let forwarded = ["forwarded", "x-forwarded-for", "x-real-ip"].contains { headers.contains(name: $0) }
        return !forwarded && Self.loopback.contains { $0.contains(peer) }
    }

    /// This machine's own addresses.
    private static let loopback = [CIDR("127.0.0.0/8")!, CIDR("::1")!]

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
/// (POSTs) read and not yet answered, which a graceful stop waits for; connections refused
/// at a limit, and those cut off because their request's head came too slowly or was not
/// HTTP. Counted on the connections' event loops as it happens, so a scrape sees it at once.
final class ServerGauges: Sendable {
    let admission: Mutex<Admission>
    let eventsInFlight = Atomic<Int>(0)
    let refusedAtLimit = Atomic<Int>(0)
    let refusedAtPeerLimit = Atomic<Int>(0)
    let slowHeads = Atomic<Int>(0)
    let badRequests = Atomic<Int>(0)

    init(admission: Admission) { self.admission = Mutex(admission) }

    /// The gauges in Prometheus' text format.
    var prometheus: String {
        """
        # HELP exocall_connections_open Connections open to the receiver.
        # TYPE exocall_connections_open gauge
        exocall_connections_open \(admission.withLock { $0.open })
        # HELP exocall_events_in_flight Event requests read and not yet answered (a graceful stop waits for them).
        # TYPE exocall_events_in_flight gauge
        exocall_events_in_flight \(eventsInFlight.load(ordering: .relaxed))
        # HELP exocall_connections_cut_total Connections closed by the receiver: at the limit (--max-connections), at one address's limit (--max-per-peer), a request head too slow (--deadline), or not HTTP (answered 400).
        # TYPE exocall_connections_cut_total counter
        exocall_connections_cut_total{reason="limit"} \(refusedAtLimit.load(ordering: .relaxed))
        exocall_connections_cut_total{reason="peer_limit"} \(refusedAtPeerLimit.load(ordering: .relaxed))
        exocall_connections_cut_total{reason="slow_head"} \(slowHeads.load(ordering: .relaxed))
        exocall_connections_cut_total{reason="bad_request"} \(badRequests.load(ordering: .relaxed))

        """
    }
}
