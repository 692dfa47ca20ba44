import CallbackCore

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
