import CallEvents
import EventReceiver
import NIOCore
import NIOHTTP1
import Synchronization

/// One connection's requests, one at a time: NIO's pipelining helper holds the next request
/// until this one's answer is written, and hands it on during that write, so each answer
/// carries its own request rather than reading the handler's. A request's head must arrive
/// whole within its deadline, counted from the connection's start or the previous answer
/// written (while an answer is being made the time is the receiver's, not the peer's): a head
/// trickled a byte at a time, each byte resetting the idle timeout, is cut off unanswered.
/// Every request's body is read up to the limit and within the deadline (only a POST's is
/// kept); a declared length over the limit is answered 413 before any of it is read, a
/// body that stops coming 408; both close the connection, since the rest may still arrive.
final class RequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Phase {
        /// Between requests.
        case idle
        /// Reading a request's body (kept only for a POST).
        case reading
        /// The request was refused before its end: the rest of it is ignored, the connection closes.
        case refused
    }

    /// What one request's answer needs, kept apart from the handler's state: the next
    /// request arrives while this one's answer is being written.
    private struct Request {
        let head: HTTPRequestHead
        let path: String
        let declared: Int?
        let started: ContinuousClock.Instant
        let refusedPeer: Bool
    }

    private let responder: Responder
    private var phase = Phase.idle
    private var request: Request?
    private var body: ByteBuffer?
    /// Bytes of the current request's body read and not kept (not a POST, or a refused peer's).
    private var discarded = 0
    private var deadline: Scheduled<Void>?
    /// The deadline of the head awaited, while every request read has been answered.
    private var headDeadline: Scheduled<Void>?
    /// Request heads read, and answers written, on this connection: a head is awaited when they are equal.
    private var headsRead = 0
    private var answersWritten = 0
    /// The answer being made for the previous request: answers go out in the requests' order.
    private var pending: Task<Void, Never>?
    /// Event requests (POSTs) of this connection read and not yet answered.
    private var eventsUnanswered = 0
    /// Whether NIO's parser has refused what this connection sent (answered 400).
    private var badRequest = false

    init(responder: Responder) { self.responder = responder }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            headsRead += 1
            headDeadline?.cancel()
            headDeadline = nil
            guard phase != .refused else { return }
            let request = Request(head: head, path: String(head.uri.prefix { $0 != "?" }),
                                  declared: head.headers.first(name: "content-length").flatMap { Int($0) }, started: .now,
                                  refusedPeer: !responder.allows(context.channel.remoteAddress))
            self.request = request
            body = nil
            discarded = 0
            phase = .reading
            if head.method == .POST {
                eventsUnanswered += 1
                responder.gauges.eventsInFlight.add(1, ordering: .relaxed)
            }
            // Every request's body is bounded and timed, kept or not: a GET declaring a huge
            // body, or a peer outside --allow-from, trickling one, held the connection too.
            if let declared = request.declared, declared > CallEventParser.maxBodyBytes {
                refuse(context, request, "too_large", Responder.tooLarge)
                return
            }
            if !request.refusedPeer, head.method == .POST {
                body = context.channel.allocator.buffer(capacity: min(request.declared ?? 1024, CallEventParser.maxBodyBytes))
            }
            let loop = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: TimeAmount(responder.options.bodyDeadline)) {
                let (handler, context) = loop.value
                if handler.phase == .reading {
                    handler.refuse(context, request, "slow_body", Responder.slowBody)
                }
            }
        case .body(var chunk):
            guard phase == .reading, let request else { return }
            // Counted for a body that is not kept as well: past the limit it is refused.
            discarded += body == nil ? chunk.readableBytes : 0
            guard body != nil else {
                if discarded > CallEventParser.maxBodyBytes {
                    refuse(context, request, "too_large", Responder.tooLarge)
                }
                return
            }
            if body!.readableBytes + chunk.readableBytes > CallEventParser.maxBodyBytes {
                refuse(context, request, "too_large", Responder.tooLarge)
                return
            }
            body!.writeBuffer(&chunk)
        case .end:
            guard phase == .reading, let request else { return }
            deadline?.cancel()
            deadline = nil
            phase = .idle
            if request.refusedPeer || (request.path == "/metrics" && !responder.mayScrape(context.channel.remoteAddress, request.head.headers)) {
                enqueueAnswer(context, request, close: false) { Responder.notAllowed }
                return
            }
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            body = nil
            let intake = responder.intake
            enqueueAnswer(context, request, close: false) {
                await intake.handle(method: request.head.method.rawValue, path: request.path, declaredLength: request.declared, body: bytes)
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Idle past the timeout: closed without an answer, unless the peer is waiting for
        // one (the intake's own deadline bounds how long it takes to make).
        if event is IdleStateHandler.IdleStateEvent, !(phase == .idle && headsRead > answersWritten) { context.close(promise: nil) }
        context.fireUserInboundEventTriggered(event)
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitHead(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        headDeadline?.cancel()
        headDeadline = nil
        // Requests the connection ended before their answers: no longer in flight.
        responder.gauges.eventsInFlight.subtract(eventsUnanswered, ordering: .relaxed)
        eventsUnanswered = 0
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A broken TLS handshake, a reset: the connection goes; NIO's own handler has
        // already answered 400 to what was not HTTP (or past the header limits), counted here.
        // Once per connection: the parser may report more than one error before it closes.
        // A message cut off by the connection's end (ours after a refusal or a deadline, or
        // the peer's) is not one it answered.
        if let parserError = error as? HTTPParserError, parserError != .invalidEOFState, !badRequest {
            badRequest = true
            responder.gauges.badRequests.add(1, ordering: .relaxed)
        }
        context.close(promise: nil)
    }

    /// Starts the deadline of the next request's head, when every request read is answered:
    /// past it, the connection is closed unanswered (and counted), however slowly bytes still come.
    private func awaitHead(_ context: ChannelHandlerContext) {
        guard headsRead == answersWritten, phase != .refused, headDeadline == nil else { return }
        let loop = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let heads = headsRead
        headDeadline = context.eventLoop.scheduleTask(in: TimeAmount(responder.options.headDeadline)) {
            let (handler, context) = loop.value
            handler.headDeadline = nil
            guard handler.headsRead == heads, handler.answersWritten == heads else { return }
            handler.responder.gauges.slowHeads.add(1, ordering: .relaxed)
            context.close(promise: nil)
        }
    }

    /// Answers a request refused before its body was read (after any answer still being
    /// made for the one before it), and closes the connection. A peer outside --allow-from
    /// is told only "not found", whatever the reason.
    private func refuse(_ context: ChannelHandlerContext, _ request: Request, _ reason: String, _ answer: IntakeAnswer) {
        let answer = request.refusedPeer ? Responder.notAllowed : answer
        deadline?.cancel()
        deadline = nil
        phase = .refused
        let intake = responder.intake
        enqueueAnswer(context, request, close: true) {
            await intake.refuse(reason)
            return answer
        }
    }

    /// Makes `request`'s answer with `make` and writes it once the answer before it is
    /// written: answers go out in the requests' order.
    private func enqueueAnswer(_ context: ChannelHandlerContext, _ request: Request, close: Bool,
                               _ make: @escaping @Sendable () async -> IntakeAnswer) {
        let previous = pending
        let loop = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        pending = Task {
            let answer = await make()
            await previous?.value
            loop.eventLoop.execute { loop.value.0.answer(loop.value.1, request, answer, close: close) }
        }
    }

    private func answer(_ context: ChannelHandlerContext, _ request: Request, _ answer: IntakeAnswer, close: Bool) {
        let head = request.head
        var answer = answer
        if head.method == .POST, eventsUnanswered > 0 {
            eventsUnanswered -= 1
            responder.gauges.eventsInFlight.subtract(1, ordering: .relaxed)
        }
        if answer.outcome == "metrics" { answer.body += responder.gauges.prometheus }
        let closing = close || !head.isKeepAlive
        var headers = HTTPHeaders([("content-type", "text/plain; charset=utf-8"), ("content-length", String(answer.body.utf8.count)),
                                   ("server", "exocall")])
        if closing { headers.add(name: "connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: answer.status), headers: headers))),
                      promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: answer.body)))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        answersWritten += 1
        if closing { written.whenComplete { _ in context.close(promise: nil) } } else { awaitHead(context) }
        responder.log(method: head.method.rawValue, path: request.path, answer: answer, started: request.started, peer: context.channel.remoteAddress)
    }
}
