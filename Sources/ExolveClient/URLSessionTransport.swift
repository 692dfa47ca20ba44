import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession (libcurl on Linux). Each request uses its
/// own ephemeral session: no connection is reused, so libcurl never replays a
/// request on a stale connection, and redirects are refused, so a POST is
/// never repeated elsewhere. TLS certificates are verified by default and no
/// delegate weakens that.
public struct URLSessionTransport: HTTPTransport {
    /// Creates the transport.
    public init() {}

    /// What a timeout says, whichever clock noticed it first (ours or libcurl's).
    static let timeoutReason = "no complete answer within the timeout"

    /// How much of an answer's body is kept; the rest is counted and dropped.
    public static let bodyCap = 1 << 20

    /// Performs the request once. The timeout bounds the whole exchange, the
    /// body included: a server that trickles or never ends its answer is cut off
    /// at the deadline (the outcome is then unknown: the request was sent).
    public func perform(_ request: TransportRequest) async -> TransportResult {
        guard let url = URL(string: request.url) else { return .failedBeforeSending("bad URL \(request.url)") }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        // No compressed answers: what arrives is what is counted against the cap.
        urlRequest.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        urlRequest.httpBody = Data(request.body)
        // swift-corelibs-foundation hands libcurl whole seconds (0.5 became 0 and timed
        // out at once), so the timeout is rounded up to a whole second, at least 1.
        let exact = Double(request.timeout.components.seconds) + Double(request.timeout.components.attoseconds) / 1e18
        let seconds = max(1, exact.rounded(.up))
        urlRequest.timeoutInterval = seconds

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let exchange = Exchange(cap: Self.bodyCap)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.invalidateAndCancel() }

        return await withCheckedContinuation { continuation in
            exchange.start(continuation)
            let task = session.dataTask(with: urlRequest)
            exchange.task = task
            // The deadline of the whole exchange, body included.
            let deadline = Task.detached {
                try? await Task.sleep(for: .seconds(seconds))
                exchange.finish(.failedAfterSending(URLSessionTransport.timeoutReason))
                task.cancel()
            }
            exchange.onFinish = { deadline.cancel() }
            task.resume()
        }
    }

    /// Sorts URL errors into "nothing left this machine" and "it may have arrived".
    /// Only errors that happen before a request byte is written count as not sent;
    /// a timeout cannot tell connect from answer, so it counts as may-have-arrived.
    static func classify(_ error: URLError) -> TransportResult {
        switch error.code {
        case .cannotConnectToHost:
            return .failedBeforeSending("connection refused")
        case .cannotFindHost, .dnsLookupFailed:
            return .failedBeforeSending("host not found (DNS)")
        case .notConnectedToInternet:
            return .failedBeforeSending("no network connection")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
             .clientCertificateRequired:
            return .failedBeforeSending("TLS handshake failed (\(error.localizedDescription))")
        case .timedOut:
            return .failedAfterSending(timeoutReason)
        case .networkConnectionLost, .badServerResponse:
            // libcurl's "got nothing": the server closed the connection after taking the request.
            return .failedAfterSending("the server closed the connection without answering")
        case .cannotParseResponse, .badURL, .unsupportedURL:
            // The endpoint's URL is checked before sending, so libcurl's "unsupported
            // protocol" here means the answer did not start like HTTP.
            return .failedAfterSending("the server's answer was not valid HTTP")
        default:
            return .failedAfterSending(error.localizedDescription)
        }
    }
}

/// One exchange's answer as it streams in: the status, the body up to the cap
/// (the rest counted), redirects refused (the 3xx answer itself is returned),
/// and exactly one result however the exchange ends.
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let cap: Int
    private var continuation: CheckedContinuation<TransportResult, Never>?
    private var status: Int?
    private var body: [UInt8] = []
    private var dropped = 0
    private var done = false
    var task: URLSessionDataTask?
    var onFinish: (@Sendable () -> Void)?

    init(cap: Int) { self.cap = cap }

    func start(_ continuation: CheckedContinuation<TransportResult, Never>) { lock.withLock { self.continuation = continuation } }

    /// Delivers the result once; later calls do nothing.
    func finish(_ result: TransportResult) {
        let resume = lock.withLock { () -> CheckedContinuation<TransportResult, Never>? in
            guard !done else { return nil }
            done = true
            defer { continuation = nil }
            return continuation
        }
        resume?.resume(returning: result)
        if resume != nil { onFinish?() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { status = (response as? HTTPURLResponse)?.statusCode }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            let room = max(0, cap - body.count)
            if room > 0 { body += data.prefix(room) }
            dropped += max(0, data.count - room)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (status, body, dropped) = lock.withLock { (self.status, self.body, self.dropped) }
        if let status, error == nil {
            finish(.response(status: status, body: body, dropped: dropped))
        } else if let error = error as? URLError {
            finish(URLSessionTransport.classify(error))
        } else if let error {
            finish(.failedAfterSending(error.localizedDescription))
        } else {
            finish(.failedAfterSending("no HTTP response"))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
