import CNcursesw
import Theming
import TUI

/// Maps styles to ncurses attributes and colour pairs for one theme at the
/// terminal's colour depth. Pairs are allocated as styles are first drawn.
struct Palette {
    let theme: Theme
    let depth: ColorDepth
    private var pairs: [Int64: Int32] = [:]
    private var cache: [Style: (attr_t, Int32)] = [:]
    private var nextPair: Int32 = 1
    /// Each theme colour's number at this depth, found once: at 256 colours the nearest of
    /// 240 entries is searched for, a quarter of a million instructions over a first frame.
    private var numbers: [ThemeColor: Int] = [:]

    init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
    }

    /// The attributes and colour pair for a style.
    mutating func attributes(for style: Style) -> (attr_t, Int32) {
        if let known = cache[style] { return known }
        let look = theme.look(style.role)
        let background = style.background.map { theme.look($0).bg ?? .terminalDefault } ?? look.bg ?? .terminalDefault
        var attrs = exo_a_normal()
        var wanted = look.attributes ?? []
        if style.bold { wanted.insert(.bold) }
        if style.underline { wanted.insert(.underline) }
        // A background role the theme draws with attributes rather than a colour
        // (monochrome's reverse selection) lends those attributes.
        if let base = style.background, depth == .monochrome || (theme.look(base).bg ?? .terminalDefault) == .terminalDefault {
            wanted.formUnion(theme.look(base).attributes ?? [])
        }
        for attribute in wanted {
            switch attribute {
            case .bold: attrs |= exo_a_bold()
            case .dim: attrs |= exo_a_dim()
            case .italic: attrs |= exo_a_italic()
            case .underline: attrs |= exo_a_underline()
            case .reverse: attrs |= exo_a_reverse()
            }
        }
        var pair: Int32 = 0
        if depth != .monochrome {
            let fg = number(for: look.fg ?? .terminalDefault)
            let bg = number(for: background)
            let key = Int64(fg + 1) << 32 | Int64(bg + 1)
            if let existing = pairs[key] {
                pair = existing
            } else if Int(nextPair) < Int(exo_color_pairs()) {
                _ = exo_init_pair(nextPair, Int32(fg), Int32(bg))
                pairs[key] = nextPair
                pair = nextPair
                nextPair += 1
            }
        }
        cache[style] = (attrs, pair)
        return (attrs, pair)
    }

    /// The terminal's number for a theme colour at this depth (-1: the terminal's default).
    private mutating func number(for color: ThemeColor) -> Int {
        if let known = numbers[color] { return known }
        let number = depth.number(for: color)
        numbers[color] = number
        return number
    }
}
