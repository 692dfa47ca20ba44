/// The filter line of every picker (voices, the account's numbers, the palette):
/// typing and pasting add, Backspace erases, Ctrl-U clears; a changed filter
/// selects the first row again.
enum PickerFilter {
    /// The longest filter kept.
    static let limit = 256

    /// Applies a filter command (`.filterType`, `.filterErase`, `.filterClear`) to `filter`, and selects the first row.
    static func apply(_ command: Command, to filter: inout String, selected: inout Int) {
        switch command {
        case .filterType(let text):
            // A filter is a few words: a pasted megabyte is cut here, not matched against every row on every frame.
            filter = String((filter + text).prefix(limit))
        case .filterErase:
            if !filter.isEmpty { filter.removeLast() }
        case .filterClear:
            filter = ""
        default:
            return
        }
        selected = 0
    }
}
