import Localization

/// One HTTP exchange, as the client needs it. The real transport is
/// `NIOTransport`; the protocol keeps the client's rules (outcome
/// classification, redaction, no retry) independent of the HTTP library.
public protocol HTTPTransport: Sendable {
    /// Performs one request, exactly once, and reports what happened.
    func perform(_ request: TransportRequest) async -> TransportResult
}

/// A request to perform.
public struct TransportRequest: Sendable {
    /// Absolute URL.
    public var url: String
    /// Headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body bytes (always a POST).
    public var body: [UInt8]
    /// Total time allowed for the exchange.
    public var timeout: Duration

    /// Creates a request.
    public init(url: String, headers: [(name: String, value: String)], body: [UInt8], timeout: Duration) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What a transport observed.
public enum TransportResult: Sendable {
    /// An HTTP answer came back: its body up to the transport's cap, and how many
    /// bytes past the cap were counted and dropped.
    case response(status: Int, body: [UInt8], dropped: Int = 0)
    /// The request failed before any byte of it could have reached the server.
    case failedBeforeSending(Localized)
    /// The request failed after it may have reached the server (timeout, dropped connection).
    case failedAfterSending(Localized)
}
