import Localization

/// A colour as a theme file writes it.
public enum ThemeColor: Equatable, Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0-15).
    case ansi(Int)
    /// An xterm 256-colour index.
    case indexed(Int)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "bright_black", "bright_red", "bright_green", "bright_yellow", "bright_blue",
                                   "bright_magenta", "bright_cyan", "bright_white"]

    /// Parses `#rrggbb`, an index 0-255, an ANSI name, or `default`; nil otherwise.
    public init?(parsing text: String) {
        let lower = text.lowercased().trimmingSpaces()
        // `#rrggbb` first: nearly every colour a theme writes is one (a user's theme is parsed before the first frame).
        if lower.hasPrefix("#") {
            guard lower.utf8.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) else { return nil }
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            return
        }
        if lower == "default" { self = .terminalDefault; return }
        if let index = Int(lower), (0...255).contains(index) { self = .indexed(index); return }
        let name = lower.contains("-") ? String(lower.map { $0 == "-" ? "_" : $0 }) : lower
        if let index = ThemeColor.ansiNames.firstIndex(of: name) { self = .ansi(index); return }
        return nil
    }

    /// The colour's RGB value (nil for the terminal default).
    public var rgbValue: (UInt8, UInt8, UInt8)? {
        switch self {
        case .terminalDefault: return nil
        case .ansi(let index): return ColorDepth.xterm256RGB(index)
        case .indexed(let index): return ColorDepth.xterm256RGB(index)
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }
}
