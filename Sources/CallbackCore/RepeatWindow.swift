import Localization

/// How far back the repeat guard looks for earlier calls to the same client.
public struct RepeatWindow: Equatable, Sendable, CustomStringConvertible {
    /// Seconds; 0 turns the guard off.
    public var seconds: Int

    /// Ten minutes.
    public static let standard = RepeatWindow(seconds: 600)

    /// A window of `seconds`.
    public init(seconds: Int) { self.seconds = max(0, seconds) }

    /// Reads `10m`, `90s`, `1h`, `600` (seconds) or `0` (off); nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: " \t").lowercased()
        guard let last = trimmed.last else { return nil }
        let unit: Int
        var digits = Substring(trimmed)
        switch last {
        case "s": unit = 1; digits = digits.dropLast()
        case "m": unit = 60; digits = digits.dropLast()
        case "h": unit = 3600; digits = digits.dropLast()
        default: unit = 1
        }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        self.init(seconds: value * unit)
    }

    /// Whether the guard is off.
    public var isOff: Bool { seconds == 0 }

    /// `10m`, `90s`, `0`.
    public var description: String {
        if seconds == 0 { return "0" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// What the setting accepts, for messages.
    public static let syntax = Localized.phrase(.repeatWindowSyntax)
}

