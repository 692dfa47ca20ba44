/// An Exolve application API key. It prints as a mask wherever it is
/// interpolated, so no message, log line or dump can show it by accident;
/// only `authorizationValue` reveals it, for the one header that needs it.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    private let secret: String

    /// Wraps a key; surrounding whitespace (a trailing newline in a key file) is dropped.
    public init?(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        secret = trimmed
    }

    /// `Bearer <key>`: the value of the Authorization header.
    public var authorizationValue: String { "Bearer " + secret }

    /// Replaces every occurrence of the key in `text` with a mask.
    public func redact(_ text: String) -> String {
        text.contains(secret) ? text.replacingOccurrences(of: secret, with: APIKey.mask) : text
    }

    /// The environment variable a key is read from when no profile names another:
    /// the one place this name is written.
    public static let environmentVariable = "EXOLVE_API_KEY"

    /// What the key looks like in any output.
    public static let mask = "[api key hidden]"

    /// Always the mask.
    public var description: String { APIKey.mask }
    /// Always the mask.
    public var debugDescription: String { APIKey.mask }
}

import Foundation
