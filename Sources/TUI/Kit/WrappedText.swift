import CallbackCore

/// Wrapping of editor text by display width at word boundaries (a word longer
/// than the row is cut), and at newlines, with the mapping between a cursor
/// (character index) and a visual row and column.
struct WrappedText {
    /// The text's characters: `rows` index into them.
    let characters: [Character]
    /// Character index ranges of each visual row (newlines excluded; a row keeps its trailing space).
    let rows: [Range<Int>]

    init(_ text: String, width: Int) {
        // Text of simple scalars (ASCII, Latin, Cyrillic, the plain marks: most of what is
        // typed) and newlines is a character per scalar, each one column: no grapheme
        // breaking and no width lookups (5,000 instructions a letter, issue #32).
        if DisplayWidth.isSimpleLines(text) {
            self.init(characters: text.unicodeScalars.map(Character.init), width: width, oneColumnEach: true)
        } else {
            self.init(characters: Array(text), width: width, oneColumnEach: false)
        }
    }

    /// Lays out `characters`, each as wide as it is drawn, or one column each (a newline
    /// aside) with `oneColumnEach`. The test holds the two to the same rows for simple text.
    init(characters: [Character], width: Int, oneColumnEach: Bool) {
        func columns(_ character: Character) -> Int { oneColumnEach ? 1 : max(1, DisplayWidth.of(character)) }
        let width = max(1, width)
        var rows: [Range<Int>] = []
        var start = 0
        var column = 0
        var lastBreak: Int? = nil // index just after the last space on this row
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                rows.append(start..<index)
                start = index + 1
                column = 0
                lastBreak = nil
                index += 1
                continue
            }
            let w = columns(character)
            if column + w > width && character != " " {
                // Break after the last space when there is one on the row, else cut the word.
                let cut = lastBreak.flatMap { $0 > start ? $0 : nil } ?? index
                rows.append(start..<cut)
                start = cut
                column = characters[cut..<index].reduce(0) { $0 + columns($1) }
                lastBreak = nil
                continue
            }
            column += w
            if character == " " { lastBreak = index + 1 }
            index += 1
        }
        rows.append(start..<characters.count)
        self.characters = characters
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

extension Array where Element == Character {
    /// The characters in `range` as a string, appended one by one: `String(slice)` goes
    /// through the standard library's unspecialised generic initialiser, which asks the
    /// runtime for the slice's conformances on every frame an editor is drawn.
    func string(_ range: Range<Int>) -> String {
        var text = ""
        for index in range { text.append(self[index]) }
        return text
    }
}
