import Localization
import CallbackCore
import FoundationEssentials
import Glibc

/// The editing keys of a one-line text field.
enum TextEditing {
    /// C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The most characters any text box takes by typing or pasting: far more than a
    /// description needs, and it keeps every key's work bounded (a description of a
    /// million pasted characters cost half a second a key). A file loaded with F3 or
    /// --load is not cut: this bounds what arrives through the keyboard.
    static let inputLimit = 100_000

    /// Applies `key` to `editor` if it is an editing key; returns whether it was one.
    /// A character the field refuses sets `status` and leaves the text as it was.
    static func apply(_ edit: TextEdit, to editor: inout LineEditor, rule: TextRule, limit: Int = TextEditing.inputLimit,
                      multiline: Bool = false, status: inout StatusMessage?, language: UILanguage = .en) -> Bool {
        switch edit {
        case .type(let character) where character.unicodeScalars.contains(where: TextEditing.isControl):
            return true // a control character types nothing
        case .type(let character):
            if let refusal = rule.refusal(of: character) {
                status = StatusMessage(language(.typedRefused, ["refusal": language(refusal), "character": String(character)]), .warning)
                return true
            }
            if Rules.characterCount(editor.text) + Rules.characterCount(String(character)) > limit {
                status = StatusMessage(language(.typedAtLimit, ["limit": "\(limit)"]), .warning)
                return true
            }
            editor.insert(String(character))
        case .pasteTooLarge(let count):
            status = StatusMessage(language(.pasteTooLarge, ["count": "\(count)", "limit": "\(InputDecoder.pasteLimit)"]), .warning)
        case .paste(let pasted):
            var normalized = pasted.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
                .replacing("\t", with: " ")
            // Invisible bytes never reach the wire: control characters other than newlines are dropped.
            normalized.unicodeScalars.removeAll { $0 != "\n" && TextEditing.isControl($0) }
            let oneLine = multiline ? normalized : normalized.replacing("\n", with: " ")
            if let bad = oneLine.first(where: { rule.refusal(of: $0) != nil }), let refusal = rule.refusal(of: bad) {
                status = StatusMessage(language(.pasteRefused, ["refusal": language(refusal), "bad": String(bad)]), .warning)
                return true
            }
            if Rules.characterCount(editor.text) + Rules.characterCount(oneLine) > limit {
                let count = Rules.characterCount(editor.text) + Rules.characterCount(oneLine)
                status = StatusMessage(language(.pasteOverLimit, ["count": "\(count)", "limit": "\(limit)"]), .warning)
                return true
            }
            editor.insert(oneLine)
        case .backspace: editor.backspace()
        case .deleteForward: editor.deleteForward()
        case .left: editor.move(-1)
        case .right: editor.move(1)
        case .home: editor.home()
        case .end: editor.end()
        case .killToStart: editor.killToStart()
        case .killToEnd: editor.killToEnd()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .wordLeft: editor.wordLeft()
        case .wordRight: editor.wordRight()
        }
        return true
    }
}
