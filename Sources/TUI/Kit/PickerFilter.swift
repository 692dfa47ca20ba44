/// The filter line of every picker (voices, the account's numbers, the palette):
/// typing and pasting add, Backspace erases, Ctrl-U clears.
enum PickerFilter {
    /// Applies a filter command to `filter`; whether it was one.
    static func apply(_ command: Command, key: Key, to filter: inout String) -> Bool {
        switch command {
        case .filterType:
            if case .character(let character) = key { filter.append(character) }
            if case .paste(let text) = key { filter += text }
        case .filterErase:
            if !filter.isEmpty { filter.removeLast() }
        case .filterClear:
            filter = ""
        default:
            return false
        }
        return true
    }
}
