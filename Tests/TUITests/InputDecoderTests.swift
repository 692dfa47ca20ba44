import TUI
import XCTest

/// The raw-input decoder: every common sequence of xterm, tmux/screen, rxvt and
/// the Linux console; unknown sequences dropped whole; pastes as text only.
final class InputDecoderTests: XCTestCase {
    /// The terminal's bytes, read as they come: a character or a sequence split across two
    /// reads at any byte gives the keys the whole text gives.
    func testBytesSplitAnywhereDecodeAsTheirText() {
        let text = "aЁж👍🏽é\u{1B}[A\u{1B}[1;5C🇷🇺\u{1B}b x\u{1B}[200~при\u{1B}[201~"
        let bytes = Array(text.utf8)
        let whole = decode(text)
        XCTAssertEqual(whole.count, 14)
        XCTAssertEqual(whole.last, .paste("при"))
        for cut in 0...bytes.count {
            var decoder = InputDecoder()
            var keys = decoder.feed(bytes: bytes[..<cut])
            keys += decoder.feed(bytes: bytes[cut...])
            XCTAssertEqual(keys + decoder.flush(), whole, "cut at byte \(cut)")
        }
    }

    /// Half a character waits for its rest; a rest that never comes, or bytes that are not
    /// UTF-8, arrive as U+FFFD (shown, never dropped unseen), and the keys around them are kept.
    func testBytesThatAreNotUTF8AreReplacementCharacters() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed(bytes: [0x61, 0xD0]), [.character("a")])
        XCTAssertTrue(decoder.isWaiting, "the first byte of ж waits for the second")
        XCTAssertEqual(decoder.flush(), [.character("\u{FFFD}")])
        XCTAssertFalse(decoder.isWaiting)
        XCTAssertEqual(decoder.feed(bytes: [0xFF, 0x62, 0xD0, 0x63, 0x80]),
                       [.character("\u{FFFD}"), .character("b"), .character("\u{FFFD}"), .character("c"), .character("\u{FFFD}")])
        XCTAssertEqual(decoder.feed(bytes: [0xE0, 0x80, 0x80, 0x1B, 0x5B, 0x42]).last, .down, "an overlong form, then a key")
        XCTAssertEqual(decoder.feed(bytes: [0xD0]), [])
        XCTAssertEqual(decoder.feed(bytes: [0x1B, 0x5B, 0x41]), [.character("\u{FFFD}"), .up], "a key cuts a character short")
    }

    func testArrowsHomeEndInBothCursorModes() {
        XCTAssertEqual(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"), [.up, .down, .right, .left])
        XCTAssertEqual(decode("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD"), [.up, .down, .right, .left])
        XCTAssertEqual(decode("\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF"), [.home, .end, .home, .end])
    }

    func testTildeFormsOfEveryTerminal() {
        // xterm/tmux 1~ 4~, rxvt 7~ 8~, and the editing keys.
        XCTAssertEqual(decode("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~"), [.home, .end, .home, .end])
        XCTAssertEqual(decode("\u{1B}[2~\u{1B}[3~\u{1B}[5~\u{1B}[6~"), [.insert, .delete, .pageUp, .pageDown])
        XCTAssertEqual(decode("\u{1B}[3;5~\u{1B}[5;2~"), [.delete, .pageUp], "modifiers on tilde keys do not change the key")
    }

    func testFunctionKeys() {
        let xterm = "\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS\u{1B}[15~\u{1B}[17~\u{1B}[18~\u{1B}[19~\u{1B}[20~\u{1B}[21~\u{1B}[23~\u{1B}[24~"
        XCTAssertEqual(decode(xterm), (1...12).map(Key.function))
        XCTAssertEqual(decode("\u{1B}[11~\u{1B}[12~\u{1B}[13~\u{1B}[14~"), (1...4).map(Key.function), "rxvt and screen F1-F4")
        XCTAssertEqual(decode("\u{1B}[[A\u{1B}[[B\u{1B}[[C\u{1B}[[D\u{1B}[[E"), (1...5).map(Key.function), "the Linux console")
        XCTAssertEqual(decode("\u{1B}[1;2P\u{1B}[15;5~"), [.function(1), .function(5)], "modified function keys")
    }

    func testModifiedArrows() {
        XCTAssertEqual(decode("\u{1B}[1;5A\u{1B}[1;5B\u{1B}[1;5C\u{1B}[1;5D"), [.controlUp, .controlDown, .controlRight, .controlLeft])
        XCTAssertEqual(decode("\u{1B}[1;3A\u{1B}[1;3B"), [.altUp, .altDown])
        XCTAssertEqual(decode("\u{1B}[1;2A\u{1B}[1;2D"), [.up, .left], "shift keeps the plain arrow")
        XCTAssertEqual(decode("\u{1B}[a\u{1B}[b\u{1B}Oa\u{1B}Ob\u{1B}Oc\u{1B}Od"), [.up, .down, .controlUp, .controlDown, .controlRight, .controlLeft],
                       "rxvt's shifted and control arrows")
        XCTAssertEqual(decode("\u{1B}[Z"), [.backTab])
    }

    func testControlAltAndPlainCharacters() {
        XCTAssertEqual(decode("\u{01}\u{11}\t\r\n\u{7F}\u{08}"), [.control("a"), .control("q"), .tab, .enter, .enter, .backspace, .backspace])
        XCTAssertEqual(decode("\u{1B}b\u{1B}2"), [.alt("b"), .alt("2")])
        XCTAssertEqual(decode("Ёж 7"), [.character("Ё"), .character("ж"), .character(" "), .character("7")])
        XCTAssertEqual(decode("\u{1B}"), [.escape], "a lone Esc is Escape once input runs dry")
        XCTAssertEqual(decode("\u{1B}\u{1B}"), [.escape, .escape])
        XCTAssertEqual(decode("\u{1B}\t"), [.escape, .tab])
        XCTAssertEqual(decode("\u{00}\u{1C}\u{1F}\u{9B}"), [], "other control characters type nothing")
    }

    func testUnknownSequencesAreDroppedWholeNeverTyped() {
        XCTAssertEqual(decode("\u{1B}[99~x"), [.character("x")])
        XCTAssertEqual(decode("\u{1B}[<0;10;5Mx"), [.mouse(MouseEvent(kind: .press, x: 9, y: 4)), .character("x")], "a mouse report is not text")
        XCTAssertEqual(decode("\u{1B}[<65;3;2M\u{1B}[<32;3;2M"), [.mouse(MouseEvent(kind: .wheelDown, x: 2, y: 1))], "the wheel; motion is dropped")
        XCTAssertEqual(decode("\u{1B}[?1;2cx"), [.character("x")], "a terminal's reply is not text")
        XCTAssertEqual(decode("\u{1B}[12;34;56;78;90X"), [])
        XCTAssertEqual(decode("\u{1B}[4"), [], "a sequence cut short is dropped, not typed as 4")
        XCTAssertEqual(decode("\u{1B}[" + String(repeating: "1", count: 500) + "~y"), [.character("y")], "a runaway sequence is bounded")
    }

    func testAPasteIsOnePieceOfTextWithoutControls() {
        XCTAssertEqual(decode("\u{1B}[200~79 99\u{07}\u{1B}\r\nЁж\u{1B}[201~"), [.paste("79 99\nЁж")])
        XCTAssertEqual(decode("\u{1B}[200~a\tb\u{1B}[201~"), [.paste("a\tb")])
        XCTAssertEqual(decode("\u{1B}[200~\u{1B}[201~"), [], "an empty paste is nothing")
    }

    func testNothingInsideAPasteBecomesAKey() {
        // The attack: an end marker inside the pasted text, then F5 and y.
        let keys = decode("\u{1B}[200~x\u{1B}[201~\u{1B}[15~y\u{1B}[201~")
        XCTAssertEqual(keys.count, 1, "\(keys)")
        guard case .paste(let text)? = keys.first else { return XCTFail("\(keys)") }
        XCTAssertTrue(text.hasPrefix("x") && text.hasSuffix("y"), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 }, "no control character survives")
        XCTAssertFalse(keys.contains(.function(5)))
        // Keys typed after a paste (next burst) are keys again.
        var decoder = InputDecoder()
        var got: [Key] = []
        for scalar in "\u{1B}[200~ab\u{1B}[201~".unicodeScalars { got += decoder.feed(scalar) }
        got += decoder.flush()
        for scalar in "\u{1B}[15~".unicodeScalars { got += decoder.feed(scalar) }
        got += decoder.flush()
        XCTAssertEqual(got, [.paste("ab"), .function(5)])
    }

    func testAPasteSpanningReadsStaysOpen() {
        var decoder = InputDecoder()
        var got: [Key] = []
        for scalar in "\u{1B}[200~first ".unicodeScalars { got += decoder.feed(scalar) }
        got += decoder.flush() // the terminal's next chunk has not arrived yet
        XCTAssertTrue(decoder.isWaiting)
        for scalar in "half\u{1B}[201~".unicodeScalars { got += decoder.feed(scalar) }
        got += decoder.flush()
        XCTAssertEqual(got, [.paste("first half")])
    }

    func testRandomBytesNeverCrashAndAlwaysSettle() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var decoder = InputDecoder()
            for _ in 0..<Int.random(in: 1...64, using: &generator) {
                let value = UInt32.random(in: 0...0x7F, using: &generator)
                _ = decoder.feed(Unicode.Scalar(value)!)
            }
            _ = decoder.flush()
            // After the burst ends, a fresh plain key decodes as itself (unless a paste is still open).
            if !decoder.isWaiting { XCTAssertEqual(decoder.feed("q"), [.character("q")]) }
        }
    }
}

/// What reaches a field is what the operator typed: no control characters.
final class TypedTextTests: XCTestCase {
    func testPastedControlCharactersAreDroppedAndNewlinesBecomeSpacesInOneLineFields() {
        var state = freshState()
        state.press(.paste("a\u{07}b\u{1B}[2Jc\r\nd\te\u{85}f"))
        XCTAssertEqual(state.form.requestDescription, "ab[2Jc d ef")
        XCTAssertFalse(state.preview.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    func testAPastedControlCharacterCannotTriggerAKey() {
        var state = freshState()
        state.press(.paste("\u{11}\u{0D}"))  // Ctrl-Q and Enter as text
        XCTAssertFalse(state.quitting)
        XCTAssertEqual(state.fields.focus, .requestDescription, "Enter inside a paste is not a key")
    }
}
