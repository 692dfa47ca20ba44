import CallbackCore
import Localization

/// One of the account's purchased numbers, as `number/customer/v1/GetList` lists it.
public struct AccountNumber: Equatable, Sendable {
    /// The number, digits: MakeCallback's `number_code` and a valid `display_number`.
    public var number: String
    /// The owner's note.
    public var description: String
    /// `DEF` (mobile), `ABC` (geographic), `KDU` (8-800).
    public var type: String
    /// Its region.
    public var region: String
    /// Whether it can place calls, and so a callback (`number_code`).
    public var outgoingCalls: Bool

    /// Creates a number.
    public init(number: String, description: String = "", type: String = "", region: String = "", outgoingCalls: Bool) {
        self.number = number
        self.description = description
        self.type = type
        self.region = region
        self.outgoingCalls = outgoingCalls
    }
}

/// A callback resource of the application (from the undocumented `/callback/v1/GetList`).
public struct CallbackResource: Equatable, Sendable {
    /// The id, digits: MakeCallback's `callback_resource_id`.
    public var id: String
    /// Its name.
    public var name: String

    /// Creates a resource.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Why a list could not be had. Listing is not a call: nothing about it is
/// logged, and every failure leaves manual entry working.
public enum ListFailure: Error, Equatable, Sendable, CustomStringConvertible, OperatorFacingError {
    /// Exolve answered 4xx (401 wrong key, 404 unknown URL...).
    case rejected(status: Int, message: String)
    /// Nothing reached Exolve (refused, DNS, TLS).
    case notReached(Localized)
    /// The exchange failed after the request left (timeout, dropped connection).
    case failed(Localized)
    /// An answer that is not the list (not JSON, wrong types, too large).
    case badAnswer(Localized)
    /// Exolve's server failed (5xx): a trouble on its side, not in the request; asking again later may work.
    case serverError(status: Int, message: String)

    /// For the operator, in English.
    public var description: String { text.text(.en) }

    /// For the operator, in either language.
    public var text: Localized {
        switch self {
        case .rejected(let status, let message): return .phrase(.listRefused, ["status": "\(status)", "message": .verbatim(message)])
        case .notReached(let reason): return .phrase(.listNotAsked, ["reason": reason])
        case .failed(let reason): return .phrase(.listNotArrived, ["reason": reason])
        case .badAnswer(let reason): return .phrase(.listNotAList, ["reason": reason])
        case .serverError(let status, let message): return .phrase(.listServerError, ["status": "\(status)", "message": .verbatim(message)])
        }
    }
}
