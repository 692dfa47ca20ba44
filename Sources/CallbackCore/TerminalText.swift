/// The one function that makes untrusted text (from a server, a file, the log,
/// the config) safe to show on a terminal: every control character is shown
/// visibly instead of acting (ESC as `\e`, CR as `\r`, BEL as `\u0007`...), so a
/// `call_id` cannot clear the screen, rename the window, set the clipboard, or
/// make an `unknown` line read as `placed`. Bidirectional overrides are shown
/// too (they can reorder what a line appears to say). `--json` output never
/// goes through here: JSON escapes its own.
public enum TerminalText {
    /// `text` with its control characters escaped visibly. With `keepNewlines`,
    /// line feeds stay (for multi-line messages of exocall's own).
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines: keepNewlines) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": result += "\\e"
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return result
    }

    /// Whether a character would act on the terminal (or hide what a line says).
    public static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A: return !keepNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        // The Arabic letter mark (a bidi control), fillers that draw as blanks where a
        // name seems to be, invisible operators, and tag characters (invisible text).
        case 0x061C, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2060...0x2064, 0xE0000...0xE007F: return true
        default: return false
        }
    }
}
