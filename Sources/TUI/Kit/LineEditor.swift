import CallbackCore

/// A one-line text editor's value: the text and a cursor counted in
/// characters (grapheme clusters), so Cyrillic and emoji move as one.
public struct LineEditor: Equatable, Sendable {
    /// The text.
    public private(set) var text: String
    /// Cursor position, 0...count.
    public private(set) var cursor: Int

    /// An editor over `text` with the cursor at the end.
    public init(_ text: String, cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    private var characters: [Character] { Array(text) }

    /// Inserts at the cursor.
    public mutating func insert(_ insertion: String) {
        var chars = characters
        chars.insert(contentsOf: insertion, at: cursor)
        text = String(chars)
        cursor += insertion.count
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        var chars = characters
        chars.remove(at: cursor - 1)
        text = String(chars)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        var chars = characters
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
        text = String(chars)
    }

    /// Moves the cursor by `delta` characters.
    public mutating func move(_ delta: Int) { cursor = min(max(0, cursor + delta), text.count) }
    /// To the start.
    public mutating func home() { cursor = 0 }
    /// To the end.
    public mutating func end() { cursor = text.count }

    /// Deletes from the start to the cursor (Ctrl-U).
    public mutating func killToStart() {
        text = String(characters[cursor...])
        cursor = 0
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    public mutating func killToEnd() { text = String(characters[..<cursor]) }

    /// Deletes the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        var chars = characters
        chars.removeSubrange(start..<cursor)
        text = String(chars)
        cursor = start
    }

    /// Moves to the start of the previous word.
    public mutating func wordLeft() { cursor = wordStart(before: cursor) }

    /// Moves past the end of the next word.
    public mutating func wordRight() {
        let chars = characters
        var index = cursor
        while index < chars.count, !isWord(chars[index]) { index += 1 }
        while index < chars.count, isWord(chars[index]) { index += 1 }
        cursor = index
    }

    private func wordStart(before position: Int) -> Int {
        let chars = characters
        var index = position
        while index > 0, !isWord(chars[index - 1]) { index -= 1 }
        while index > 0, isWord(chars[index - 1]) { index -= 1 }
        return index
    }

    private func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }

    /// The columns from the start of the text to the cursor.
    public var cursorColumn: Int { DisplayWidth.of(String(characters[..<cursor])) }
}
