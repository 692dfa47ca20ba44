import CallbackCore
import FoundationEssentials
import Glibc
import Localization

/// Where MakeCallback requests go: a base URL checked for safety.
/// `https` always; plain `http` only to a loopback host (the stand-in server),
/// so a key never crosses a network in clear text.
public struct Endpoint: Sendable, Equatable {
    /// The base URL as given, without a trailing slash (`https://api.exolve.ru`).
    public let baseURL: URL

    /// The production endpoint.
    public static let defaultBaseURL = "https://api.exolve.ru"

    /// Checks and wraps a base URL.
    public init(_ text: String) throws(ClientConfigurationError) {
        var trimmed = text.trimmingSpaces()
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .badBaseURL(text, .phrase(.urlNotAbsolute))
        }
        switch scheme {
        case "https": break
        case "http":
            guard Endpoint.isLoopback(host) else {
                throw .badBaseURL(text, .phrase(.urlPlainHTTP))
            }
        default:
            throw .badBaseURL(text, .phrase(.urlScheme))
        }
        if url.query != nil || url.fragment != nil {
            throw .badBaseURL(text, .phrase(.urlQuery))
        }
        baseURL = url
    }

    /// `{base}/call/v1/MakeCallback`.
    public var makeCallbackURL: URL { url(APIPath.makeCallback) }

    /// `{base}` + `path`.
    public func url(_ path: String) -> URL { URL(string: baseURL.absoluteString + path)! }


    /// The host requests go to, as shown in the header and the call log.
    public var host: String {
        guard let host = baseURL.host else { return baseURL.absoluteString }
        return baseURL.port.map { "\(host):\($0)" } ?? host
    }

    /// Whether `host` names this machine.
    public static func isLoopback(_ host: String) -> Bool {
        var trimmed = Substring(host)
        while trimmed.first == "[" || trimmed.first == "]" { trimmed.removeFirst() }
        while trimmed.last == "[" || trimmed.last == "]" { trimmed.removeLast() }
        let bare = trimmed.lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".")
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
