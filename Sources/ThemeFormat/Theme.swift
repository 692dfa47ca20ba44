/// How one role looks.
public struct RoleLook: Equatable, Sendable {
    /// Foreground; nil inherits.
    public var fg: ThemeColor?
    /// Background; nil inherits.
    public var bg: ThemeColor?
    /// Attributes; nil inherits.
    public var attributes: Set<TextAttribute>?

    /// Creates a look.
    public init(fg: ThemeColor? = nil, bg: ThemeColor? = nil, attributes: Set<TextAttribute>? = nil) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// This look with `parent`'s values where this one has none.
    func over(_ parent: RoleLook?) -> RoleLook {
        RoleLook(fg: fg ?? parent?.fg, bg: bg ?? parent?.bg, attributes: attributes ?? parent?.attributes)
    }
}

/// Text attributes a theme can ask for.
public enum TextAttribute: String, CaseIterable, Sendable, Hashable {
    case bold, dim, italic, underline, reverse
}

/// A resolved theme: every role has a foreground, a background and attributes.
public struct Theme: Equatable, Sendable {
    /// The theme's name (its file name without `.toml`).
    public var name: String
    /// What the file says it is.
    public var title: String
    /// Every role's look.
    public var looks: [Role: RoleLook]

    /// A theme with every role's look (ThemeLibrary resolves one from its file).
    public init(name: String, title: String, looks: [Role: RoleLook]) {
        self.name = name
        self.title = title
        self.looks = looks
    }

    /// The look of `role` (never nil in a resolved theme).
    public func look(_ role: Role) -> RoleLook { looks[role] ?? RoleLook(fg: .terminalDefault, bg: .terminalDefault, attributes: []) }
}
