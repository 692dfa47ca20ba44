import CallbackCore
import TUI
import XCTest

/// Text whose every scalar is a one-column character is laid out by scalar (issue #32's
/// fast path); it must land exactly where the grapheme-by-grapheme layout puts it.
final class CanvasLayoutTests: XCTestCase {
    /// Each simple text is drawn twice: as it is, and with its first character swapped for
    /// a decomposed "é" (one column, two scalars: the general path). The columns used and
    /// every cell but that one must agree, at every offset and width, clipped or not.
    func testTheScalarLayoutAgreesWithTheGraphemeLayout() {
        let texts = ["a", "exocall", "79991234567890", "Привет, оператор", "┌─ Request ─┐", "‹ sequential › · …",
                     "Ёлка — «ёж» ‘x’", "x\u{A0}y\u{2F0}z", String(repeating: "─", count: 30)]
        for text in texts {
            XCTAssertTrue(text.unicodeScalars.allSatisfy(DisplayWidth.isSimple), "\(text) takes the fast path")
            let general = "e\u{301}" + String(text.dropFirst())
            XCTAssertFalse(general.unicodeScalars.allSatisfy(DisplayWidth.isSimple))
            for x in -3...14 {
                for maxWidth in [nil, 0, 1, 2, 5, 9, 13] as [Int?] {
                    var simple = TextCanvas(size: Size(width: 16, height: 1))
                    var reference = TextCanvas(size: Size(width: 16, height: 1))
                    let usedSimple = simple.put(text, x: x, y: 0, style: .text, maxWidth: maxWidth)
                    let usedReference = reference.put(general, x: x, y: 0, style: .text, maxWidth: maxWidth)
                    let context = "\(text) at \(x), width \(maxWidth.map(String.init) ?? "-")"
                    XCTAssertEqual(usedSimple, usedReference, context)
                    for column in 0..<16 where column != x {
                        XCTAssertEqual(simple.cell(x: column, y: 0), reference.cell(x: column, y: 0), "\(context), column \(column)")
                    }
                    if x >= 0, let first = reference.cell(x: x, y: 0).character, first != " " {
                        XCTAssertTrue(first == "é" || first == "…", context)
                    }
                }
            }
        }
    }

    func testWhatIsNotSimpleTakesTheGraphemeLayout() {
        for scalar: Unicode.Scalar in ["\u{301}", "\u{483}", "\u{200D}", "\u{FE0F}", "\u{25FD}", "\u{1F600}", "\u{1100}", "\u{1F1F7}", "\u{202E}", "\u{7F}", "\u{9B}", "\u{1B}"] {
            XCTAssertFalse(DisplayWidth.isSimple(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        var canvas = TextCanvas(size: Size(width: 8, height: 1))
        XCTAssertEqual(canvas.put("漢字 ok", x: 0, y: 0, style: .text), 7, "wide characters take two columns each")
        XCTAssertEqual(canvas.text, "漢字 ok")
    }

    /// Cells keep a character of several scalars aside and name it by number: two frames
    /// showing the same are equal however their characters were kept, two showing different
    /// ones are not, and the screen is given each character's scalars whole.
    func testCharactersOfSeveralScalarsCompareByWhatTheyShow() {
        var a = TextCanvas(size: Size(width: 12, height: 2))
        var b = TextCanvas(size: Size(width: 12, height: 2))
        a.put("🇷🇺", x: 0, y: 0, style: .text)
        a.put("e\u{301}", x: 0, y: 1, style: .text)
        b.put("e\u{301}", x: 0, y: 1, style: .text)
        b.put("🇷🇺", x: 0, y: 0, style: .text)
        XCTAssertEqual(a, b, "kept in another order, the same frame")
        XCTAssertTrue(a.sameRow(0, as: b) && a.sameRow(1, as: b))
        var c = b
        c.put("🇫🇷", x: 0, y: 0, style: .text)
        XCTAssertFalse(c.sameRow(0, as: a), "another flag, another row")
        XCTAssertTrue(c.sameRow(1, as: a))
        XCTAssertEqual(a.cell(x: 0, y: 0).character, "🇷🇺")
        var wide = TextCanvas(size: Size(width: 4, height: 1))
        wide.put("日", x: 0, y: 0, style: .text)
        XCTAssertNil(wide.cell(x: 1, y: 0).character, "the right half of a wide character")
        var wideRuns: [[UInt32]] = []
        wide.styledRuns(ofRow: 0) { _, _, scalars in wideRuns.append(Array(scalars)) }
        XCTAssertEqual(wideRuns, [[0x65E5, 0x20, 0x20]], "its right half has no scalar")
        var runs: [[UInt32]] = []
        a.styledRuns(ofRow: 1) { _, _, scalars in runs.append(Array(scalars)) }
        XCTAssertEqual(runs.first?.prefix(2), [0x65, 0x301])
        XCTAssertEqual(runs.first?.count, 13, "e + its accent, then eleven blanks: one run of one style")
        var styled = TextCanvas(size: Size(width: 4, height: 1))
        styled.put("ab", x: 1, y: 0, style: .muted)
        var columns: [Int] = []
        styled.styledRuns(ofRow: 0) { column, _, _ in columns.append(column) }
        XCTAssertEqual(columns, [0, 1, 3])
    }
}
