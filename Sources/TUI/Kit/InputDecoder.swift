import FoundationEssentials
import Glibc

/// Turns the characters a terminal sends into keys, without terminfo: the CSI
/// and SS3 forms of xterm, tmux/screen, rxvt and the Linux console, with
/// modifiers, whatever `TERM` claims. A sequence it does not know is dropped
/// whole, never typed. A bracketed paste is text only: control characters are
/// dropped, and nothing inside it (an embedded end-of-paste marker included)
/// can become a key, and neither can what arrives in the same burst right after
/// the paste's end (a terminal that does not filter pastes delivers clipboard
/// text holding `ESC[201~` that way: what follows it is still the clipboard).
/// Control strings (DCS `ESC P`, OSC `ESC ]`, APC `ESC _`, PM `ESC ^`, SOS `ESC X`,
/// and their C1 forms) are skipped whole, up to their terminator.
///
/// The paste being collected lives in its own buffer, appended in place, so a
/// paste costs linear time (kept in the mode's associated value, each character
/// copied the whole text: 5 MB took 12 minutes); past `pasteLimit` characters
/// the rest is counted, not kept, and the paste arrives as `.pasteTooLarge`.
public struct InputDecoder: Sendable {
    private enum Mode: Sendable {
        case ground
        /// After ESC.
        case escape
        /// After ESC [ (or ESC O when `ss3`), collecting parameters.
        case sequence(introducer: Character, parameters: String)
        /// After ESC [ [ (the Linux console's F1-F5).
        case linuxFunction
        /// A runaway sequence: everything up to its final byte is dropped.
        case discard
        /// Inside a bracketed paste; `marker` is how many characters of ESC [ 2 0 1 ~ have been seen.
        case paste(marker: Int)
        /// A paste's end marker arrived; what follows in the same burst is still the
        /// clipboard's (an embedded marker, keys' bytes), so it joins the paste as text.
        case pasteEnding
        /// Inside a control string (DCS, OSC, APC, PM, SOS), up to ST or BEL;
        /// `escape` after its ESC; `idle` counts flushes with nothing new.
        case controlString(escape: Bool, idle: Int)
    }

    private var mode = Mode.ground
    /// The paste being collected, and how many characters it had (kept or not).
    private var pasteText = ""
    private var pasteCount = 0
    /// Whether this paste's end marker has been seen (what follows in the burst is still its text).
    private var pasteEnded = false
    /// The first bytes of a UTF-8 character whose rest has not been read yet.
    private var pendingBytes: [UInt8] = []
    private static let pasteEnd = Array("\u{1B}[201~".unicodeScalars)

    /// The most characters a paste may bring: far more than any field takes (the
    /// largest, a request file pasted whole, is about 50 KB).
    public static let pasteLimit = 1 << 20

    /// How many idle flushes (about 30 ms each) an unterminated control string is
    /// waited for before the decoder gives up on it and reads keys again.
    static let controlStringPatience = 10

    /// A decoder in its ground state.
    public init() {}

    /// Whether a sequence is half-read: the caller should wait a moment for the
    /// rest before calling `flush()` (a lone Esc, a split sequence, a paste's tail).
    public var isWaiting: Bool {
        if !pendingBytes.isEmpty { return true }
        if case .ground = mode { return false }
        return true
    }

    /// Feeds bytes as the terminal sent them (UTF-8); returns the keys they complete.
    /// A character split across two reads waits for its rest; a byte that cannot
    /// start or continue a character is U+FFFD, as `String(decoding:as:)` reads it.
    public mutating func feed(bytes: some Collection<UInt8>) -> [Key] {
        var keys: [Key] = []
        for byte in bytes {
            if pendingBytes.isEmpty, byte < 0x80 {
                keys += feed(Unicode.Scalar(byte))
                continue
            }
            if !pendingBytes.isEmpty, byte & 0xC0 != 0x80 {
                // The character was cut short: what came is U+FFFD, and this byte starts afresh.
                keys += decodePending()
                if byte < 0x80 {
                    keys += feed(Unicode.Scalar(byte))
                    continue
                }
            }
            pendingBytes.append(byte)
            if pendingBytes.count >= Self.utf8Length(lead: pendingBytes[0]) { keys += decodePending() }
        }
        return keys
    }

    /// How many bytes a UTF-8 character starting with `lead` takes (1 for a byte that cannot start one).
    private static func utf8Length(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    /// The pending bytes as characters (U+FFFD for what is not UTF-8), fed on.
    private mutating func decodePending() -> [Key] {
        let text = String(decoding: pendingBytes, as: UTF8.self)
        pendingBytes.removeAll(keepingCapacity: true)
        var keys: [Key] = []
        for scalar in text.unicodeScalars { keys += feed(scalar) }
        return keys
    }

    /// Feeds one character; returns the keys it completes.
    public mutating func feed(_ scalar: Unicode.Scalar) -> [Key] {
        switch mode {
        case .ground:
            return ground(scalar)
        case .escape:
            mode = .ground
            switch scalar {
            case "[": mode = .sequence(introducer: "[", parameters: ""); return []
            case "O": mode = .sequence(introducer: "O", parameters: ""); return []
            case "P", "]", "_", "^", "X": mode = .controlString(escape: false, idle: 0); return []
            case "\u{1B}": mode = .escape; return [.escape]
            default:
                // Alt + a character; Esc then another key (Tab, Enter...) is both.
                let keys = ground(scalar)
                if case .character(let character)? = keys.first { return [.alt(character)] }
                return keys.isEmpty ? [.escape] : [.escape] + keys
            }
        case .sequence(let introducer, let parameters):
            if introducer == "[" && parameters.isEmpty && scalar == "[" {
                mode = .linuxFunction
                return []
            }
            let value = scalar.value
            // Parameters and intermediates: digits ; : < = > ? and space..slash, except rxvt's `$` final.
            if (0x30...0x3F).contains(value) || ((0x20...0x2F).contains(value) && scalar != "$") {
                guard parameters.count < 32 else { mode = .discard; return [] } // runaway: drop it whole
                mode = .sequence(introducer: introducer, parameters: parameters + String(scalar))
                return []
            }
            mode = .ground
            guard (0x40...0x7E).contains(value) || scalar == "$" else { return ground(scalar) }
            return sequence(introducer: introducer, parameters: parameters, final: Character(scalar))
        case .discard:
            if (0x40...0x7E).contains(scalar.value) { mode = .ground }
            return []
        case .linuxFunction:
            mode = .ground
            switch scalar {
            case "A"..."E": return [.function(Int(scalar.value - 0x40))]
            default: return []
            }
        case .paste(let marker):
            if scalar == Self.pasteEnd[marker] {
                mode = marker + 1 == Self.pasteEnd.count ? .pasteEnding : .paste(marker: marker + 1)
                return []
            }
            // Not the marker after all: what was held is text (its ESC dropped), then this.
            for held in Self.pasteEnd[1..<max(1, marker)] { appendToPaste(held) }
            if scalar == "\u{1B}" {
                mode = .paste(marker: 1)
            } else {
                appendToPaste(scalar)
                mode = .paste(marker: 0)
            }
            return []
        case .pasteEnding:
            pasteEnded = true
            // Still the same burst: the clipboard held the end marker. What follows is
            // its text, never keys (it could be F5 and "y"); an ESC opens another marker.
            for held in Self.pasteEnd.dropFirst() { appendToPaste(held) }
            if scalar == "\u{1B}" {
                mode = .paste(marker: 1)
            } else {
                appendToPaste(scalar)
                mode = .paste(marker: 0)
            }
            return []
        case .controlString(let escape, _):
            if escape {
                // ST (ESC \\) ends the string; ESC and anything else starts a new sequence.
                mode = .ground
                return scalar == "\\" ? [] : feed(scalar)
            }
            switch scalar.value {
            case 0x07, 0x9C: mode = .ground
            case 0x1B: mode = .controlString(escape: true, idle: 0)
            default: mode = .controlString(escape: false, idle: 0)
            }
            return []
        }
    }

    /// Adds one character of a paste: up to `pasteLimit`, control characters dropped
    /// (newlines, carriage returns and tabs kept for the field to judge; CR becomes a
    /// newline when the paste ends).
    private mutating func appendToPaste(_ scalar: Unicode.Scalar) {
        pasteCount += 1
        guard pasteCount <= Self.pasteLimit else { return }
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: pasteText.unicodeScalars.append(scalar)
        case 0x00...0x1F, 0x7F...0x9F: return
        default: pasteText.unicodeScalars.append(scalar)
        }
    }

    /// Input ran dry: a lone Esc is Escape, an unfinished sequence is dropped, a
    /// finished paste is delivered. A paste still open keeps waiting for its end.
    public mutating func flush() -> [Key] {
        // A character whose rest never came is U+FFFD; then the sequence it was in is flushed.
        if !pendingBytes.isEmpty { return decodePending() + flush() }
        switch mode {
        case .paste where pasteEnded:
            return finishPaste() // an end marker was seen: a second one half-read does not hold the paste open
        case .ground, .paste: return []
        case .controlString(let escape, let idle):
            // An unterminated string is waited for a while, then given up (keys are read again).
            mode = idle + 1 >= Self.controlStringPatience ? .ground : .controlString(escape: escape, idle: idle + 1)
            return []
        case .escape:
            mode = .ground
            return [.escape]
        case .sequence(let introducer, let parameters):
            mode = .ground
            // ESC O alone is Alt-O; anything longer was cut short and is dropped.
            return introducer == "O" && parameters.isEmpty ? [.alt("O")] : (introducer == "[" && parameters.isEmpty ? [.alt("[")] : [])
        case .linuxFunction, .discard:
            mode = .ground
            return []
        case .pasteEnding:
            return finishPaste()
        }
    }

    /// The paste is over: it arrives as one piece of text (CR and CRLF as newlines),
    /// or as `.pasteTooLarge` with its size when it was over `pasteLimit`.
    private mutating func finishPaste() -> [Key] {
        mode = .ground
        defer {
            pasteText = ""
            pasteCount = 0
            pasteEnded = false
        }
        if pasteCount > Self.pasteLimit { return [.pasteTooLarge(characters: pasteCount)] }
        guard pasteText.unicodeScalars.contains(where: { $0 == "\r" }) else { return pasteText.isEmpty ? [] : [.paste(pasteText)] }
        let text = pasteText.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        return text.isEmpty ? [] : [.paste(text)]
    }

    private mutating func ground(_ scalar: Unicode.Scalar) -> [Key] {
        switch scalar.value {
        case 27:
            mode = .escape
            return []
        case 9: return [.tab]
        case 10, 13: return [.enter]
        case 8, 127: return [.backspace]
        case 1...26: return [.control(Character(Unicode.Scalar(scalar.value + 96)!))]
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: // C1 DCS, SOS, OSC, PM, APC: a control string follows
            mode = .controlString(escape: false, idle: 0)
            return []
        case 0x9B: // C1 CSI
            mode = .sequence(introducer: "\u{9B}", parameters: "")
            return []
        case 0...31, 0x80...0x9F: return [] // other control characters type nothing
        default: return [.character(Character(scalar))]
        }
    }

    /// An SGR mouse report, `b;x;y` (1-based cells): clicks of the left, middle
    /// and right buttons and the wheel; motion and modified clicks are dropped.
    static func mouse(_ parameters: Substring, pressed: Bool) -> [Key] {
        let fields = parameters.split(separator: ";").compactMap { Int($0) }
        guard fields.count == 3, fields[1] >= 1, fields[2] >= 1 else { return [] }
        let (code, x, y) = (fields[0], fields[1] - 1, fields[2] - 1)
        guard code & 32 == 0 else { return [] } // motion
        switch code & ~(4 | 8 | 16) {
        case 0, 1, 2: return [.mouse(MouseEvent(kind: pressed ? .press : .release, button: code & 3, x: x, y: y))]
        case 64: return [.mouse(MouseEvent(kind: .wheelUp, x: x, y: y))]
        case 65: return [.mouse(MouseEvent(kind: .wheelDown, x: x, y: y))]
        default: return []
        }
    }

    /// The key a complete sequence stands for; nil (dropped) when unknown.
    private mutating func sequence(introducer: Character, parameters: String, final: Character) -> [Key] {
        let introducer: Character = introducer == "\u{9B}" ? "[" : introducer
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = fields.first.flatMap { $0 }
        // xterm modifiers: 1 + (shift 1, alt 2, ctrl 4).
        let modifier = fields.count > 1 ? max(0, (fields[1] ?? 1) - 1) : 0
        let alt = modifier & 2 != 0
        let control = modifier & 4 != 0
        func arrow(_ plain: Key, ctrl: Key, altKey: Key) -> [Key] { [control ? ctrl : (alt ? altKey : plain)] }
        if parameters.hasPrefix("<"), introducer == "[", final == "M" || final == "m" {
            return Self.mouse(parameters.dropFirst(), pressed: final == "M")
        }
        if parameters.hasPrefix("<") || parameters.hasPrefix("?") || parameters.hasPrefix(">") || parameters.hasPrefix("=") {
            return [] // terminal replies are not keys
        }
        switch (introducer, final) {
        case (_, "A"): return arrow(.up, ctrl: .controlUp, altKey: .altUp)
        case (_, "B"): return arrow(.down, ctrl: .controlDown, altKey: .altDown)
        case (_, "C"): return arrow(.right, ctrl: .controlRight, altKey: .controlRight)
        case (_, "D"): return arrow(.left, ctrl: .controlLeft, altKey: .controlLeft)
        case (_, "H"): return [.home]
        case (_, "F"): return [.end]
        case ("O", "M"): return [.enter]
        case (_, "P"): return [.function(1)]
        case (_, "Q"): return [.function(2)]
        case (_, "R"): return [.function(3)]
        case (_, "S"): return [.function(4)]
        case ("[", "Z"): return [.backTab]
        // rxvt: shifted arrows ESC [ a..d, control arrows ESC O a..d.
        case ("[", "a"): return [.up]
        case ("[", "b"): return [.down]
        case ("[", "c"): return [.right]
        case ("[", "d"): return [.left]
        case ("O", "a"): return [.controlUp]
        case ("O", "b"): return [.controlDown]
        case ("O", "c"): return [.controlRight]
        case ("O", "d"): return [.controlLeft]
        case ("[", "~"), ("[", "^"), ("[", "$"), ("[", "@"):
            switch first {
            case 1?, 7?: return [.home]
            case 2?: return [.insert]
            case 3?: return [.delete]
            case 4?, 8?: return [.end]
            case 5?: return [.pageUp]
            case 6?: return [.pageDown]
            case 11?, 12?, 13?, 14?, 15?: return [.function(first! - 10)]
            case 17?, 18?, 19?, 20?, 21?: return [.function(first! - 11)]
            case 23?, 24?: return [.function(first! - 12)]
            case 200?:
                pasteText = ""
                pasteCount = 0
                pasteEnded = false
                mode = .paste(marker: 0)
                return []
            default: return []
            }
        default: return []
        }
    }
}
