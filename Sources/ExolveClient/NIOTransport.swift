import Synchronization
import FoundationEssentials
import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOTLS
import Localization

/// `HTTPTransport` over SwiftNIO, HTTP/1.1 and BoringSSL, all linked into the
/// binary: nothing of it is loaded or started until the first request (the event
/// loop threads and the TLS context are made on first use), so the program's
/// start never pays for it. Each request has its own connection, closed after the
/// answer (`Connection: close`): nothing is pooled, nothing is replayed, and a 3xx
/// answer is returned as it is, never followed. Certificates and host names are
/// verified against the system's trust store.
public struct NIOTransport: HTTPTransport {
    /// Creates the transport.
    public init() {}

    /// What a timeout after the request left says.
    static let timeoutReason = Localized.phrase(.transportNoAnswerInTime)

    /// How much of an answer's body is kept; the rest is counted and dropped.
    public static let bodyCap = 1 << 20

    /// The TLS context, built (the trust store read) on the first https request.
    private static let tls: Result<NIOSSLContext, any Error> = Result {
        try NIOSSLContext(configuration: TLSConfiguration.makeClientConfiguration())
    }

    /// Performs the request once. The timeout bounds the whole exchange, connection
    /// and body included: a server that trickles or never ends its answer is cut off
    /// at the deadline (the outcome is then unknown: the request was sent).
    public func perform(_ request: TransportRequest) async -> TransportResult {
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return .failedBeforeSending(.phrase(.transportBadURL, ["url": .verbatim(request.url)])) }
        let secure = scheme == "https"
        let port = url.port ?? (secure ? 443 : 80)
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        // No compressed answers: what arrives is what is counted against the cap.
        headers.add(name: "Accept-Encoding", value: "identity")
        headers.add(name: "Content-Length", value: String(request.body.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target, headers: headers)

        var context: NIOSSLContext?
        if secure {
            switch Self.tls {
            case .success(let built): context = built
            case .failure(let error): return .failedBeforeSending(.phrase(.transportTLSSetup, ["error": .verbatim("\(error)")]))
            }
        }
        let exchange = Exchange(cap: Self.bodyCap)
        let nanoseconds = max(1, request.timeout.components.seconds * 1_000_000_000 + request.timeout.components.attoseconds / 1_000_000_000)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let body = request.body
        let hostname = secure && !Self.isIPAddress(host) ? host : nil
        return await withCheckedContinuation { continuation in
            exchange.start(continuation)
            let deadline = loop.scheduleTask(in: .nanoseconds(nanoseconds)) {
                if exchange.hasWritten {
                    exchange.finish(.failedAfterSending(Self.timeoutReason))
                } else {
                    exchange.finish(.failedBeforeSending(.phrase(exchange.channel == nil
                        ? .transportNoConnectionInTime : .transportHandshakeInTime)))
                }
                exchange.channel?.close(promise: nil)
            }
            exchange.onFinish = { deadline.cancel() }
            ClientBootstrap(group: loop)
                .connectTimeout(.nanoseconds(nanoseconds))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        if let context {
                            try sync.addHandler(NIOSSLClientHandler(context: context, serverHostname: hostname))
                        }
                        try sync.addHTTPClientHandlers()
                        try sync.addHandler(ExchangeHandler(exchange: exchange, head: head, body: body, waitsForTLS: context != nil))
                    }
                }
                .connect(host: host, port: port)
                .whenComplete { result in
                    switch result {
                    case .success(let channel):
                        exchange.channel = channel
                        if exchange.isDone { channel.close(promise: nil) }
                    case .failure(let error):
                        exchange.finish(.failedBeforeSending(Self.connectReason(error)))
                    }
                }
        }
    }

    /// Why a connection could not be made, in an operator's words.
    static func connectReason(_ error: any Error) -> Localized {
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .phrase(.transportHostNotFound)
            }
            if let first = error.connectionErrors.first { return connectReason(first.error) }
            return .phrase(.transportCouldNotConnect)
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return .phrase(.transportRefused)
            case ENETUNREACH, EHOSTUNREACH: return .phrase(.transportNoRoute)
            default: return .phrase(.transportCouldNotConnectBecause, ["error": .verbatim(error.description)])
            }
        }
        if case ChannelError.connectTimeout = error { return .phrase(.transportNoConnectionInTime) }
        if TLSWords.isTLS(error) { return TLSWords.reason(error) }
        return .phrase(.transportCouldNotConnectBecause, ["error": .verbatim("\(error)")])
    }

    /// Whether `host` is an IPv4 or IPv6 literal (these are not sent as a TLS server name),
    /// for every TLS connection exocall makes (the team database's too).
    public static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return inet_pton(AF_INET, bare, &v4) == 1 || inet_pton(AF_INET6, bare, &v6) == 1
    }
}

/// One exchange's answer as it streams in: the status, the body up to the cap
/// (the rest counted), whether a byte of the request was handed to the socket,
/// and exactly one result however the exchange ends.
private final class Exchange: @unchecked Sendable {
    private let lock = Mutex(())
    private let cap: Int
    private var continuation: CheckedContinuation<TransportResult, Never>?
    private var status: Int?
    private var body: [UInt8] = []
    private var dropped = 0
    private var done = false
    private var written = false
    private var connection: (any Channel)?
    private var finished: (@Sendable () -> Void)?

    init(cap: Int) { self.cap = cap }

    /// The connection, once made.
    var channel: (any Channel)? {
        get { lock.withLock { _ in connection } }
        set { lock.withLock { _ in connection = newValue } }
    }
    /// Called once, when the result is delivered.
    var onFinish: (@Sendable () -> Void)? {
        get { lock.withLock { _ in finished } }
        set { lock.withLock { _ in finished = newValue } }
    }
    var isDone: Bool { lock.withLock { _ in done } }
    var hasWritten: Bool { lock.withLock { _ in written } }

    func start(_ continuation: CheckedContinuation<TransportResult, Never>) { lock.withLock { _ in self.continuation = continuation } }
    func markWritten() { lock.withLock { _ in written = true } }
    func received(status: Int) { lock.withLock { _ in self.status = status } }
    func received(_ bytes: ByteBuffer) {
        lock.withLock { _ in
            let room = max(0, cap - body.count)
            if room > 0 { body += bytes.readableBytesView.prefix(room) }
            dropped += max(0, bytes.readableBytes - room)
        }
    }

    /// The answer ended: deliver what arrived.
    func answered() {
        let (status, body, dropped) = lock.withLock { _ in (self.status, self.body, self.dropped) }
        guard let status else { return finish(.failedAfterSending(.phrase(.transportNotHTTP))) }
        finish(.response(status: status, body: body, dropped: dropped))
    }

    /// The exchange failed with `reason`: not sent if no byte of the request was handed over.
    func failed(_ reason: Localized) {
        finish(hasWritten ? .failedAfterSending(reason) : .failedBeforeSending(reason))
    }

    /// The connection closed before the answer ended.
    func closed() {
        let answering = lock.withLock { _ in status != nil }
        failed(.phrase(answering ? .transportClosedMidAnswer : .transportClosedSilently))
    }

    /// Delivers the result once; later calls do nothing.
    func finish(_ result: TransportResult) {
        let (resume, onFinish) = lock.withLock { (_: inout ()) -> (CheckedContinuation<TransportResult, Never>?, (@Sendable () -> Void)?) in
            guard !done else { return (nil, nil) }
            done = true
            defer { continuation = nil }
            return (continuation, finished)
        }
        resume?.resume(returning: result)
        if resume != nil { onFinish?() }
    }
}

/// Sends the request once the connection (and its TLS handshake) is up, and hands
/// the answer's parts to the exchange.
private final class ExchangeHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let exchange: Exchange
    private let head: HTTPRequestHead
    private let body: [UInt8]
    private let waitsForTLS: Bool
    private var interim = false

    init(exchange: Exchange, head: HTTPRequestHead, body: [UInt8], waitsForTLS: Bool) {
        self.exchange = exchange
        self.head = head
        self.body = body
        self.waitsForTLS = waitsForTLS
    }

    func channelActive(context: ChannelHandlerContext) {
        if !waitsForTLS { send(context) }
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if waitsForTLS, case .handshakeCompleted = event as? TLSUserEvent { send(context) }
        context.fireUserInboundEventTriggered(event)
    }

    private func send(_ context: ChannelHandlerContext) {
        exchange.markWritten()
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let response):
            // 1xx answers are interim; the real one follows.
            interim = response.status.code < 200
            if !interim { exchange.received(status: Int(response.status.code)) }
        case .body(let bytes):
            exchange.received(bytes)
        case .end:
            if interim { interim = false; return }
            exchange.answered()
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError {
            exchange.failed(.phrase(.transportNotHTTP))
        } else if !exchange.hasWritten, TLSWords.isTLS(error) {
            exchange.failed(TLSWords.reason(error))
        } else {
            exchange.failed(.phrase(.transportConnectionFailed, ["error": .verbatim("\(error)")]))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        exchange.closed()
        context.fireChannelInactive()
    }
}
