import CallbackCore

/// Word wrapping by display width, in one pass over the text: each character
/// is measured once, so an 80,000-character description wraps in linear time
/// (the old word-by-word cut re-measured the rest of a long word per line).
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns (long words are cut).
    /// With `maxLines`, stops after that many lines (what a view can show).
    public static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        // Most text a frame wraps (the status line, a log entry's words) is one line of simple
        // scalars that fits: it is its own one line, with no word split (the wrap below drops
        // only leading spaces, hence the first scalar's check). Issue #32: wrapping the status
        // line on every keystroke's frame was a tenth of the frame.
        if text.unicodeScalars.first != " ", text.unicodeScalars.count <= width,
           text.unicodeScalars.allSatisfy(DisplayWidth.isSimple) {
            return [text]
        }
        return byWords(text, width: width, maxLines: maxLines)
    }

    /// `lines` without the shortcut: word by word (what the shortcut is tested against).
    static func byWords(_ text: String, width: Int, maxLines: Int) -> [String] {
        byWords(text, width: width, maxLines: maxLines, splittingScalars: DisplayWidth.isSimpleLines(text))
    }

    /// The same, the paragraphs and words split between scalars when `splittingScalars`
    /// (text whose every scalar stands alone as a character: the same pieces as between
    /// characters, without breaking the text into graphemes; the test holds the two to
    /// the same lines). The log panel's and the status line's words, at every frame.
    static func byWords(_ text: String, width: Int, maxLines: Int, splittingScalars: Bool) -> [String] {
        func pieces(_ text: Substring, _ separator: Unicode.Scalar) -> [Substring] {
            splittingScalars ? text.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false).map(Substring.init)
                             : text.split(separator: Character(separator), omittingEmptySubsequences: false)
        }
        var result: [String] = []
        for paragraph in pieces(text[...], "\n") {
            var line = ""
            var lineWidth = 0
            for word in pieces(paragraph, " ") {
                if result.count >= maxLines { return result }
                let wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth > width - lineWidth - (lineWidth > 0 ? 1 : 0) {
                    // A word longer than the room: cut it, character by character, once.
                    if lineWidth > 0 {
                        line += " "
                        lineWidth += 1
                    }
                    for character in word {
                        let w = DisplayWidth.of(character)
                        if lineWidth + w > width && lineWidth > 0 {
                            result.append(line)
                            if result.count >= maxLines { return result }
                            line = ""
                            lineWidth = 0
                        }
                        line.append(character)
                        lineWidth += w
                    }
                    continue
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line.append(contentsOf: word) // the Substring overload (`+=` is generic over any Sequence)
                lineWidth += wordWidth
            }
            result.append(line)
            if result.count >= maxLines { return result }
        }
        return result
    }
}
