import NIOCore
import NIOPosix
import NIOSSL

/// One PostgreSQL session over protocol 3.0, for one operation at a time (its owner lends
/// it out in turn): parameterised statements with text results, LISTEN, and sign-in by
/// password, md5 or SCRAM-SHA-256, in TLS when asked. Notifications arrive between
/// operations. exocall's own client: the library it replaces brought Foundation's
/// Objective-C layer, and with it ICU's 34 MB of tables, into the binary (issue #32).
public final class WireConnection: Sendable {
    private let channel: any Channel
    private let mailbox: Mailbox

    private init(channel: any Channel, mailbox: Mailbox) {
        self.channel = channel
        self.mailbox = mailbox
    }

    /// Connects and signs in; throws `WireError`.
    public static func connect(_ configuration: WireConfiguration) async throws(WireError) -> WireConnection {
        let mailbox = Mailbox()
        let wantsTLS: Bool
        if case .disable = configuration.tls { wantsTLS = false } else { wantsTLS = true }
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(configuration.connectTimeout))
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(ByteToMessageHandler(BackendDecoder(expectsSSLAnswer: wantsTLS)))
                        try sync.addHandler(MailboxHandler(mailbox: mailbox))
                    }
                }
                .connect(host: configuration.host, port: configuration.port).get()
        } catch {
            throw .connection(error)
        }
        let connection = WireConnection(channel: channel, mailbox: mailbox)
        do {
            try await connection.start(configuration)
        } catch {
            connection.channel.close(promise: nil)
            throw error
        }
        return connection
    }

    /// Whether the connection is gone (then its owner makes another).
    public var isClosed: Bool { mailbox.failure != nil || !channel.isActive }

    /// Runs `query`; returns its rows. The server's refusal throws `.server` once the
    /// server is ready again, so the connection stays usable.
    @discardableResult
    public func query(_ query: WireQuery) async throws(WireError) -> [WireRow] {
        guard !query.sql.utf8.contains(0) else { throw .protocolViolation("a statement with a zero byte") }
        var buffer = channel.allocator.buffer(capacity: 64 + query.sql.utf8.count)
        FrontendMessage.parse(sql: query.sql, types: query.binds.types).write(into: &buffer)
        FrontendMessage.bind(query.binds.values).write(into: &buffer)
        FrontendMessage.execute.write(into: &buffer)
        FrontendMessage.sync.write(into: &buffer)
        try await send(buffer)
        var rows: [WireRow] = []
        var refusal: ServerFields?
        while true {
            switch try await next() {
            case .dataRow(let columns): rows.append(WireRow(columns: columns))
            case .error(let fields): refusal = fields
            case .readyForQuery:
                if let refusal { throw .server(refusal) }
                return rows
            case .unsupported(let type):
                channel.close(promise: nil)
                throw .protocolViolation("the server started '\(Character(Unicode.Scalar(type)))' (COPY), which exocall never asks for")
            default: continue
            }
        }
    }

    /// Listens on `channelName` (LISTEN, sent now); the notifications that follow, until
    /// the connection is lost (then the sequence throws).
    public func listen(_ channelName: String) async throws(WireError) -> AsyncThrowingStream<WireNotification, any Error> {
        let notifications = mailbox.listen()
        try await query(WireQuery(sql: "LISTEN \"" + channelName.replacing("\"", with: "\"\"") + "\""))
        return notifications
    }

    /// Ends the session: Terminate, then the socket closed once it is written, or after a
    /// second (a server that stops reading, a TLS handshake that never ends, cannot hold it).
    public func close() async {
        guard channel.isActive else { return }
        let channel = self.channel
        var buffer = channel.allocator.buffer(capacity: 5)
        FrontendMessage.terminate.write(into: &buffer)
        let timer = channel.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
        channel.writeAndFlush(buffer).whenComplete { _ in
            timer.cancel()
            channel.close(promise: nil)
        }
        try? await channel.closeFuture.get()
    }

    // MARK: - Starting the session

    private func start(_ configuration: WireConfiguration) async throws(WireError) {
        switch configuration.tls {
        case .disable: break
        case .prefer(let context), .require(let context):
            var request = channel.allocator.buffer(capacity: 8)
            FrontendMessage.sslRequest.write(into: &request)
            try await send(request)
            guard case .sslAnswer(let accepted) = try await next() else { throw .protocolViolation("no answer to the TLS request") }
            if accepted {
                do {
                    let name = configuration.serverName
                    let channel = self.channel
                    try await channel.eventLoop.submit {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: name), position: .first)
                    }.get()
                } catch {
                    throw .connection(error)
                }
            } else if case .require = configuration.tls {
                throw .tlsUnsupported
            }
        }
        var parameters = [("user", configuration.user), ("client_encoding", "UTF8")]
        if let database = configuration.database { parameters.append(("database", database)) }
        if let name = configuration.applicationName { parameters.append(("application_name", name)) }
        guard !parameters.contains(where: { $0.0.utf8.contains(0) || $0.1.utf8.contains(0) }) else {
            throw .protocolViolation("a connection setting with a zero byte")
        }
        try await send(.startup(parameters))
        var scram: SCRAM?
        var expectedSignature: [UInt8] = []
        while true {
            switch try await next() {
            case .authentication(code: 0, _):
                break
            case .authentication(code: 3, _):
                guard let password = configuration.password else { throw .needsPassword }
                try await send(.password(password))
            case .authentication(code: 5, let salt):
                guard let password = configuration.password else { throw .needsPassword }
                guard salt.count == 4 else { throw .protocolViolation("an md5 request without its salt") }
                try await send(.password(MD5.password(password, user: configuration.user, salt: salt)))
            case .authentication(code: 10, let data):
                let mechanisms = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                guard mechanisms.contains("SCRAM-SHA-256") else { throw .unsupportedAuthentication(10) }
                guard let password = configuration.password else { throw .needsPassword }
                let client = SCRAM(password: password)
                scram = client
                try await send(.saslInitial(mechanism: "SCRAM-SHA-256", data: Array(client.clientFirst.utf8)))
            case .authentication(code: 11, let data):
                guard let client = scram else { throw .protocolViolation("SASL data before SASL began") }
                let message: String
                do {
                    (message, expectedSignature) = try client.final(serverFirst: String(decoding: data, as: UTF8.self))
                } catch {
                    throw .sasl(error.reason)
                }
                try await send(.saslResponse(Array(message.utf8)))
            case .authentication(code: 12, let data):
                guard scram != nil else { throw .protocolViolation("SASL data before SASL began") }
                do {
                    try SCRAM.verify(serverFinal: String(decoding: data, as: UTF8.self), expected: expectedSignature)
                } catch {
                    throw .sasl(error.reason)
                }
            case .authentication(let code, _):
                throw .unsupportedAuthentication(code)
            case .error(let fields):
                throw .server(fields)
            case .readyForQuery:
                // A server that skips SCRAM's proof after it began is not trusted.
                if scram != nil, expectedSignature.isEmpty { throw .sasl("the server did not finish SCRAM") }
                return
            case .unsupported, .sslAnswer:
                throw .protocolViolation("an unexpected message while signing in")
            default:
                continue
            }
        }
    }

    // MARK: - The wire

    private func send(_ message: FrontendMessage) async throws(WireError) {
        var buffer = channel.allocator.buffer(capacity: 64)
        message.write(into: &buffer)
        try await send(buffer)
    }

    /// Writes `buffer`; an operation cancelled while the write waits (a TLS handshake that
    /// never ends holds writes back) closes the connection, as `next` does.
    private func send(_ buffer: ByteBuffer) async throws(WireError) {
        let channel = self.channel
        do {
            try await withTaskCancellationHandler {
                try await channel.writeAndFlush(buffer).get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            // The channel's own reason (a TLS handshake refused...) rather than the write's.
            throw mailbox.failure ?? .connection(error)
        }
    }

    /// The next message; an operation cancelled while it waits closes the connection
    /// (its state on the server is unknown), so the next operation connects again.
    private func next() async throws(WireError) -> BackendMessage {
        let channel = self.channel
        do {
            return try await withTaskCancellationHandler {
                try await mailbox.next()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch let error as WireError {
            throw error
        } catch {
            throw .connection(error)
        }
    }

}

/// Hands the decoded messages to the mailbox, and the connection's end to it.
private final class MailboxHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = BackendMessage

    let mailbox: Mailbox

    init(mailbox: Mailbox) { self.mailbox = mailbox }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        mailbox.deliver(unwrapInboundIn(data))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        mailbox.fail(.connection(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        mailbox.fail(.closed)
        context.fireChannelInactive()
    }
}
