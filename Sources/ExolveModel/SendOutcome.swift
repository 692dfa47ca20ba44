import Localization

/// What happened to one MakeCallback request. Each case says whether the call
/// may have been placed, so the operator knows whether sending again is safe.
public enum SendOutcome: Equatable, Sendable {
    /// The API accepted the request: a call is being placed.
    case placed(callID: String, requestID: String?)
    /// The API answered 4xx: nothing was placed. `message` is read from the body.
    case rejected(status: Int, message: String)
    /// Nothing reached the server (connection refused, DNS, TLS): safe to send again.
    case notSent(reason: Localized)
    /// The request may have reached Exolve (timeout, 5xx, dropped connection,
    /// an answer without a call_id): the call may have been placed.
    case unknown(reason: Localized)

    /// The name used in JSON output and in the call log: placed, rejected, not_sent, unknown.
    public var name: String {
        switch self {
        case .placed: return "placed"
        case .rejected: return "rejected"
        case .notSent: return "not_sent"
        case .unknown: return "unknown"
        }
    }

    /// The call id when placed.
    public var callID: String? {
        if case .placed(let id, _) = self { return id }
        return nil
    }

    /// One sentence for the operator, in English (as `--json` and the log give it).
    public var message: String { message(in: .en) }

    /// A message as the log stores it (in English, the same for every operator of
    /// a team log) read back into its phrase, to be shown in any language; a text
    /// exocall did not write this way stays as it is.
    public static func readMessage(_ english: String) -> Localized {
        Catalog.recognize(english, among: [.outcomeMsgPlaced, .outcomeMsgRejected, .outcomeMsgNotSent, .outcomeMsgUnknown,
                                           .entryInterruptedMessage], nested: reasons)
    }

    /// Every phrase a not-sent or unknown outcome gives as its reason: the catalog's
    /// `transport.` and `answer.` keys, so a reason added there is read back too.
    static let reasons: [Phrase] = Phrase.allCases.filter { $0.rawValue.hasPrefix("transport.") || $0.rawValue.hasPrefix("answer.") }

    /// One sentence for the operator, in `language`.
    public func message(in language: UILanguage) -> String {
        switch self {
        case .placed(let callID, _): return language(.outcomeMsgPlaced, ["callID": callID])
        case .rejected(let status, let message): return language(.outcomeMsgRejected, ["status": "\(status)", "message": message])
        case .notSent(let reason): return language(.outcomeMsgNotSent, ["reason": reason.text(language)])
        case .unknown(let reason): return language(.outcomeMsgUnknown, ["reason": reason.text(language)])
        }
    }
}

/// The outcome of a send with what was observed on the way.
public struct SendResult: Equatable, Sendable {
    /// The outcome.
    public var outcome: SendOutcome
    /// The HTTP status, when an answer came.
    public var httpStatus: Int?
    /// The response body as text, cut at `SendResult.rawBodyLimit` bytes, key redacted.
    public var rawBody: String?
    /// Milliseconds from sending to the outcome.
    public var latencyMs: Int

    /// Creates a result.
    public init(outcome: SendOutcome, httpStatus: Int?, rawBody: String?, latencyMs: Int) {
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.rawBody = rawBody
        self.latencyMs = latencyMs
    }

    /// How much of a response body is kept: 64 KiB.
    public static let rawBodyLimit = 64 * 1024
}
