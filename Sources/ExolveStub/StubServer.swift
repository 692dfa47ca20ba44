import CallbackCore
import FoundationEssentials
import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix

/// A local stand-in for the Exolve MakeCallback endpoint, for tests, demos and
/// first steps without an account. It answers as the spec says: 401 for a
/// missing or wrong key, 400 naming the field when the shared validator
/// refuses the body, 200 with a 19-digit call_id otherwise, and the
/// `StubScenario` failures on request.
public actor StubServer {
    /// One request as the server received it, for tests to inspect.
    public struct Received: Sendable {
        /// HTTP method.
        public var method: String
        /// Request path.
        public var path: String
        /// Headers as received (names lower-cased).
        public var headers: [String: String]
        /// Body bytes exactly as received.
        public var body: [UInt8]
    }

    private let host: String
    private let port: UInt16
    private let apiKey: String?
    private var channel: (any Channel)?
    private var log: [Received] = []
    private let onRequest: (@Sendable (String) -> Void)?
    /// Where each placed call's events go (a receiver's URL, posted by the caller's HTTP client).
    private var eventSink: (@Sendable ([UInt8]) async -> Void)? = nil
    private var lives: [Task<Void, Never>] = []
    /// The calls placed, for the call history it serves.
    private var placed: [CallHistoryListing.Call] = []

    /// Plays each call placed from now on as Exolve's events, each body handed to `sink` in turn.
    public func sendEvents(to sink: @escaping @Sendable ([UInt8]) async -> Void) {
        eventSink = sink
    }

    /// Creates a server. With `apiKey` nil, any non-empty Bearer token is accepted.
    /// `onRequest` receives one line per request (method, path, status), for a console.
    public init(host: String = "127.0.0.1", port: UInt16 = 0, apiKey: String? = nil,
                onRequest: (@Sendable (String) -> Void)? = nil) {
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.onRequest = onRequest
    }

    /// Starts listening and returns the base URL (`http://127.0.0.1:PORT`).
    public func start() async throws -> String {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [weak self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(StubHTTPHandler(server: self))
                }
            }
            .bind(host: host, port: Int(port)).get()
        self.channel = channel
        guard let bound = channel.localAddress, let ip = bound.ipAddress, let port = bound.port else { throw StubError.notListening }
        return host.contains(":") ? "http://[\(ip)]:\(port)" : "http://\(ip):\(port)"
    }

    /// Stops listening (and the calls' lives still playing).
    public func stop() async {
        for life in lives { life.cancel() }
        lives = []
        try? await channel?.close()
        channel = nil
    }

    /// Every request received so far, oldest first.
    public var received: [Received] { log }

    /// The server could not bind.
    public enum StubError: Error { case notListening }

    // MARK: - Handling

    func handle(method: String, path: String, headers: [String: String], body: [UInt8]) async -> StubResponse {
        log.append(Received(method: method, path: path, headers: headers, body: body))
        let response = await respond(method: method, path: path, headers: headers, body: body)
        onRequest?("\(method) \(path) -> \(response.drop ? "connection dropped" : String(response.status))")
        return response
    }

    private func respond(method: String, path: String, headers: [String: String], body: [UInt8]) async -> StubResponse {
        guard [APIPath.makeCallback, APIPath.numbers, APIPath.callbackResources, APIPath.callHistory].contains(path) else {
            return Self.grpcError(404, code: 5, "Not Found")
        }
        guard method == "POST" else { return Self.grpcError(405, code: 12, "Method Not Allowed") }
        guard authorized(headers["authorization"]) else { return Self.grpcError(401, code: 16, "malformed token") }
        if path == APIPath.callHistory {
            return CallHistoryListing.respond(placed, body: body, token: String((headers["authorization"] ?? "").dropFirst(7)))
        }
        if path != APIPath.makeCallback {
            return AccountListing.respond(path: path, body: body, token: String((headers["authorization"] ?? "").dropFirst(7)))
        }
        guard let json = try? JSONParser.parse(body) else {
            return Self.grpcError(400, code: 3, "invalid character in request body: not JSON")
        }
        var description: String? = nil
        if case .string(let text)? = json["request_description"] { description = text }
        switch StubScenario.parse(description) {
        case .failure(let unknown)?:
            let known = StubScenario.catalog.map(\.tag).joined(separator: ", ")
            return Self.grpcError(400, code: 3, "unknown stub scenario \"stub:\(unknown.tag)\"; known: \(known)")
        case .success(.forbidden)?: return Self.grpcError(403, code: 7, "customer not active")
        case .success(.gatewayTimeout)?: return StubResponse(status: 504, contentType: nil, body: [])
        case .success(.internalError)?: return Self.grpcError(500, code: 13, "internal error")
        case .success(.garbage)?:
            return StubResponse(status: 200, contentType: "text/html", body: Array("<html>502 upstream glitch".utf8))
        case .success(.drop)?: return StubResponse(status: 0, contentType: nil, body: [], drop: true)
        case .success(.slow(let seconds))?:
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        case .success(.life)?, nil: break
        }
        let result = RequestValidator.validate(json)
        guard let request = result.request else {
            return Self.grpcError(400, code: 3, Self.vendorMessage(for: result.errors[0])) // like the real API, only errors refuse
        }
        let callID = Self.newCallID()
        var plot = CallLife.Plot.talk(seconds: 3)
        if case .success(.life(let chosen))? = StubScenario.parse(description) { plot = chosen }
        // Its call history: the talk time its life has (none when a leg never answers).
        var talk = 0
        if case .talk(let seconds) = plot { talk = seconds }
        placed.append(CallHistoryListing.Call(callID: callID, at: Date(), talkSeconds: talk))
        if let sink = eventSink {
            let steps = CallLife.events(callID: callID, operatorNumber: request.line1.destinations.first?.number ?? "",
                                        clientNumber: request.line2.destinations.first?.number ?? "", plot: plot, start: Date())
            lives.removeAll { $0.isCancelled }
            lives.append(Task.detached {
                for step in steps {
                    try? await Task.sleep(for: .milliseconds(Int(step.delay * 1000)))
                    if Task.isCancelled { return }
                    await sink(Array(step.body.utf8))
                }
            })
        }
        let answer = JSONValue.object([
            .init("call_id", .string(callID)),
            .init("request_id", .string(request.requestDescription ?? "")),
        ])
        return StubResponse(status: 200, contentType: "application/json", body: Array(CanonicalJSON.string(answer, style: .compact).utf8))
    }

    private func authorized(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let token = header.dropFirst(7)
        guard !token.isEmpty else { return false }
        return apiKey.map { $0 == token } ?? true
    }

    /// A 19-digit call id, as Exolve's are.
    static func newCallID() -> String {
        "1" + String(UInt64.random(in: 100_000_000_000_000_000...999_999_999_999_999_999))
    }

    /// The message in the vendor's protoc-gen-validate style, naming the field:
    /// `invalid MakeCallbackRequest.Line_1: embedded message failed validation | caused by: line_1.destinations[0].timeout: …`.
    static func vendorMessage(for problem: ValidationProblem) -> String {
        guard let path = JSONPath(parsing: problem.path), case .key(let top) = path.components.first else {
            return "invalid MakeCallbackRequest: \(problem.message)"
        }
        let goName = top.split(separator: "_").map { part in
            part.first!.isNumber ? "_" + part : part.prefix(1).uppercased() + part.dropFirst()
        }.joined()
        if path.components.count == 1 {
            return "invalid MakeCallbackRequest.\(goName): \(problem.message)"
        }
        return "invalid MakeCallbackRequest.\(goName): embedded message failed validation | caused by: \(problem.path): \(problem.message)"
    }

    static func grpcError(_ status: Int, code: Int, _ message: String) -> StubResponse {
        let body = JSONValue.object([.init("code", .number(String(code))), .init("message", .string(message)), .init("details", .array([]))])
        return StubResponse(status: status, contentType: "application/json", body: Array(CanonicalJSON.string(body, style: .compact).utf8))
    }
}

/// One answer of the stand-in: a status, a content type and a body, or a dropped connection.
struct StubResponse: Sendable {
    /// The HTTP status.
    var status: Int
    /// The Content-Type header, if any.
    var contentType: String?
    /// The body bytes.
    var body: [UInt8]
    /// Close the connection without writing a byte (the `stub:drop` scenario).
    var drop = false
}

/// Collects one request's head and body, asks the server, writes the answer and closes.
private final class StubHTTPHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private weak var server: StubServer?
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(server: StubServer?) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
            body = []
        case .body(let bytes):
            body += bytes.readableBytesView
        case .end:
            guard let head else { return }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let path = String(head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let (server, method, body) = (self.server, head.method.rawValue, self.body)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.makeFutureWithTask {
                await server?.handle(method: method, path: path, headers: headers, body: body)
                    ?? StubResponse(status: 503, contentType: nil, body: [])
            }.whenSuccess { response in
                Self.write(response, to: bound.value, keepAlive: head.isKeepAlive)
            }
        }
    }

    private static func write(_ response: StubResponse, to context: ChannelHandlerContext, keepAlive: Bool) {
        guard !response.drop else { return context.close(promise: nil) }
        var headers = HTTPHeaders()
        if let type = response.contentType { headers.add(name: "Content-Type", value: type) }
        headers.add(name: "Content-Length", value: String(response.body.count))
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        let handler = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
            if !keepAlive { handler.value.close(promise: nil) }
        }
    }
}
