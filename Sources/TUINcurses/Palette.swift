import CNcursesw
import TUI

/// Colours for each role at the terminal's depth. (Themes replace this
/// built-in dark palette in the themes issue; the roles stay.)
struct Palette {
    /// A role's look: colour indices (-1 is the terminal's own) and attributes.
    struct Look {
        var fg: Int32
        var bg: Int32
        var bold = false
        var dim = false
        var reverse = false
        var underline = false
    }

    let colors: Int
    let monochrome: Bool
    private var looks: [Role: Look] = [:]
    private var pairs: [Int64: Int32] = [:]
    private var cache: [Style: (attr_t, Int32)] = [:]
    private var nextPair: Int32 = 1

    init(colors: Int, monochrome: Bool) {
        self.colors = colors
        self.monochrome = monochrome
        let rich = colors >= 256
        func c(_ rich256: Int32, _ basic: Int32) -> Int32 { rich ? rich256 : basic }
        looks = [
            .text: Look(fg: -1, bg: -1),
            .muted: Look(fg: c(245, 7), bg: -1, dim: !rich),
            .background: Look(fg: -1, bg: -1),
            .surface: Look(fg: -1, bg: c(236, -1)),
            .border: Look(fg: c(240, 7), bg: -1),
            .focus: Look(fg: c(81, 6), bg: c(237, -1), bold: true),
            .selection: Look(fg: -1, bg: c(24, 4)),
            .primary: Look(fg: c(75, 4), bg: -1, bold: true),
            .accent: Look(fg: c(215, 3), bg: -1),
            .success: Look(fg: c(114, 2), bg: -1),
            .warning: Look(fg: c(221, 3), bg: -1),
            .error: Look(fg: c(203, 1), bg: -1, bold: true),
            .jsonKey: Look(fg: c(117, 6), bg: -1),
            .jsonString: Look(fg: c(150, 2), bg: -1),
            .jsonNumber: Look(fg: c(215, 3), bg: -1),
            .jsonBool: Look(fg: c(176, 5), bg: -1),
            .jsonNull: Look(fg: c(176, 5), bg: -1),
            .jsonPunctuation: Look(fg: c(246, 7), bg: -1),
            .badgePlaced: Look(fg: c(16, 0), bg: c(114, 2)),
            .badgeRejected: Look(fg: c(231, 7), bg: c(160, 1)),
            .badgeNotSent: Look(fg: c(16, 0), bg: c(250, 7)),
            .badgeUnknown: Look(fg: c(16, 0), bg: c(221, 3)),
            .badgeSending: Look(fg: c(16, 0), bg: c(117, 6)),
            .demoBanner: Look(fg: c(16, 0), bg: c(213, 5), bold: true),
        ]
    }

    /// The attributes and colour pair for a style, allocating pairs on first use.
    mutating func attributes(for style: Style) -> (attr_t, Int32) {
        if let known = cache[style] { return known }
        let look = looks[style.role] ?? Look(fg: -1, bg: -1)
        let background = style.background.flatMap { looks[$0]?.bg } ?? look.bg
        var attrs = exo_a_normal()
        if look.bold || style.bold { attrs |= exo_a_bold() }
        if look.dim { attrs |= exo_a_dim() }
        if look.underline || style.underline { attrs |= exo_a_underline() }
        var pair: Int32 = 0
        if monochrome {
            switch style.role {
            case .focus, .selection, .demoBanner, .badgePlaced, .badgeRejected, .badgeNotSent, .badgeUnknown, .badgeSending:
                attrs |= exo_a_reverse()
            case .error: attrs |= exo_a_bold() | exo_a_underline()
            case .muted, .border, .jsonPunctuation: attrs |= exo_a_dim()
            default: break
            }
            if style.background == .selection || style.background == .focus { attrs |= exo_a_reverse() }
        } else {
            let key = Int64(look.fg + 1) << 32 | Int64(background + 1)
            if let existing = pairs[key] {
                pair = existing
            } else if Int(nextPair) < Int(exo_color_pairs()) {
                init_pair(Int16(nextPair), Int16(look.fg), Int16(background))
                pairs[key] = nextPair
                pair = nextPair
                nextPair += 1
            }
        }
        cache[style] = (attrs, pair)
        return (attrs, pair)
    }
}
