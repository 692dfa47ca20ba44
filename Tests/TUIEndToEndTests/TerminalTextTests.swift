import TmuxKit
import XCTest

/// The end-to-end tests read a pty a chunk at a time; a chunk can end inside a character.
final class TerminalTextTests: XCTestCase {
    func testACharacterCutBetweenTwoReadsIsDecodedWhole() {
        let drawn = "🇷🇺 черновик e\u{0301}❤\u{FE0F}"
        let bytes = Array(drawn.utf8)
        for cut in 0...bytes.count {
            var output = TerminalText()
            output.append(bytes[0..<cut])
            output.append(bytes[cut...])
            XCTAssertEqual(output.text, drawn, "cut after byte \(cut)")
        }
    }

    func testEveryByteInItsOwnReadStillGivesTheText() {
        let drawn = "флаг 🇷🇺"
        var output = TerminalText()
        for byte in drawn.utf8 { output.append([byte]) }
        XCTAssertEqual(output.text, drawn)
    }

    func testBytesThatBeginNoCharacterAreNotHeldBack() {
        var output = TerminalText()
        output.append([0x41, 0xFF])
        XCTAssertEqual(output.text, "A\u{FFFD}", "0xFF starts no sequence: shown at once, not kept for the next read")
        output.append([0xD1]) // the first half of a Cyrillic letter waits
        XCTAssertEqual(output.text, "A\u{FFFD}")
        output.append([0x84])
        XCTAssertEqual(output.text, "A\u{FFFD}ф")
    }
}
