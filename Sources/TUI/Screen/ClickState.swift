/// The last click, to tell a double-click.
public struct ClickState: Equatable, Sendable {
    /// Where the last click was.
    public var last: MouseEvent? = nil
    /// When it came (the loop's clock).
    public var at: Double = -1

    /// No click yet.
    public init() {}
}
