import CallbackCore
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testCyrillicIsOneColumnWideCharactersTwo() {
        XCTAssertEqual(DisplayWidth.of("Привет"), 6)
        XCTAssertEqual(DisplayWidth.of("日本"), 4)
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("é"), 1)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }
}
