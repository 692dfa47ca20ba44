/// The one JSON writer of exocall. The preview pane, the wire body, the call log
/// and every export use its bytes, so what the operator sees is what is sent.
///
/// Keys are written in the order the value holds them (the model builds its
/// values in the spec's field order); strings are escaped minimally (Cyrillic and
/// emoji stay as they are); numbers are written as their lexeme.
public enum CanonicalJSON {
    /// Layout of the output.
    public enum Style: Sendable {
        /// No whitespace at all: the wire form.
        case compact
        /// Two-space indentation, one member per line: the preview form.
        case pretty
    }

    /// Serializes `value` in the given style.
    public static func string(_ value: JSONValue, style: Style) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(value, style: style, indent: 0, into: &out)
        return out
    }

    /// A JSON string literal for `text`, quotes included.
    public static func quote(_ text: String) -> String {
        var out = ""
        appendQuoted(text, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, style: Style, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let lexeme): out += lexeme
        case .string(let text): appendQuoted(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                newline(style, indent + 1, &out)
                write(item, style: style, indent: indent + 1, into: &out)
            }
            newline(style, indent, &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { out += "," }
                newline(style, indent + 1, &out)
                appendQuoted(member.key, into: &out)
                out += style == .pretty ? ": " : ":"
                write(member.value, style: style, indent: indent + 1, into: &out)
            }
            newline(style, indent, &out)
            out += "}"
        }
    }

    private static func newline(_ style: Style, _ indent: Int, _ out: inout String) {
        guard style == .pretty else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * 2)
    }

    private static func appendQuoted(_ text: String, into out: inout String) {
        out += "\""
        // Most text has nothing to escape: appended whole, not a scalar at a time (the preview
        // quotes every key and string of the request at each keystroke).
        guard text.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 || TerminalText.needsEscape($0) }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                // C0 as JSON requires; DEL, C1 (U+009B is a CSI to a terminal), bidi overrides
                // and invisible characters too, so JSON printed to a terminal cannot act on it.
                if scalar.value < 0x20 || TerminalText.needsEscape(scalar) {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        out += "\\u" + hexDigits(0xD800 + (offset >> 10), width: 4) + "\\u" + hexDigits(0xDC00 + (offset & 0x3FF), width: 4)
                    } else {
                        out += "\\u" + hexDigits(scalar.value, width: 4)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// The shortest decimal text that reads back as `value` (`1.1`, not
    /// `1.1000000000000001`); whole values keep one decimal (`1.0`).
    public static func number(_ value: Double) -> String {
        value.description
    }
}
