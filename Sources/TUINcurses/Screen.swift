import CNcursesw
import TUI

/// Copies frames to the terminal. Only rows that changed since the last
/// frame are rewritten, and ncurses then sends only the cells that differ.
struct Screen {
    private var palette: Palette
    private var previous: TextCanvas?

    init(palette: Palette) { self.palette = palette }

    /// The frame on the terminal now (nil before the first, and after a resize or a theme change).
    var shown: TextCanvas? { previous }

    /// Whether the next frame clears the terminal before it is drawn.
    private var mustClear = false

    /// Forgets the last frame after the terminal changed under it (a resize, a resume):
    /// the next one clears the whole terminal, then draws everything. A terminal keeps
    /// what it showed beyond a smaller size (tmux shows it again when the window grows
    /// back), and curses, which takes those cells for blank, left it there.
    mutating func invalidate() {
        previous = nil
        mustClear = true
    }

    /// Switches to another palette (a theme change) and redraws everything.
    mutating func use(_ palette: Palette) {
        self.palette = palette
        previous = nil
    }

    mutating func present(_ frame: Frame) {
        let canvas = frame.canvas
        let size = canvas.size
        if mustClear {
            clear()
            mustClear = false
        } else if previous?.size != size {
            erase()
        }
        for y in 0..<size.height {
            if let previous, previous.sameRow(y, as: canvas) { continue }
            drawRow(canvas, y)
        }
        previous = canvas
        if let cursor = frame.cursor, cursor.x < size.width, cursor.y < size.height {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
            move(Int32(max(0, size.height - 1)), 0)
        }
        refresh()
    }

    private mutating func drawRow(_ canvas: TextCanvas, _ y: Int) {
        canvas.styledRuns(ofRow: y, placing: { CursesPlacement.append($0, columns: $1, to: &$2) }) { column, style, scalars in
            let (attrs, pair) = palette.attributes(for: style)
            _ = exo_attr_set(attrs, pair)
            // A scalar is a wchar_t's bits on Linux; curses reads `count` of them, no terminator.
            scalars.withMemoryRebound(to: wchar_t.self) { wide in
                _ = exo_mvaddnwstr(Int32(y), Int32(column), wide.baseAddress, Int32(wide.count))
            }
        }
    }
}
