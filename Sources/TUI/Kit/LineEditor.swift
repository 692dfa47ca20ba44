import CallbackCore

/// A one-line text editor's value: the text and a cursor counted in
/// characters (extended grapheme clusters), so Cyrillic, emoji, flags and
/// combining marks move as one.
///
/// Every edit rebuilds the text and puts the cursor back on a character
/// boundary measured in Unicode scalars, because an edit can join characters:
/// U+FE0F typed after ❤ or a second regional indicator after 🇷 makes one
/// character of two, so "the cursor moves by what was inserted" is not true.
/// The invariant, which a property test checks: `0 <= cursor <= text.count`.
public struct LineEditor: Equatable, Sendable {
    /// The text.
    public private(set) var text: String
    /// Cursor position, 0...text.count.
    public private(set) var cursor: Int

    /// An editor over `text` with the cursor at the end (or at `cursor`, clamped).
    public init(_ text: String, cursor: Int? = nil) {
        self.text = text
        let count = text.count
        self.cursor = min(max(0, cursor ?? count), count)
    }

    /// The index of the cursor in `text`.
    private var cursorIndex: String.Index { text.index(text.startIndex, offsetBy: cursor) }

    /// Sets the text to `head + tail` with the cursor where `head` ends, or
    /// on the first character boundary after it when the two parts join.
    private mutating func rebuild(head: Substring, tail: Substring) {
        let scalarsBefore = head.unicodeScalars.count
        text = String(head) + String(tail)
        var scalars = 0
        var characters = 0
        for character in text {
            if scalars >= scalarsBefore { break }
            scalars += character.unicodeScalars.count
            characters += 1
        }
        cursor = characters
    }

    /// Inserts at the cursor.
    public mutating func insert(_ insertion: String) {
        let index = cursorIndex
        rebuild(head: Substring(String(text[..<index]) + insertion), tail: text[index...])
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let index = cursorIndex
        rebuild(head: text[..<text.index(before: index)], tail: text[index...])
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        let index = cursorIndex
        guard index < text.endIndex else { return }
        rebuild(head: text[..<index], tail: text[text.index(after: index)...])
    }

    /// Moves the cursor by `delta` characters.
    public mutating func move(_ delta: Int) { cursor = min(max(0, cursor + delta), text.count) }
    /// To the start.
    public mutating func home() { cursor = 0 }
    /// To the end.
    public mutating func end() { cursor = text.count }

    /// Deletes from the start to the cursor (Ctrl-U).
    public mutating func killToStart() {
        rebuild(head: "", tail: text[cursorIndex...])
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    public mutating func killToEnd() { rebuild(head: text[..<cursorIndex], tail: "") }

    /// Deletes the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        let startIndex = text.index(text.startIndex, offsetBy: start)
        rebuild(head: text[..<startIndex], tail: text[cursorIndex...])
    }

    /// Moves to the start of the previous word.
    public mutating func wordLeft() { cursor = wordStart(before: cursor) }

    /// Moves past the end of the next word.
    public mutating func wordRight() {
        let chars = Array(text)
        var index = cursor
        while index < chars.count, !isWord(chars[index]) { index += 1 }
        while index < chars.count, isWord(chars[index]) { index += 1 }
        cursor = index
    }

    private func wordStart(before position: Int) -> Int {
        let chars = Array(text)
        var index = min(position, chars.count)
        while index > 0, !isWord(chars[index - 1]) { index -= 1 }
        while index > 0, isWord(chars[index - 1]) { index -= 1 }
        return index
    }

    private func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }

    /// The columns from the start of the text to the cursor.
    public var cursorColumn: Int { DisplayWidth.of(text.prefix(cursor)) }
}
