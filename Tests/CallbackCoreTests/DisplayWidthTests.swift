import CallbackCore
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testCyrillicIsOneColumnWideCharactersTwo() {
        XCTAssertEqual(DisplayWidth.of("Привет"), 6)
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        // A flag: two regional indicators, two columns (curses advances one per indicator).
        XCTAssertEqual(DisplayWidth.of("🇷🇺"), 2)
        XCTAssertEqual(DisplayWidth.of("🇷🇺x"), 3)
        XCTAssertEqual(DisplayWidth.of("\u{1F1F7}"), 1, "a lone indicator")
        XCTAssertEqual(DisplayWidth.of("\u{1F1F7}\u{301}"), 1, "an indicator with a mark")
        XCTAssertEqual(DisplayWidth.of("é"), 1)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }

    /// The fast paths (ASCII, Cyrillic letters) agree with the general rule at their edges.
    func testFastPathsKeepControlsAndCombiningMarksNarrow() {
        XCTAssertEqual(DisplayWidth.of("\u{1B}"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{7F}"), 0)
        XCTAssertEqual(DisplayWidth.of("\r\n"), 0)
        XCTAssertEqual(DisplayWidth.of("ёЁҐґ"), 4)
        XCTAssertEqual(DisplayWidth.of(scalar: "\u{483}"), 0, "a Cyrillic combining titlo")
        XCTAssertEqual(DisplayWidth.of("а\u{301}"), 1, "a stressed Cyrillic vowel")
    }
}

/// The frame's own marks take the fast path and keep their width.
final class PlainMarkWidthTests: XCTestCase {
    func testBoxLinesPunctuationAndShapesAreOneColumnAndSimple() {
        XCTAssertEqual(DisplayWidth.of("┌─┐│└┘"), 6)
        XCTAssertEqual(DisplayWidth.of("‹ sequential › · … — «»"), 23)
        XCTAssertEqual(DisplayWidth.of("■□▲●"), 4)
        XCTAssertEqual(DisplayWidth.of("\u{25FD}"), 2, "a wide emoji square is left to the table")
        XCTAssertEqual(DisplayWidth.of("e\u{301}x"), 2, "a combining mark still joins its letter")
        for scalar in "┌─│‹›·…—«»■".unicodeScalars {
            XCTAssertTrue(DisplayWidth.isSimple(scalar))
            XCTAssertEqual(DisplayWidth.of(scalar: scalar), 1)
        }
    }
}
