import CNcursesw
import TUI

/// Turns what `get_wch` returns into keys: control characters, function
/// keys, Alt (Esc-prefixed) keys, modified arrows, and bracketed paste.
struct InputDecoder {
    private var extended: [Int32: Key] = [:]
    private let pasteStart: Int32
    private let pasteEnd: Int32
    private var paste: String?
    private var pendingEscape = false

    init() {
        pasteStart = Int32(KEY_MAX) + 1
        pasteEnd = Int32(KEY_MAX) + 2
        _ = define_key("\u{1B}[200~", pasteStart)
        _ = define_key("\u{1B}[201~", pasteEnd)
        let names: [(String, Key)] = [("kUP5", .controlUp), ("kDN5", .controlDown), ("kLFT5", .controlLeft), ("kRIT5", .controlRight),
                                      ("kUP3", .altUp), ("kDN3", .altDown)]
        for (name, key) in names {
            let code = exo_key_code_for(name)
            if code > 0 { extended[code] = key }
        }
    }

    /// Feeds one `get_wch` result; returns the keys it completes.
    mutating func feed(status: Int32, value: UInt32) -> [Key] {
        if status == exo_key_code_yes() {
            let code = Int32(value)
            if code == pasteStart { paste = ""; return [] }
            if code == pasteEnd {
                let text = paste ?? ""
                paste = nil
                return text.isEmpty ? [] : [.paste(text)]
            }
            if paste != nil {
                if code == KEY_ENTER { paste?.append("\n") }
                return []
            }
            let key = functionKey(code)
            return withEscape(key)
        }
        guard let scalar = Unicode.Scalar(value) else { return [] }
        if paste != nil {
            paste?.append(scalar == "\r" ? "\n" : Character(scalar))
            return []
        }
        switch value {
        case 27:
            if pendingEscape { return [.escape] }
            pendingEscape = true
            return []
        case 9: return withEscape(.tab)
        case 10, 13: return withEscape(.enter)
        case 8, 127: return withEscape(.backspace)
        case 1...26: return withEscape(.control(Character(Unicode.Scalar(value + 96)!)))
        case 0...31: return []
        default:
            if pendingEscape {
                pendingEscape = false
                return [.alt(Character(scalar))]
            }
            return [.character(Character(scalar))]
        }
    }

    /// Called when input runs dry: a lone Esc is a real Escape.
    mutating func flush() -> [Key] {
        if pendingEscape {
            pendingEscape = false
            return [.escape]
        }
        return []
    }

    private mutating func withEscape(_ key: Key?) -> [Key] {
        guard let key else { return [] }
        if pendingEscape {
            pendingEscape = false
            switch key {
            case .up: return [.altUp]
            case .down: return [.altDown]
            default: return [.escape, key]
            }
        }
        return [key]
    }

    private func functionKey(_ code: Int32) -> Key? {
        if let known = extended[code] { return known }
        for n in 1...12 where code == exo_key_f(Int32(n)) { return .function(n) }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        default: return nil
        }
    }
}
