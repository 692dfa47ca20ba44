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

    /// Performs the request once.
    public func perform(_ request: TransportRequest) async -> TransportResult {
        guard let url = URL(string: request.url) else { return .failedBeforeSending("bad URL \(request.url)") }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        for header in request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
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
        let delegate = NoRedirects()
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: urlRequest) { data, response, error in
                if let http = response as? HTTPURLResponse, error == nil {
                    continuation.resume(returning: .response(status: http.statusCode, body: Array(data ?? Data())))
                } else if let error = error as? URLError {
                    continuation.resume(returning: Self.classify(error))
                } else if let error {
                    continuation.resume(returning: .failedAfterSending(error.localizedDescription))
                } else {
                    continuation.resume(returning: .failedAfterSending("no HTTP response"))
                }
            }
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
            return .failedAfterSending("no answer within the timeout")
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

/// Refuses every redirect: the 3xx answer itself is returned.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
