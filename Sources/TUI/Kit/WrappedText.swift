import CallbackCore

/// Hard wrapping of editor text by display width (and at newlines), with the
/// mapping between a cursor (character index) and a visual row and column.
struct WrappedText {
    /// Character index ranges of each visual row (newlines excluded).
    let rows: [Range<Int>]

    init(_ text: String, width: Int) {
        var rows: [Range<Int>] = []
        var start = 0
        var column = 0
        var index = 0
        for character in text {
            if character == "\n" {
                rows.append(start..<index)
                start = index + 1
                column = 0
            } else {
                let w = max(1, DisplayWidth.of(character))
                if column + w > max(1, width) {
                    rows.append(start..<index)
                    start = index
                    column = 0
                }
                column += w
            }
            index += 1
        }
        rows.append(start..<index)
        self.rows = rows
    }

    /// The visual row holding `cursor` (a cursor at a wrap point goes to the next row).
    func row(of cursor: Int) -> Int {
        var found = 0
        for (index, range) in rows.enumerated() where range.lowerBound <= cursor { found = index }
        return found
    }

    /// The cursor for column `column` (in characters) of `row`, clamped to the row.
    func cursor(row: Int, column: Int) -> Int {
        let range = rows[max(0, min(row, rows.count - 1))]
        return min(range.lowerBound + column, range.upperBound)
    }
}
