import CallbackCore
import Theming
@testable import TUI
import XCTest

/// The shortcuts a keystroke's frame takes (a scrolled field cut by counting scalars, a
/// preview token placed whole) give what the character-by-character layout gives, for
/// text of every kind at every offset and width.
final class LayoutShortcutTests: XCTestCase {
    static let samples = ["", "a", "internal_id_148", "Соединяю с клиентом", "ё", "e\u{301}clair", "日本語のテキスト", "👍🏽 ok",
                          "a\u{200B}b", "tab\there", "x" + String(repeating: "Ж", count: 40) + "y", "🇷🇺 флаг", "“quoted” — dash…"]

    func testAScrolledFieldIsCutAsCharacterByCharacter() {
        for text in Self.samples {
            for offset in 0...(text.unicodeScalars.count + 2) {
                XCTAssertEqual(FormView.visible(text, from: offset), FormView.visibleByCharacters(text, from: offset), "\(text.debugDescription) from \(offset)")
            }
        }
    }

    func testAWrappedPreviewLineIsTheSameWithWholeTokens() {
        var generator = SystemRandomNumberGenerator()
        let roles: [Role] = [.jsonKey, .jsonString, .jsonPunctuation, .jsonNumber]
        for _ in 0..<300 {
            let count = Int.random(in: 1...8, using: &generator)
            let tokens = (0..<count).map { _ in
                PreviewDocument.Token(text: Self.samples.randomElement(using: &generator)!, role: roles.randomElement(using: &generator)!)
            }
            for width in 1...50 {
                XCTAssertEqual(PreviewView.wrapped(tokens, width: width), PreviewView.wrapped(tokens, width: width, wholeTokens: false),
                               "\(tokens.map(\.text)) at \(width)")
            }
        }
    }

    func testTextThatFitsWrapsAsWordByWord() {
        let more = Self.samples + [" leading", "trailing ", "two  spaces", "a b c d e f", "line\nbreak", "  ", " ", "\n",
                                   "word " + String(repeating: "w", count: 30), "Ошибка: номер 7 (999) неверен"]
        for text in more {
            for width in 1...45 {
                for maxLines in [1, 2, 3, Int.max] {
                    XCTAssertEqual(TextWrap.lines(text, width: width, maxLines: maxLines), TextWrap.byWords(text, width: width, maxLines: maxLines),
                                   "\(text.debugDescription) at \(width), \(maxLines) lines")
                }
            }
        }
    }
}
