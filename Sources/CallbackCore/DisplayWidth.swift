/// How many terminal columns text takes: East Asian wide and emoji characters
/// take two, combining marks none, everything else one. Used by every view and
/// table so Cyrillic and wide characters line up.
public enum DisplayWidth {
    /// Columns taken by `text`. Inlinable, so each caller gets it specialised for its
    /// string type (unspecialised, a frame spent a tenth of its time in generic dispatch).
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Text of simple scalars (most of it) is one column per scalar: no grapheme breaking.
        var scalars = 0
        for scalar in text.unicodeScalars {
            guard isSimple(scalar) else { return characterWidths(text) }
            scalars += 1
        }
        return scalars
    }

    @usableFromInline
    static func characterWidths<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns taken by one character (grapheme cluster).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        // A flag is two regional indicators: two columns, as terminals draw it and as curses
        // (one column per indicator) advances; counted as one, the rest of its row was drawn
        // one column to the right of the frame, and a pane's border went onto the next row.
        let regional: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
        if regional.contains(first.value) { return min(2, character.unicodeScalars.filter { regional.contains($0.value) }.count) }
        return of(scalar: first)
    }

    /// Columns taken by one scalar.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }
        // Cyrillic letters, most of what an operator types, skip the category lookup.
        if (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value) { return 1 }
        // So do the frame's own marks: dashes, quotes, bullets and ellipsis, the box lines,
        // blocks and shapes (U+25FD-25FE are wide emoji, left to the table).
        if isPlainMark(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) { return 2 }
        return 1
    }

    /// Punctuation (U+2010-2027, U+2030-205E), box drawing, blocks and geometric shapes
    /// (U+2500-25FC): one column each, one scalar per character, never joined to the next.
    static func isPlainMark(_ value: UInt32) -> Bool {
        (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x2500...0x25FC).contains(value)
    }

    /// Whether every scalar of `text` is simple or a newline: its characters are then its
    /// scalars, so it can be split and laid out scalar by scalar, one column each (the
    /// newlines aside), without grapheme breaking.
    public static func isSimpleLines(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\n" || isSimple($0) }
    }

    /// Whether `scalar` always stands alone as one character one column wide: printable
    /// ASCII and Latin up to U+02FF, Cyrillic letters, and the plain marks above. Text made
    /// only of these needs no grapheme breaking to be laid out.
    public static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return value >= 0x20 && (value < 0x7F || value >= 0xA0) }
        return (0x400...0x482).contains(value) || (0x48A...0x52F).contains(value) || isPlainMark(value)
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
