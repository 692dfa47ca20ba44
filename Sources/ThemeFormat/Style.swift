/// The semantic roles a theme colours. Views name roles, never colours; theme
/// files name them by these raw values (`json_key`, `badge_placed`...).
public enum Role: String, CaseIterable, Sendable, Codable {
    case text, muted, background, surface, border, focus, selection, primary, accent, success, warning, error
    case jsonKey = "json_key", jsonString = "json_string", jsonNumber = "json_number", jsonBool = "json_bool"
    case jsonNull = "json_null", jsonPunctuation = "json_punctuation"
    case badgePlaced = "badge_placed", badgeRejected = "badge_rejected", badgeNotSent = "badge_not_sent"
    case badgeUnknown = "badge_unknown", badgeSending = "badge_sending"
    case demoBanner = "demo_banner"

    /// Hashes the case itself. Left to `RawRepresentable`'s default, a role hashed its raw
    /// name, a string (SipHash over "json_punctuation"...), each time a style was looked up:
    /// the palette does so for every run of text it hands curses (issue #32).
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }
}

/// How a cell is drawn: the foreground and attributes of `role`, on the
/// background of `background` (the role's own background when nil).
public struct Style: Equatable, Hashable, Sendable {
    /// Foreground and attributes come from this role.
    public var role: Role
    /// Background comes from this role, when given.
    public var background: Role?
    /// Extra emphasis on top of the role's attributes.
    public var bold: Bool
    /// Extra underline on top of the role's attributes.
    public var underline: Bool

    /// Creates a style.
    public init(_ role: Role, on background: Role? = nil, bold: Bool = false, underline: Bool = false) {
        self.role = role
        self.background = background
        self.bold = bold
        self.underline = underline
    }

    /// Plain text.
    public static let text = Style(.text)
    /// Secondary text.
    public static let muted = Style(.muted)

    /// This style on another background.
    public func on(_ background: Role?) -> Style {
        var copy = self
        copy.background = background
        return copy
    }
}
