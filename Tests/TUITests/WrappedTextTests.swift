import CallbackCore
@testable import TUI
import XCTest

/// Wrapping text for the editors (the TTS text, a note): text of simple scalars is laid
/// out a scalar a column, without grapheme breaking, and must wrap exactly as the
/// character-by-character layout does.
final class WrappedTextTests: XCTestCase {
    /// Simple text (ASCII, Latin, Cyrillic, dashes, newlines) at every width from 1 to 40:
    /// the same characters and rows as the layout that measures each character.
    func testSimpleTextWrapsAsTheCharacterLayoutDoes() {
        let texts = [
            "МТС Exolve — конструктор омниканальных диалогов для бизнеса",
            "Здравствуйте!\nВаш заказ номер 12 готов… «Спасибо», что ждали.",
            "a  b   c\n\nverylongwordwithoutanyspacesatallthatmustbecut end ",
            " leading and trailing spaces ",
            "Ёлка ёжик É café naïve ø ß",
            "",
        ]
        for text in texts {
            XCTAssertTrue(DisplayWidth.isSimpleLines(text), text)
            for width in 1...40 {
                let fast = WrappedText(text, width: width)
                let measured = WrappedText(characters: Array(text), width: width, oneColumnEach: false)
                XCTAssertEqual(fast.characters, measured.characters, "\(text) at \(width)")
                XCTAssertEqual(fast.rows, measured.rows, "\(text) at \(width)")
            }
        }
    }

    /// Text that is not simple (a wide character, an emoji with its selector, a flag, an
    /// accent combined, CRLF) is measured character by character: a wide one takes two columns.
    func testOtherTextIsMeasuredByCharacter() {
        let wrapped = WrappedText("日本 e\u{301}🇷🇺\r\nx❤️y", width: 4)
        XCTAssertEqual(wrapped.characters, Array("日本 e\u{301}🇷🇺\r\nx❤️y"))
        XCTAssertEqual(wrapped.rows, [0..<3, 3..<6, 6..<9]) // 日本 and a space; é, the flag, CRLF (one column, as ever); x❤️y
    }
}
