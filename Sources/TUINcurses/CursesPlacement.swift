import CNcursesw

/// What curses is given for a character of several code points, so that it takes in
/// curses the columns it takes in the frame.
///
/// curses advances by glibc's `wcwidth` for each code point, where terminals and the
/// frame see one character: a skin-toned thumb (2 + 2 code point columns) is two columns
/// on screen, a heart with its emoji selector (1 + 0) two, a family joined by ZWJs
/// (2 + 0 + 2 + 0 + 2) two. When the two counts differ, curses puts the rest of the row
/// beside where the frame has it, and a pane's border goes onto the next row. So the
/// character goes to curses as its code points while they fit its columns (the marks that
/// combine with them kept; the joiners, presentation selectors and tags that would join
/// or restyle what is left out dropped), padded with spaces: the thumb without its skin
/// tone, the first of a family, the heart in text style. A flag (one column per
/// indicator) and an accented letter go whole.
enum CursesPlacement {
    /// Adds to `run` what stands for `character` in `columns` columns.
    static func append(_ character: Character, columns: Int, to run: inout [UInt32]) {
        var used = 0
        var placed = false
        for scalar in character.unicodeScalars {
            let width = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            if width > 0 {
                guard used + width <= columns else { break }
                run.append(scalar.value)
                used += width
                placed = true
            } else if width == 0, placed, !restyles(scalar) {
                run.append(scalar.value) // a combining mark, on what is already placed
            }
        }
        while used < columns {
            run.append(0x20)
            used += 1
        }
    }

    /// Code points that join the next one or choose how the last is drawn: the zero-width
    /// joiner, the variation selectors, and the tags of a subdivision flag.
    static func restyles(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0xE0000...0xE007F).contains(value) || (0xE0100...0xE01EF).contains(value)
    }
}
