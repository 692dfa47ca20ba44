/// What an editing key does to a line of text: the key table turns keys into
/// these (`KeyMeaning.editing`), the line editor carries them out.
public enum TextEdit: Equatable, Sendable {
    /// Type a character.
    case type(Character)
    /// A bracketed paste.
    case paste(String)
    /// A paste too large to keep (`InputDecoder.pasteLimit`): only counted.
    case pasteTooLarge(characters: Int)
    case backspace, deleteForward, left, right, home, end
    case killToStart, killToEnd, deleteWordBackward, wordLeft, wordRight
}
