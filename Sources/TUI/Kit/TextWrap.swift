import CallbackCore

/// Word wrapping by display width.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns (long words are cut).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        let w = DisplayWidth.of(character)
                        if headWidth + w > width - lineWidth - (lineWidth > 0 ? 1 : 0) { break }
                        head.append(character)
                        headWidth += w
                    }
                    if head.isEmpty { break }
                    result.append(line.isEmpty ? head : line + " " + head)
                    line = ""
                    lineWidth = 0
                    word = String(word.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(word)
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            result.append(line)
        }
        return result
    }
}
