extension String {
    /// The string right-aligned in `width` characters (spaces before it; never cut).
    public func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }

    /// The string in exactly `width` characters: spaces added after it, or its end cut
    /// (what Foundation's `padding(toLength:withPad: " ", startingAt: 0)` did, by character,
    /// without linking Foundation's Objective-C layer, issue #32).
    public func fitted(_ width: Int) -> String {
        count >= width ? String(prefix(max(0, width))) : self + String(repeating: " ", count: width - count)
    }
}
