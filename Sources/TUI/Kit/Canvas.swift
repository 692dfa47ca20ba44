import CallbackCore
import Glibc

/// Where views draw. The ncurses screen and the test canvas both implement it
/// through `TextCanvas`, a grid of cells; views never see the terminal.
public protocol Canvas {
    /// The drawable size.
    var size: Size { get }
    /// Writes `text` at (x, y) clipped to `maxWidth` columns (and the canvas);
    /// returns the columns used. Wide characters take two columns.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int?) -> Int
    /// Fills a rectangle with spaces in `style`.
    mutating func fill(_ rect: Rect, style: Style)
}

extension Canvas {
    /// Writes text without a width limit beyond the canvas.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style) -> Int {
        put(text, x: x, y: y, style: style, maxWidth: nil)
    }

    /// Writes text padded with spaces (or cut) to exactly `width` columns.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, style: Style) {
        let used = put(text, x: x, y: y, style: style, maxWidth: width)
        if used < width { fill(Rect(x: x + used, y: y, width: width - used, height: 1), style: style) }
    }
}

/// One cell of a `TextCanvas`, as read back.
public struct Cell: Equatable, Sendable {
    /// The character drawn, or nil for the right half of a wide character.
    public var character: Character?
    /// How it is drawn.
    public var style: Style

    /// A blank cell.
    public static let blank = Cell(character: " ", style: .text)
}

/// A cell as a canvas stores it: a glyph code and a style, with no reference in it, so
/// that a frame is filled, copied and compared as plain memory (a keystroke's frame
/// spent a third of its time retaining, releasing and comparing `Character`s, issue #32).
/// The glyph is the character's scalar when it has one, `rightHalf` for the right half of
/// a wide character, and `extraBase + i` for the canvas's `extras[i]` (a character of
/// several scalars: a flag, an accent combined, an emoji sequence).
struct PackedCell: Equatable, Sendable {
    var glyph: UInt32
    var style: Style

    /// A cell is compared as bytes (`sameRow`): glyph and style fill its eight bytes whole.
    static let hasNoPadding = MemoryLayout<PackedCell>.size == MemoryLayout<PackedCell>.stride
        && MemoryLayout<Style>.size == MemoryLayout<Style>.stride && MemoryLayout<PackedCell>.size == 8

    /// The right half of a wide character (beyond every scalar).
    static let rightHalf: UInt32 = 0x11_0000
    /// `extras[0]`'s glyph; `extras[i]` is `extraBase + i`.
    static let extraBase: UInt32 = 0x20_0000
    /// A blank.
    static let space = UInt32(0x20)
    /// `…`, the mark at the end of text cut to fit.
    static let ellipsis = UInt32(0x2026)
}

/// A grid of cells: the frame every view draws into. The ncurses layer copies
/// it to the terminal; tests read it back as text.
public struct TextCanvas: Canvas, Equatable, Sendable {
    /// The size.
    public private(set) var size: Size
    /// Row-major cells.
    private var cells: [PackedCell]
    /// The characters of several scalars drawn, which the cells name by index.
    private var extras: [Character] = []
    /// How far the text dialog drawn on it scrolls, when it is taller than the screen.
    public var dialogScrollLimit: Int? = nil

    /// A blank canvas.
    public init(size: Size) {
        self.size = size
        cells = Array(repeating: PackedCell(glyph: PackedCell.space, style: .text), count: max(0, size.width * size.height))
    }

    /// Two canvases are equal when they show the same: the same size, characters and styles.
    public static func == (lhs: TextCanvas, rhs: TextCanvas) -> Bool {
        guard lhs.size == rhs.size, lhs.dialogScrollLimit == rhs.dialogScrollLimit else { return false }
        return (0..<lhs.size.height).allSatisfy { lhs.sameRow($0, as: rhs) }
    }

    /// The character a glyph code stands for (nil for the right half of a wide one).
    private func character(_ glyph: UInt32) -> Character? {
        if glyph >= PackedCell.extraBase { return extras[Int(glyph - PackedCell.extraBase)] }
        if glyph == PackedCell.rightHalf { return nil }
        return Character(Unicode.Scalar(glyph) ?? " ")
    }

    /// The glyph code for `character`, keeping it among the extras when it has several scalars.
    private mutating func glyph(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        extras.append(character)
        return PackedCell.extraBase + UInt32(extras.count - 1)
    }

    /// The cell at (x, y).
    public func cell(x: Int, y: Int) -> Cell {
        let packed = cells[y * size.width + x]
        return Cell(character: character(packed.glyph), style: packed.style)
    }

    /// Whether row `y` holds the same cells here and in `other` (of the same size): the
    /// screen redraws only rows that differ.
    public func sameRow(_ y: Int, as other: TextCanvas) -> Bool {
        guard other.size == size, y >= 0, y < size.height else { return false }
        let start = y * size.width
        return cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                // Cells are plain bytes with no padding: with no character kept aside on either
                // side, equal bytes are equal cells.
                if PackedCell.hasNoPadding, extras.isEmpty && other.extras.isEmpty {
                    return memcmp(mine.baseAddress! + start, theirs.baseAddress! + start, size.width * MemoryLayout<PackedCell>.stride) == 0
                }
                for index in start..<(start + size.width) {
                    let a = mine[index], b = theirs[index]
                    if a.glyph < PackedCell.extraBase && b.glyph < PackedCell.extraBase {
                        if a != b { return false }
                    } else if a.style != b.style || character(a.glyph) != other.character(b.glyph) {
                        return false
                    }
                }
                return true
            }
        }
    }

    /// Row `y` as runs of one style, left to right: `body` gets each run's first column,
    /// its style and its scalars (a wide character's right half has none). A character of
    /// several scalars is given to `placing` with the columns it takes, to add what stands
    /// for it (all its scalars unless told otherwise).
    public func styledRuns(ofRow y: Int,
                           placing: (_ character: Character, _ columns: Int, _ run: inout [UInt32]) -> Void = TextCanvas.allScalars,
                           _ body: (_ column: Int, _ style: Style, _ scalars: UnsafeBufferPointer<UInt32>) -> Void) {
        guard y >= 0, y < size.height else { return }
        var run: [UInt32] = []
        run.reserveCapacity(size.width + 8)
        let start = y * size.width, end = start + size.width
        var index = start
        while index < end {
            let style = cells[index].style
            let column = index - start
            run.removeAll(keepingCapacity: true)
            while index < end, cells[index].style == style {
                let glyph = cells[index].glyph
                if glyph >= PackedCell.extraBase {
                    let columns = index + 1 < end && cells[index + 1].glyph == PackedCell.rightHalf ? 2 : 1
                    placing(extras[Int(glyph - PackedCell.extraBase)], columns, &run)
                } else if glyph != PackedCell.rightHalf {
                    run.append(glyph)
                }
                index += 1
            }
            run.withUnsafeBufferPointer { body(column, style, $0) }
        }
    }

    /// Every scalar of `character`: what `styledRuns` adds for it unless told otherwise.
    public static func allScalars(_ character: Character, columns: Int, run: inout [UInt32]) {
        for scalar in character.unicodeScalars { run.append(scalar.value) }
    }

    /// Writes text, clipped; returns columns used. Text that does not fit ends
    /// in `…`, so nothing is ever cut without a mark.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int?) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        guard limit > x else { return 0 }
        // Most of a frame is plain text whose every scalar is a character one column wide
        // (ASCII, Cyrillic, the box lines): laid out by scalar, without grapheme breaking
        // or width lookups, which were half of a keystroke's frame (issue #32).
        if text.unicodeScalars.allSatisfy(DisplayWidth.isSimple) {
            return putSimple(text.unicodeScalars, x: x, y: y, style: style, limit: limit)
        }
        // Untrusted text (the log, a server, a file) is shown, never obeyed: newlines and
        // tabs become spaces, other control characters their escapes. The common case,
        // plain text, takes no copy.
        var text = text
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || TerminalText.needsEscape($0) }) {
            text = TerminalText.escaped(String(text.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
        }
        // No character is wider than its UTF-8 bytes, so short text fits without measuring.
        var fits = true
        if text.utf8.count > limit - x {
            var total = x
            for character in text {
                total += DisplayWidth.of(character)
                if total > limit { fits = false; break }
            }
        }
        var column = x
        for character in text {
            let glyph = character
            let width = DisplayWidth.of(glyph)
            if width == 0 { continue }
            if column + width > (fits ? limit : limit - 1) { break }
            if column >= 0 {
                cells[y * size.width + column] = PackedCell(glyph: self.glyph(glyph), style: style)
                if width == 2 { cells[y * size.width + column + 1] = PackedCell(glyph: PackedCell.rightHalf, style: style) }
            }
            column += width
        }
        if !fits, column >= 0, column < limit {
            cells[y * size.width + column] = PackedCell(glyph: PackedCell.ellipsis, style: style)
            column += 1
        }
        return max(0, column - x)
    }

    /// `put` for text of simple scalars (`DisplayWidth.isSimple`): one cell per scalar, and
    /// the same clipping: text that does not fit ends in `…`.
    private mutating func putSimple(_ scalars: String.UnicodeScalarView, x: Int, y: Int, style: Style, limit: Int) -> Int {
        let count = scalars.count
        let fits = x + count <= limit
        let end = fits ? x + count : limit - 1
        var column = x
        let row = y * size.width
        cells.withUnsafeMutableBufferPointer { cells in
            for scalar in scalars {
                guard column < end else { break }
                if column >= 0 { cells[row + column] = PackedCell(glyph: scalar.value, style: style) }
                column += 1
            }
            if !fits, column >= 0, column < limit {
                cells[row + column] = PackedCell(glyph: PackedCell.ellipsis, style: style)
                column += 1
            }
        }
        return max(0, column - x)
    }

    /// Draws a box border around `rect` with an optional title. The top and bottom are
    /// text (cut with `…` at the canvas's edge, as `put` cuts); the sides are set cell by
    /// cell, what `put("│")` does at each row (every pane is a box, redrawn on every frame).
    public mutating func box(_ rect: Rect, title: String?, style: Style, titleStyle: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        let side = PackedCell(glyph: 0x2502, style: style), width = size.width
        let top = max(0, rect.y + 1)
        let rows = top..<max(top, min(size.height, rect.maxY - 1))
        let left = rect.x, right = rect.maxX - 1
        cells.withUnsafeMutableBufferPointer { cells in
            for row in rows {
                if left >= 0 && left < width { cells[row * width + left] = side }
                if right >= 0 && right < width { cells[row * width + right] = side }
            }
        }
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, style: titleStyle, maxWidth: rect.width - 4)
        }
    }

    /// Fills a rectangle with spaces.
    public mutating func fill(_ rect: Rect, style: Style) {
        let x0 = max(0, rect.x), x1 = min(size.width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let blank = PackedCell(glyph: PackedCell.space, style: style), width = size.width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in y0..<y1 {
                for x in x0..<x1 { cells[y * width + x] = blank }
            }
        }
    }

    /// Row `y` as plain text (wide characters once), trailing spaces kept.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<size.width {
            if let character = character(cells[y * size.width + x].glyph) { line.append(character) }
        }
        return line
    }

    /// The whole canvas as text, trailing spaces trimmed per row: for snapshots.
    public var text: String {
        (0..<size.height).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Where `needle` first appears: (x in columns, y), or nil.
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<size.height {
            let line = row(y)
            if let range = line.firstRange(of: needle) {
                return (DisplayWidth.of(line[line.startIndex..<range.lowerBound]), y)
            }
        }
        return nil
    }
}
