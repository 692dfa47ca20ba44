import CallbackCore
import CNcursesw
import Glibc
import Theming
import TUI
@testable import TUINcurses
import XCTest

/// What the screen gives curses must take, in curses's columns (glibc's `wcwidth` for each
/// code point), the columns the frame gives it; else curses draws the rest of the row
/// beside the frame, and a pane's border goes onto the next row.
final class CursesPlacementTests: XCTestCase {
    override func setUp() { setlocale(LC_ALL, "C.UTF-8") }

    static let characters: [Character] = ["🇷🇺", "👍🏽", "❤️", "👨‍👩‍👧", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "e\u{301}", "\u{1100}\u{1161}\u{11A8}", "🧑🏿‍💻", "✋🏻", "ё", "й"]

    private func columns(_ scalars: [UInt32]) -> Int {
        scalars.reduce(0) { $0 + max(0, Int(wcwidth(wchar_t(bitPattern: $1)))) }
    }

    func testEachCharacterTakesItsFramesColumnsInCurses() {
        for character in Self.characters {
            let frame = DisplayWidth.of(character)
            var run: [UInt32] = []
            CursesPlacement.append(character, columns: frame, to: &run)
            XCTAssertEqual(columns(run), frame, "\(character): \(run.map { String($0, radix: 16) })")
            XCTAssertEqual(run.first, character.unicodeScalars.first?.value, "\(character) keeps its first code point")
        }
        func placed(_ character: Character) -> [UInt32] {
            var run: [UInt32] = []
            CursesPlacement.append(character, columns: DisplayWidth.of(character), to: &run)
            return run
        }
        XCTAssertEqual(placed("🇷🇺"), [0x1F1F7, 0x1F1FA], "a flag goes whole")
        XCTAssertEqual(placed("e\u{301}"), [0x65, 0x301], "a letter keeps its accent")
        XCTAssertEqual(placed("👍🏽"), [0x1F44D], "the thumb without its tone")
        XCTAssertEqual(placed("❤️"), [0x2764, 0x20], "the heart in text style, and a space")
        XCTAssertEqual(placed("👨‍👩‍👧"), [0x1F468], "the first of a family, no joiner left to join the next")
    }

    /// Every such character at every offset of a row, beside ASCII, Cyrillic and CJK: each
    /// run the screen sends takes in curses exactly the columns it covers in the frame.
    func testARowsRunsTakeTheirColumnsInCurses() {
        let width = 30
        var runs = 0
        for character in Self.characters {
            for offset in 0..<(width - 4) {
                var canvas = TextCanvas(size: Size(width: width, height: 1))
                canvas.put("ab日" + String(character) + "Жx", x: offset, y: 0, style: .text)
                canvas.put("│", x: width - 1, y: 0, style: .muted)
                var starts: [(column: Int, columns: Int)] = []
                canvas.styledRuns(ofRow: 0, placing: { CursesPlacement.append($0, columns: $1, to: &$2) }) { column, _, scalars in
                    starts.append((column, self.columns(Array(scalars))))
                }
                for (index, run) in starts.enumerated() {
                    let end = index + 1 < starts.count ? starts[index + 1].column : width
                    XCTAssertEqual(run.columns, end - run.column, "\(character) at \(offset): \(canvas.row(0))")
                    runs += 1
                }
            }
        }
        XCTAssertGreaterThan(runs, 200)
    }
}
