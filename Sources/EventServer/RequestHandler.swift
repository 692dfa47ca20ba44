import CallEvents
import EventReceiver
import NIOCore
import NIOHTTP1

/// One connection's requests, one at a time (NIO's pipelining helper holds the next until
/// this one is answered). A POST's body is collected up to the limit and within the
/// deadline; a declared length over the limit is answered 413 before any of it is read, a
/// body that stops coming 408; both close the connection, since the rest may still arrive.
final class RequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Phase {
        /// Between requests.
        case idle
        /// Reading a request's body (kept only for a POST).
        case reading
        /// The request is answered (or being answered): its remaining parts are ignored.
        case answered
    }

    private let responder: Responder
    private var phase = Phase.idle
    private var head: HTTPRequestHead?
    private var path = ""
    private var declared: Int?
    private var body: ByteBuffer?
    private var refusedPeer = false
    private var started = ContinuousClock.now
    private var deadline: Scheduled<Void>?

    init(responder: Responder) { self.responder = responder }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            started = .now
            head = request
            path = String(request.uri.prefix { $0 != "?" })
            declared = request.headers.first(name: "content-length").flatMap { Int($0) }
            refusedPeer = !responder.allows(context.channel.remoteAddress)
            body = nil
            phase = .reading
            guard !refusedPeer, request.method == .POST else { return }
            if let declared, declared > CallEventParser.maxBodyBytes {
                refuse(context, "too_large", Responder.tooLarge)
                return
            }
            body = context.channel.allocator.buffer(capacity: min(declared ?? 1024, CallEventParser.maxBodyBytes))
            let loop = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let seconds = responder.options.bodyDeadline.components
            deadline = context.eventLoop.scheduleTask(in: .nanoseconds(seconds.seconds * 1_000_000_000 + seconds.attoseconds / 1_000_000_000)) {
                let (handler, context) = loop.value
                if handler.phase == .reading { handler.refuse(context, "slow_body", Responder.slowBody) }
            }
        case .body(var chunk):
            guard phase == .reading, body != nil else { return }
            if body!.readableBytes + chunk.readableBytes > CallEventParser.maxBodyBytes {
                refuse(context, "too_large", Responder.tooLarge)
                return
            }
            body!.writeBuffer(&chunk)
        case .end:
            guard phase == .reading, let head else { phase = .idle; return }
            deadline?.cancel()
            deadline = nil
            phase = .answered
            if refusedPeer {
                answer(context, Responder.notAllowed, close: false)
                return
            }
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            let intake = responder.intake, path = self.path, declared = self.declared
            let loop = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            Task {
                let answer = await intake.handle(method: head.method.rawValue, path: path, declaredLength: declared, body: bytes)
                loop.eventLoop.execute {
                    let (handler, context) = loop.value
                    handler.answer(context, answer, close: false)
                }
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Idle past the timeout (slow headers included): closed without an answer.
        if event is IdleStateHandler.IdleStateEvent { context.close(promise: nil) }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A broken TLS handshake, a reset: the connection goes; NIO's own handler has
        // already answered 400 to what was not HTTP.
        context.close(promise: nil)
    }

    /// Answers a request refused before its body was read, and closes the connection.
    private func refuse(_ context: ChannelHandlerContext, _ reason: String, _ answer: IntakeAnswer) {
        deadline?.cancel()
        deadline = nil
        phase = .answered
        let intake = responder.intake
        Task { await intake.refuse(reason) }
        self.answer(context, answer, close: true)
    }

    private func answer(_ context: ChannelHandlerContext, _ answer: IntakeAnswer, close: Bool) {
        guard let head else { return }
        let closing = close || !head.isKeepAlive
        var headers = HTTPHeaders([("content-type", "text/plain; charset=utf-8"), ("content-length", String(answer.body.utf8.count)),
                                   ("server", "exocall")])
        if closing { headers.add(name: "connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: answer.status), headers: headers))),
                      promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: answer.body)))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if closing { written.whenComplete { _ in context.close(promise: nil) } }
        responder.log(method: head.method.rawValue, path: path, answer: answer, started: started, peer: context.channel.remoteAddress)
        if !close { phase = .idle }
    }
}
