import Localization

/// Failures the stand-in server produces on purpose, chosen by a request whose
/// `request_description` starts with `stub:`. They let operators and tests see
/// every outcome without a real account.
public enum StubScenario: Equatable, Sendable {
    /// `stub:403`: 403 `customer not active`.
    case forbidden
    /// `stub:504`: 504 with an empty body, as Exolve's gateway does.
    case gatewayTimeout
    /// `stub:500`: 500 with a gRPC-style error body.
    case internalError
    /// `stub:slow=SECONDS`: answers normally, that many seconds late.
    case slow(seconds: Double)
    /// `stub:drop`: reads the request, then closes the connection without a byte.
    case drop
    /// `stub:garbage`: 200 with a body that is not JSON.
    case garbage
    /// `stub:busy`, `stub:noanswer`, `stub:op-noanswer`, `stub:talk=SECONDS`: placed, and the
    /// call's events (sent where `--events-to` says) tell that life.
    case life(CallLife.Plot)

    /// Every scenario with what it shows, for help screens and the README.
    public static let catalog: [(tag: String, effect: Localized)] = [
        ("stub:403", .phrase(.stub403)),
        ("stub:504", .phrase(.stub504)),
        ("stub:500", .phrase(.stub500)),
        ("stub:slow=SECONDS", .phrase(.stubSlow)),
        ("stub:drop", .phrase(.stubDrop)),
        ("stub:garbage", .phrase(.stubGarbage)),
        ("stub:busy", .phrase(.stubBusy)),
        ("stub:noanswer", .phrase(.stubNoAnswer)),
        ("stub:op-noanswer", .phrase(.stubOperatorNoAnswer)),
        ("stub:talk=SECONDS", .phrase(.stubTalk)),
    ]

    /// The scenario a description asks for; `.failure` for an unknown `stub:` tag,
    /// nil when the description does not start with `stub:`.
    public static func parse(_ description: String?) -> Result<StubScenario, UnknownScenario>? {
        guard let description, description.hasPrefix("stub:") else { return nil }
        let tag = description.dropFirst(5).prefix { !$0.isWhitespace }
        switch tag {
        case "403": return .success(.forbidden)
        case "504": return .success(.gatewayTimeout)
        case "500": return .success(.internalError)
        case "drop": return .success(.drop)
        case "garbage": return .success(.garbage)
        case "busy": return .success(.life(.clientBusy))
        case "noanswer": return .success(.life(.clientNoAnswer))
        case "op-noanswer": return .success(.life(.operatorNoAnswer))
        default:
            if tag.hasPrefix("talk="), let seconds = Int(tag.dropFirst(5)), seconds >= 0, seconds <= 3600 {
                return .success(.life(.talk(seconds: seconds)))
            }
            if tag.hasPrefix("slow="), let seconds = Double(tag.dropFirst(5)), seconds >= 0, seconds <= 600 {
                return .success(.slow(seconds: seconds))
            }
            return .failure(UnknownScenario(tag: String(tag)))
        }
    }

    /// A `stub:` tag the server does not know.
    public struct UnknownScenario: Error, Equatable {
        /// The text after `stub:`.
        public var tag: String
    }
}
