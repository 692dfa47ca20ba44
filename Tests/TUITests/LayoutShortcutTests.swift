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

    /// Simple text (ASCII, Latin, Cyrillic, the plain marks, newlines) is split into
    /// paragraphs and words between scalars: the same lines as split between characters.
    func testWordsSplitBetweenScalarsWrapAsBetweenCharacters() {
        let texts = Self.samples + [" leading", "trailing ", "two  spaces", "line\nbreak\n\nend", "  ", "\n",
                                    "word " + String(repeating: "w", count: 30), "Ошибка: номер 7 (999) неверен — «да»…",
                                    "No calls logged yet. Press F5 to send the form's request; every send appears here."]
        for text in texts where DisplayWidth.isSimpleLines(text) {
            for width in 1...45 {
                for maxLines in [1, 3, Int.max] {
                    XCTAssertEqual(TextWrap.byWords(text, width: width, maxLines: maxLines, splittingScalars: true),
                                   TextWrap.byWords(text, width: width, maxLines: maxLines, splittingScalars: false),
                                   "\(text.debugDescription) at \(width), \(maxLines) lines")
                }
            }
        }
    }

    func testABoxIsDrawnAsWhenItWasAllText() {
        let titles: [String?] = [nil, "", "Request", "Журнал звонков", "a very long title that does not fit at all", "🇷🇺 флаг"]
        // Inside the canvas, across each of its edges, and wholly outside it (16x8).
        for x in [-22, -2, -1, 0, 1, 2, 3, 4, 5, 6, 14, 15, 16, 17] {
            for y in [-10, -1, 0, 1, 2, 3, 6, 7, 8, 9] {
                for (width, height) in [(0, 0), (1, 5), (2, 2), (3, 4), (7, 3), (12, 6), (20, 9)] {
                    for title in titles {
                        var fast = TextCanvas(size: Size(width: 16, height: 8))
                        var reference = fast
                        fast.put("xyz", x: 0, y: 0, style: .muted)
                        reference.put("xyz", x: 0, y: 0, style: .muted)
                        let rect = Rect(x: x, y: y, width: width, height: height)
                        fast.box(rect, title: title, style: Style(.border), titleStyle: Style(.primary, bold: true))
                        Self.boxByText(&reference, rect, title: title, style: Style(.border), titleStyle: Style(.primary, bold: true))
                        XCTAssertTrue(fast == reference, "\(rect) \(title ?? "nil")\n\(fast.text)\n---\n\(reference.text)")
                    }
                }
            }
        }
    }

    func testTheFormsOrderAndRowsFollowEveryChangeOfShape() {
        var generator = SystemRandomNumberGenerator()
        var form = FormState()
        for _ in 0..<400 {
            let leg = Int.random(in: 0..<form.lines.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: form.lines[leg].audio.kind = AudioKind.allCases.randomElement(using: &generator)!
            case 1 where form.lines[leg].destinations.count < 5: form.lines[leg].destinations.append(DestinationForm())
            case 2 where form.lines[leg].destinations.count > 1: form.lines[leg].destinations.removeLast()
            default: form.requestDescription += "x"
            }
            let order = form.computedFocusOrder()
            XCTAssertEqual(form.focusOrder, order)
            XCTAssertEqual(form.rows, form.computedRows(order))
            XCTAssertEqual(form.focusOrder.filter { $0.line == leg && $0.destination != nil }.count,
                           form.lines[leg].destinations.count * 2, "a number and a timeout per destination")
        }
    }

    /// A box as it was drawn before its sides were set cell by cell: all of it text.
    static func boxByText(_ canvas: inout TextCanvas, _ rect: Rect, title: String?, style: Style, titleStyle: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        canvas.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put("│", x: rect.x, y: row, style: style)
            canvas.put("│", x: rect.maxX - 1, y: row, style: style)
        }
        canvas.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            canvas.put(" \(title) ", x: rect.x + 2, y: rect.y, style: titleStyle, maxWidth: rect.width - 4)
        }
    }
}
