import CallbackCore
import Glibc
@testable import TUI
import XCTest

/// glibc's `wcwidth` (what curses advances for a code point); Swift's Glibc module does not export it.
@_silgen_name("wcwidth") private func systemColumns(_ character: wchar_t) -> Int32
/// What the screen sends curses for a row must take as many columns in curses (glibc's
/// `wcwidth`, one per regional indicator) as the frame gives it: a flag counted as one
/// column pushed the rest of its row one column right, and a pane's border onto the next row.
final class FlagWidthTests: XCTestCase {
    func testAFlagTakesInCursesTheColumnsItTakesInTheFrame() {
        setlocale(LC_ALL, "C.UTF-8")
        var runs = 0
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            for lead in 0..<70 {
                var state = freshState(size, form: exampleForm())
                state.press(.end)
                state.type(String(repeating: "a", count: lead) + "🇷🇺 日本 Жx 🇫🇷")
                let canvas = render(state).canvas
                for y in 0..<size.height {
                    var starts: [(column: Int, width: Int32)] = []
                    canvas.styledRuns(ofRow: y) { column, _, scalars in
                        starts.append((column, scalars.reduce(Int32(0)) { $0 + max(0, systemColumns(wchar_t(bitPattern: $1))) }))
                    }
                    for (index, run) in starts.enumerated() {
                        let end = index + 1 < starts.count ? starts[index + 1].column : size.width
                        XCTAssertEqual(Int(run.width), end - run.column, "row \(y) at \(size.width)x\(size.height), lead \(lead): \(canvas.row(y))")
                        runs += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(runs, 1000)
    }
}
