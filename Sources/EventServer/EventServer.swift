import CallbackCore
import CallEvents
import CallLogModel
import EventReceiver
import FoundationEssentials
import Glibc
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Localization
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// A request's context: the Hummingbird basics and who sent it (for `--allow-from`).
struct ReceiverContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// `exocall events serve`: Exolve's call events over HTTP into the call log, on Hummingbird 2.
/// Reads are bounded (headers 16 KiB, bodies 64 KiB: a declared length over it is 413 unread),
/// a body must arrive within `bodyDeadline`, an idle connection is closed after `idleTimeout`;
/// SIGTERM and SIGINT drain the requests in flight (swift-service-lifecycle), and every request
/// gets one log line on stderr with the token masked.
public enum EventServer {
    /// How the server runs.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// The address Exolve uses, when a proxy stands in front (`https://host/prefix`).
        public var publicURL: String?
        /// Only these networks may post; empty: anyone.
        public var allowFrom: [CIDR]
        /// How long a body may take to arrive.
        public var bodyDeadline: Duration = .seconds(10)
        /// How long a connection may stay idle (slow headers included).
        public var idleTimeout: TimeAmount = .seconds(10)
        /// Serve HTTPS with this certificate and key (checked before the port is bound), else plain HTTP.
        public var tls: ServerTLS?

        public init(host: String, port: Int, publicURL: String?, allowFrom: [CIDR]) {
            self.host = host
            self.port = port
            self.publicURL = publicURL
            self.allowFrom = allowFrom
        }
    }

    /// Serves until SIGTERM or SIGINT. `ready` hears the full event URL once the port is bound.
    /// `reopen` is asked for the call log while none is attached, and the spool drains every `drainEvery`.
    public static func run(_ intake: EventIntake, options: Options, token: String, logger: Logger,
                           reopen: @escaping @Sendable () async -> (any CallLogStore)?, drainEvery: Duration = .seconds(2),
                           handlesSignals: Bool = true, ready: @escaping @Sendable (String) -> Void) async throws {
        let responder = CallbackResponder<ReceiverContext> { request, context in
            await respond(request, context: context, intake: intake, options: options, token: token, logger: logger)
        }
        var decoder = HTTP1Channel.Configuration.DecoderConfiguration()
        decoder.maxHeaderFieldSize = 8 * 1024
        decoder.maxHeaderListSize = 16 * 1024
        decoder.maxHeaderFieldCount = 100
        let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: options.idleTimeout, httpDecoderConfiguration: decoder))
        let server = try options.tls.map { try HTTPServerBuilder.tls(http1, tlsConfiguration: $0.configuration) } ?? http1
        let scheme = options.tls == nil ? "http" : "https"
        let app = Application(
            responder: responder,
            server: server,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "exocall"),
            services: [SpoolDrain(intake: intake, every: drainEvery, reopen: reopen)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let base = options.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                    ?? "\(scheme)://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(port)"
                ready(base + "/events/" + token)
            },
            logger: logger
        )
        // In a TUI's process (the demo) the terminal's own signal handling stays in charge.
        try await app.runService(gracefulShutdownSignals: handlesSignals ? [UnixSignal.sigterm, UnixSignal.sigint] : [])
    }

    static func respond(_ request: Request, context: ReceiverContext, intake: EventIntake, options: Options, token: String,
                        logger: Logger) async -> Response {
        let started = ContinuousClock.now
        let path = request.uri.path
        let masked = path.replacing(token, with: "<token>")
        var answer: IntakeAnswer
        if !options.allowFrom.isEmpty, !(context.remoteAddress.map { address in options.allowFrom.contains { $0.contains(address) } } ?? false) {
            answer = IntakeAnswer(status: 404, body: "not found\n", outcome: "not_allowed")
        } else {
            let declared = request.headers[.contentLength].flatMap { Int($0) }
            var body: [UInt8] = []
            var refused: IntakeAnswer? = nil
            if request.method == .post, declared.map({ $0 <= CallEventParser.maxBodyBytes }) ?? true {
                let arriving = request
                switch await Deadline.race(options.bodyDeadline, {
                    var reading = arriving
                    return try await reading.collectBody(upTo: CallEventParser.maxBodyBytes)
                }) {
                case .finished(let buffer):
                    body = Array(buffer.readableBytesView)
                case .timedOut:
                    await intake.refuse("slow_body")
                    refused = IntakeAnswer(status: 408, body: "the body took too long\n", outcome: "refused_slow_body")
                case .failed:
                    await intake.refuse("too_large")
                    refused = IntakeAnswer(status: 413, body: "body over \(CallEventParser.maxBodyBytes) bytes\n", outcome: "refused_too_large")
                }
            }
            if let refused {
                answer = refused
            } else {
                answer = await intake.handle(method: request.method.rawValue, path: path, declaredLength: declared, body: body)
            }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method.rawValue) \(masked) \(answer.status) \(answer.outcome) \(Elapsed.tenths(milliseconds)) ms",
                    metadata: ["peer": .string(context.remoteAddress?.ipAddress ?? "-")])
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        // A refused body may still be arriving: the connection is closed rather than read to its end.
        if answer.status == 413 || answer.status == 408 { headers[.connection] = "close" }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
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
