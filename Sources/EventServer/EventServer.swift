import CallbackCore
import CallEvents
import CallLogModel
import EventReceiver
import Glibc
import Localization
import Logging
import NIOCore
import NIOExtras
import NIOHTTP1
import NIOPosix
import NIOSSL
import ServiceLifecycle
import UnixSignals

/// `exocall events serve`: Exolve's call events over HTTP into the call log, on SwiftNIO's
/// HTTP/1 server. Reads are bounded (headers 16 KiB, a field 8 KiB, 100 fields; bodies
/// 64 KiB: a declared length over it is 413 unread), a request's head must arrive whole
/// within `headDeadline` and its body within `bodyDeadline`, an idle connection is closed
/// after `idleTimeout`, at most `maxConnections` are open at once (`maxPerPeer` from one
/// address), and a peer that does not read its answers is not read either. SIGTERM and
/// SIGINT stop accepting and drain the requests in flight (swift-service-lifecycle, NIO's
/// quiescing helper), and every request gets one log line on stderr with the token masked.
public enum EventServer {
    /// How the server runs.
    public struct Options: Sendable {
        /// The address to listen on.
        public var host: String
        /// The port to listen on (0: any free one, printed in the URL).
        public var port: Int
        /// The address Exolve uses, when a proxy stands in front (`https://host/prefix`).
        public var publicURL: String?
        /// Only these networks may post; empty: anyone.
        public var allowFrom: [CIDR]
        /// Who may read `/metrics` besides this machine (a request from it through a proxy,
        /// one with a forwarding header, may not: it came from outside).
        public var metricsFrom: [CIDR] = []
        /// How long a request's head may take to arrive whole, counted from the connection's
        /// start or from the previous answer written (a head trickled a byte at a time is cut).
        public var headDeadline: Duration = .seconds(10)
        /// How long a body may take to arrive.
        public var bodyDeadline: Duration = .seconds(10)
        /// Connections open at once; one more is closed as soon as it is accepted.
        public var maxConnections = 256
        /// Connections open at once from one address, an IPv6 one counted by its /64 (behind a
        /// proxy, every one is the proxy's).
        public var maxPerPeer = 64
        /// How long a connection may stay idle while the receiver waits for the peer (not while
        /// an answer is being made).
        public var idleTimeout: TimeAmount = .seconds(10)
        /// How long a graceful stop waits for the requests in flight.
        public var drainTimeout: Duration = .seconds(10)
        /// Serve HTTPS with this certificate and key (checked before the port is bound), else plain HTTP.
        public var tls: ServerTLS?

        /// Listening on `host:port`, with the default deadlines and no TLS.
        public init(host: String, port: Int, publicURL: String?, allowFrom: [CIDR]) {
            self.host = host
            self.port = port
            self.publicURL = publicURL
            self.allowFrom = allowFrom
        }
    }

    /// The header limits: far above any event's, far below what would let a peer make the
    /// receiver hold much.
    static var headerLimits: NIOHTTPDecoderLimitConfiguration {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 8 * 1024
        limits.maxHeaderListSize = 16 * 1024
        limits.maxHeaderFieldCount = 100
        return limits
    }

    /// Serves until SIGTERM or SIGINT (or until the task is cancelled). `ready` hears the full
    /// event URL once the port is bound. `reopen` is asked for the call log while none is
    /// attached, and the spool drains every `drainEvery`.
    public static func run(_ intake: EventIntake, options: Options, token: String, logger: Logger,
                           reopen: @escaping @Sendable () async -> (any CallLogStore)?, drainEvery: Duration = .seconds(2),
                           handlesSignals: Bool = true, ready: @escaping @Sendable (String) -> Void) async throws {
        let tls = try options.tls.map { try NIOSSLContext(configuration: $0.configuration) }
        // SIGTERM and SIGINT are trapped before the port is bound. The service group traps
        // them only once it runs, after the URL is printed and requests are served: a signal
        // in between (a quick restart) took the default action, and a request in flight died
        // unanswered with the process.
        let signals = handlesSignals ? await UnixSignalsSequence(trapping: UnixSignal.sigterm, UnixSignal.sigint) : nil
        let group = MultiThreadedEventLoopGroup.singleton
        let quiesce = ServerQuiescingHelper(group: group)
        let responder = Responder(intake: intake, options: options, token: token, logger: logger)
        let limits = headerLimits
        let idle = options.idleTimeout
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiesce.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard responder.admit(channel) else {
                        channel.close(promise: nil)
                        return
                    }
                    let sync = channel.pipeline.syncOperations
                    if let tls { try sync.addHandler(NIOSSLServerHandler(context: tls)) }
                    // No more reading while the answers already made cannot be written: a
                    // peer pipelining requests without reading its answers made the receiver
                    // hold them all (8 MB sent took it from 19 to 70 MB).
                    try sync.addHandler(BackPressureHandler())
                    try sync.addHandler(IdleStateHandler(readTimeout: idle))
                    try sync.configureHTTPServerPipeline(withErrorHandling: true, withEncoderConfiguration: .init(),
                                                         withDecoderLimitConfiguration: limits)
                    try sync.addHandler(RequestHandler(responder: responder))
                }
            }
            .bind(host: options.host, port: options.port).get()
        let scheme = options.tls == nil ? "http" : "https"
        let port = channel.localAddress?.port ?? options.port
        let base = options.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            ?? "\(scheme)://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(port)"
        ready(base + "/events/" + token)
        let services = ServiceGroup(configuration: .init(
            services: [.init(service: Listener(channel: channel, quiesce: quiesce, drainTimeout: options.drainTimeout)),
                       .init(service: SpoolDrain(intake: intake, every: drainEvery, reopen: reopen))],
            // The signals trapped above stop it (in a TUI's process, the demo, none are: the
            // terminal's own signal handling stays in charge).
            gracefulShutdownSignals: [],
            logger: logger))
        // A signal caught before the group runs is remembered by it, and applied when it starts.
        let stopping = signals.map { signals in
            Task {
                for await _ in signals { await services.triggerGracefulShutdown() }
            }
        }
        defer { stopping?.cancel() }
        try await services.run()
    }
}

/// The bound port, as a service: on a graceful stop it stops accepting, lets each connection
/// finish the request it is in (idle ones close at once), and returns when all are closed or
/// `drainTimeout` has passed; on cancellation it closes at once.
struct Listener: Service {
    let channel: any Channel
    let quiesce: ServerQuiescingHelper
    let drainTimeout: Duration

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            try? await channel.close()
            return
        }
        let drained = channel.eventLoop.makePromise(of: Void.self)
        quiesce.initiateShutdown(promise: drained)
        let future = drained.futureResult
        _ = await Deadline.race(drainTimeout) { try await future.get() }
        try? await channel.close()
    }
}

/// Applies the spool to the call log every few seconds (and opens the log when it was down at start).
struct SpoolDrain: Service {
    let intake: EventIntake
    let every: Duration
    let reopen: @Sendable () async -> (any CallLogStore)?

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            if await !intake.hasStore, let store = await reopen() { await intake.attach(store) }
            await intake.drain()
            // Asleep until the next round, or until the group shuts down (SIGTERM does not wait for it).
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Whether the task is cancelled or the service group is shutting down gracefully.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
