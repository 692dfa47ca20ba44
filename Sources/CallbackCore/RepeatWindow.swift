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
        guard let seconds = Self.seconds(parsing: text) else { return nil }
        self.init(seconds: seconds)
    }

    /// A span written `10m`, `90s`, `1h` or `600` (seconds), as whole seconds; nil for anything
    /// else. The one rule for every duration an operator types (`repeat_window`, `--timeout`).
    public static func seconds(parsing text: String) -> Int? {
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
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
        return value * unit
    }

    /// The span in words of `language` (`10 min`, `90 s`; `10 мин`, `90 с`).
    public func text(in language: UILanguage) -> String {
        if seconds % 3600 == 0 && seconds > 0 { return language(.unitHours, ["n": "\(seconds / 3600)"]) }
        if seconds % 60 == 0 && seconds > 0 { return language(.unitMinutes, ["n": "\(seconds / 60)"]) }
        return language(.unitSeconds, ["n": "\(seconds)"])
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

