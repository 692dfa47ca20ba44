/// A key press or paste, as the reducer sees it (the terminal layer decodes bytes into these).
public enum Key: Hashable, Sendable {
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
    /// A paste over `InputDecoder.pasteLimit` characters: not kept, only counted, so the
    /// field can say why nothing arrived.
    case pasteTooLarge(characters: Int)
    /// A mouse report (SGR mode).
    case mouse(MouseEvent)
}

/// A click or a wheel turn, at a cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: Hashable, Sendable { case press, release, wheelUp, wheelDown }
    /// What happened.
    public var kind: Kind
    /// 0 left, 1 middle, 2 right.
    public var button: Int
    /// Column, from 0.
    public var x: Int
    /// Row, from 0.
    public var y: Int

    /// Creates an event.
    public init(kind: Kind, button: Int = 0, x: Int, y: Int) {
        self.kind = kind
        self.button = button
        self.x = x
        self.y = y
    }
}
