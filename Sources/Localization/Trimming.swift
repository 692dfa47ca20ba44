extension String {
    /// The text without leading and trailing spaces and tabs: the characters of Foundation's
    /// `CharacterSet.whitespaces` as CoreFoundation lists them (Unicode's space separators,
    /// U+0009, and the zero-width space U+200B), compared by scalar as Foundation does.
    /// Concrete and pure Swift: Foundation's `trimmingCharacters(in:)` bridges through
    /// `NSString`, and a generic version resolves its associated types at run time; either
    /// cost the TUI's start a third of a millisecond (BENCHMARKS.md, issue #32). The one trim
    /// of spaces and tabs in exocall.
    public func trimmingSpaces() -> String { trimming(Self.isSpace) }

    /// The text without leading and trailing spaces, tabs and line breaks: Foundation's
    /// `CharacterSet.whitespacesAndNewlines` (the spaces above, and U+000A-U+000D, U+0085,
    /// U+2028, U+2029), without linking Foundation's Objective-C layer (issue #32).
    public func trimmingWhitespace() -> String { trimming { Self.isSpace($0) || Self.isLineBreak($0) } }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start, drop(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
