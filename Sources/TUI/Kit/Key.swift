/// A key press or paste, as the reducer sees it (the terminal layer decodes bytes into these).
public enum Key: Equatable, Sendable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter (lower-case): `.control("q")`.
    case control(Character)
    /// Alt (Meta) plus a character.
    case alt(Character)
    /// A function key, F1...F12.
    case function(Int)
    case enter, tab, backTab, escape, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl+arrow (word moves, row moves).
    case controlLeft, controlRight, controlUp, controlDown
    /// Alt+arrow (row moves).
    case altUp, altDown
    /// Text arriving through bracketed paste, as one piece.
    case paste(String)
}
