import CallbackCore
import FlyingFox
import Foundation

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
    private var server: HTTPServer?
    private var runTask: Task<Void, Error>?
    private var log: [Received] = []
    private let onRequest: (@Sendable (String) -> Void)?

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
        let server = host.contains(":")
            ? HTTPServer(address: try .inet6(ip6: host, port: port), timeout: 3600, logger: .disabled)
            : HTTPServer(address: try .inet(ip4: host, port: port), timeout: 3600, logger: .disabled)
        await server.appendRoute("*") { [weak self] (request: HTTPRequest) -> HTTPResponse in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.handle(request)
        }
        self.server = server
        runTask = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard let bound = await server.listeningAddress else { throw StubError.notListening }
        switch bound {
        case .ip4(let ip, let port): return "http://\(ip):\(port)"
        case .ip6(let ip, let port): return "http://[\(ip)]:\(port)"
        default: throw StubError.notListening
        }
    }

    /// Stops listening.
    public func stop() async {
        await server?.stop(timeout: 1)
        runTask?.cancel()
        server = nil
    }

    /// Every request received so far, oldest first.
    public var received: [Received] { log }

    /// The server could not bind.
    public enum StubError: Error { case notListening }

    // MARK: - Handling

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let body = Array((try? await request.bodyData) ?? Data())
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        log.append(Received(method: request.method.rawValue, path: request.path, headers: headers, body: body))
        let response = await respond(method: request.method.rawValue, path: request.path, headers: headers, body: body)
        let shown = response.statusCode == .switchingProtocols ? "connection dropped" : String(response.statusCode.code)
        onRequest?("\(request.method.rawValue) \(request.path) -> \(shown)")
        return response
    }

    private func respond(method: String, path: String, headers: [String: String], body: [UInt8]) async -> HTTPResponse {
        guard [APIPath.makeCallback, APIPath.numbers, APIPath.callbackResources].contains(path) else {
            return Self.grpcError(.notFound, code: 5, "Not Found")
        }
        guard method == "POST" else { return Self.grpcError(.methodNotAllowed, code: 12, "Method Not Allowed") }
        guard authorized(headers["authorization"]) else { return Self.grpcError(.unauthorized, code: 16, "malformed token") }
        if path != APIPath.makeCallback {
            return AccountListing.respond(path: path, body: body, token: String((headers["authorization"] ?? "").dropFirst(7)))
        }
        guard let json = try? JSONParser.parse(body) else {
            return Self.grpcError(.badRequest, code: 3, "invalid character in request body: not JSON")
        }
        var description: String? = nil
        if case .string(let text)? = json["request_description"] { description = text }
        switch StubScenario.parse(description) {
        case .failure(let unknown)?:
            let known = StubScenario.catalog.map(\.tag).joined(separator: ", ")
            return Self.grpcError(.badRequest, code: 3, "unknown stub scenario \"stub:\(unknown.tag)\"; known: \(known)")
        case .success(.forbidden)?: return Self.grpcError(.forbidden, code: 7, "customer not active")
        case .success(.gatewayTimeout)?: return HTTPResponse(statusCode: .gatewayTimeout)
        case .success(.internalError)?: return Self.grpcError(.internalServerError, code: 13, "internal error")
        case .success(.garbage)?:
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html"], body: Data("<html>502 upstream glitch".utf8))
        case .success(.drop)?: return HTTPResponse(webSocket: DropConnection())
        case .success(.slow(let seconds))?:
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        case nil: break
        }
        let result = RequestValidator.validate(json)
        guard let request = result.request else {
            return Self.grpcError(.badRequest, code: 3, Self.vendorMessage(for: result.errors[0])) // like the real API, only errors refuse
        }
        let answer = JSONValue.object([
            .init("call_id", .string(Self.newCallID())),
            .init("request_id", .string(request.requestDescription ?? "")),
        ])
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"],
                            body: Data(CanonicalJSON.string(answer, style: .compact).utf8))
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

    static func grpcError(_ status: HTTPStatusCode, code: Int, _ message: String) -> HTTPResponse {
        let body = JSONValue.object([.init("code", .number(String(code))), .init("message", .string(message)), .init("details", .array([]))])
        return HTTPResponse(statusCode: status, headers: [.contentType: "application/json"],
                            body: Data(CanonicalJSON.string(body, style: .compact).utf8))
    }
}

/// Closes the connection without writing a byte. FlyingFox asks a WebSocket
/// handler for its frames before it writes the response header, so throwing
/// here makes the server close the socket with nothing sent: a true drop.
struct DropConnection: WSHandler {
    struct Dropped: Error {}
    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Dropped()
    }
}
