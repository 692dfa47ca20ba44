/// The theme in use and the ones to choose from.
public struct ThemeState: Equatable, Sendable {
    /// The theme in use (the terminal layer draws with it).
    public var name = "default"
    /// Every theme's name, for the theme list.
    public var names: [String] = ["default"]
    /// The terminal's colour depth, as detected (shown in the theme list).
    public var colorDepth = ""

    /// The default theme.
    public init() {}
}
