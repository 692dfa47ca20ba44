import Localization

/// An Exolve application API key. It prints as a mask wherever it is
/// interpolated, so no message, log line or dump can show it by accident;
/// only `authorizationValue` reveals it, for the one header that needs it.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    private let secret: String

    /// Wraps a key; surrounding whitespace (a trailing newline in a key file) is dropped.
    /// Nil when nothing is left or a control character remains inside (see `problem(in:)`).
    public init?(_ raw: String) {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty, APIKey.problem(in: raw) == nil else { return nil }
        secret = trimmed
    }

    /// Why `raw` cannot be a key, or nil when it can. Never quotes the key. A key is
    /// what it looks like or it is refused: a CR, LF or other control character would
    /// break the Authorization header (the request would go out unauthenticated); a NUL
    /// cut it short; U+FFFD is what bytes that are not UTF-8 became on the way in; an
    /// invisible format character (U+202E, U+200B…) hides in a copy; and a Bearer
    /// token (RFC 6750) is ASCII, so anything else is a paste gone wrong.
    public static func problem(in raw: String) -> Localized? {
        let trimmed = raw.trimmingWhitespace()
        guard let bad = trimmed.unicodeScalars.first(where: { !$0.isASCII || $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let code = String(bad.value, radix: 16, uppercase: true)
        let padded: Localized = .verbatim(String(repeating: "0", count: max(0, 4 - code.count)) + code)
        let name: Localized
        switch bad {
        case "\r": name = .phrase(.keyCarriageReturn)
        case "\n": name = .phrase(.keyLineFeed)
        case "\t": name = .phrase(.keyTab)
        case "\u{FFFD}": name = .phrase(.keyNotUTF8)
        case _ where bad.value < 0x20 || (0x7F...0x9F).contains(bad.value): name = .phrase(.keyControlCharacter, ["code": padded])
        case _ where bad.properties.generalCategory == .format || bad.properties.generalCategory == .lineSeparator
                  || bad.properties.generalCategory == .paragraphSeparator || bad.properties.isDefaultIgnorableCodePoint:
            name = .phrase(.keyFormatCharacter, ["code": padded])
        default: name = .phrase(.keyNonASCII, ["code": padded])
        }
        return .phrase(.keyContains, ["what": name])
    }

    /// Whether `name` can name an environment variable safely in a shell command
    /// (`[A-Za-z_][A-Za-z0-9_]*`).
    public static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// The key read from `raw` (an environment variable, the config, a key file), named by
    /// `source` in messages: nil when there is none, an error when it cannot be used.
    public static func read(_ raw: String?, source: Localized) throws(ClientConfigurationError) -> APIKey? {
        guard let raw else { return nil }
        if let problem = problem(in: raw) { throw .badKey(source: source, reason: problem) }
        return APIKey(raw)
    }

    /// `Bearer <key>`: the value of the Authorization header.
    public var authorizationValue: String { "Bearer " + secret }

    /// Replaces every occurrence of the key in `text` with a mask.
    public func redact(_ text: String) -> String {
        text.contains(secret) ? text.replacing(secret, with: APIKey.mask) : text
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

import FoundationEssentials
import Glibc
