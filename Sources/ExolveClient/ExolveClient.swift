import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// Places callbacks through MakeCallback. It sends each request exactly once
/// (never retrying: a retry can ring a real person twice), as the canonical
/// compact JSON of the validated request, and turns whatever happens into a
/// `SendResult` with the key redacted from every string in it.
public struct ExolveClient: Sendable {
    /// Where to send.
    public let endpoint: Endpoint
    /// The key for the Authorization header.
    private let apiKey: APIKey
    /// The time allowed for an answer.
    public let timeout: Duration
    private let transport: any HTTPTransport

    /// Creates a client.
    public init(endpoint: Endpoint, apiKey: APIKey, timeout: Duration = ClientConfiguration.defaultTimeout,
                transport: any HTTPTransport = NIOTransport()) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.timeout = timeout
        self.transport = transport
    }

    /// The `User-Agent` sent with each request.
    public static let userAgent = "exocall/\(ExocallVersion.current)"

    /// Sends `request` once and reports the outcome.
    public func makeCallback(_ request: MakeCallbackRequest) async -> SendResult {
        let clock = ContinuousClock()
        let start = clock.now
        let result = await post(APIPath.makeCallback, body: Array(request.canonicalJSON(.compact).utf8))
        let elapsed = clock.now - start
        let latency = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return redacted(Self.classify(result, latencyMs: latency))
    }

    /// POSTs JSON `body` to `path` once, with the key, the JSON headers and the timeout.
    func post(_ path: String, body: [UInt8]) async -> TransportResult {
        await transport.perform(TransportRequest(
            url: endpoint.url(path).absoluteString,
            headers: [
                ("Authorization", apiKey.authorizationValue),
                ("Content-Type", "application/json"),
                ("Accept", "application/json"),
                ("User-Agent", Self.userAgent),
            ],
            body: body,
            timeout: timeout))
    }

    /// `text` with the key masked (a server may echo it).
    func redact(_ text: String) -> String { apiKey.redact(text) }

    /// Whether `text` can be a call_id: a uint64 written in digits, at most 20 of them.
    static func looksLikeCallID(_ text: String) -> Bool {
        (1...20).contains(text.count) && text.allSatisfy(\.isASCIIDigit)
    }

    /// Turns what the transport saw into an outcome.
    static func classify(_ result: TransportResult, latencyMs: Int) -> SendResult {
        switch result {
        case .failedBeforeSending(let reason):
            return SendResult(outcome: .notSent(reason: reason), httpStatus: nil, rawBody: nil, latencyMs: latencyMs)
        case .failedAfterSending(let reason):
            return SendResult(outcome: .unknown(reason: reason), httpStatus: nil, rawBody: nil, latencyMs: latencyMs)
        case .response(let status, let body, let dropped):
            var raw = String(decoding: body.prefix(SendResult.rawBodyLimit), as: UTF8.self)
            if dropped > 0 { raw += "\n[exocall: \(dropped) more bytes of this answer were dropped]" }
            var outcome: SendOutcome
            switch status {
            case 200..<300:
                if let response = MakeCallbackResponse.parse(body), Self.looksLikeCallID(response.callID) {
                    outcome = .placed(callID: response.callID, requestID: response.requestID)
                } else if let response = MakeCallbackResponse.parse(body) {
                    outcome = .unknown(reason: .phrase(.answerBadCallID, ["status": "\(status)",
                        "callID": .verbatim(TerminalText.escaped(response.callID.count > 40 ? response.callID.prefix(40) + "…" : response.callID))]))
                } else {
                    outcome = .unknown(reason: .phrase(.answerNoCallID, ["status": "\(status)"]))
                }
            case 400..<500:
                outcome = .rejected(status: status, message: ErrorBody.message(from: body, status: status))
            case 500..<600:
                let name = Localized.verbatim(HTTPStatusText.name(status))
                outcome = .unknown(reason: ErrorBody.detail(from: body).map { .phrase(.answerServerError, ["status": name, "detail": .verbatim($0)]) }
                                   ?? .phrase(.answerServerErrorEmpty, ["status": name]))
            default:
                outcome = .unknown(reason: .phrase(.answerUnexpected, ["status": "\(status)"]))
            }
            if dropped > 0, (200..<300).contains(status) {
                // Exolve's answer is a few dozen bytes: one past the cap is not to be trusted, and
                // a cut one lacks its call_id because it was cut, not because Exolve left it out.
                outcome = .unknown(reason: .phrase(.answerTooLarge, ["status": "\(status)", "size": "\(body.count)", "dropped": "\(dropped)"]))
            }
            return SendResult(outcome: outcome, httpStatus: status, rawBody: raw, latencyMs: latencyMs)
        }
    }

    /// The result with every occurrence of the key masked (a server may echo it).
    func redacted(_ result: SendResult) -> SendResult {
        var copy = result
        copy.rawBody = result.rawBody.map(apiKey.redact)
        switch result.outcome {
        case .placed(let callID, let requestID):
            copy.outcome = .placed(callID: apiKey.redact(callID), requestID: requestID.map(apiKey.redact))
        case .rejected(let status, let message):
            copy.outcome = .rejected(status: status, message: apiKey.redact(message))
        case .notSent(let reason):
            copy.outcome = .notSent(reason: reason.mappingOutsideText(apiKey.redact))
        case .unknown(let reason):
            copy.outcome = .unknown(reason: reason.mappingOutsideText(apiKey.redact))
        }
        return copy
    }
}
