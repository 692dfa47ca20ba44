import FoundationEssentials
import Glibc

/// What a terminal can show, and how a theme colour maps onto it.
public enum ColorDepth: Equatable, Sendable {
    /// 24-bit colour (ncurses direct colour: the colour number is 0xRRGGBB).
    case truecolor
    /// The xterm 256-colour palette.
    case palette256
    /// The 16 ANSI colours.
    case ansi16
    /// The 8 basic colours.
    case ansi8
    /// No colour: attributes only.
    case monochrome

    /// The depth's name as the theme dialog shows it (a switch: reflecting an enum's case
    /// name costs a start-up a millisecond in a binary this size).
    public var name: String {
        switch self {
        case .truecolor: return "truecolor"
        case .palette256: return "palette256"
        case .ansi16: return "ansi16"
        case .ansi8: return "ansi8"
        case .monochrome: return "monochrome"
        }
    }

    /// The depth for a terminal reporting `colors`, with `NO_COLOR` (any non-empty value) forcing monochrome.
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        switch colors {
        case 0..<8: return .monochrome
        case 8..<16: return .ansi8
        case 16..<256: return .ansi16
        case 256..<(1 << 24): return .palette256
        default: return .truecolor
        }
    }

    /// The terminal colour number for `color` at this depth; -1 is the terminal default.
    public func number(for color: ThemeColor) -> Int {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let index):
            return self == .ansi8 ? index % 8 : index
        case .indexed(let index):
            switch self {
            case .palette256: return index
            case .truecolor: return index < 16 ? index : Self.packed(Self.xterm256RGB(index))
            case .ansi16, .ansi8, .monochrome: return index < (self == .ansi16 ? 16 : 8) ? index : nearest(Self.xterm256RGB(index))
            }
        case .rgb(let r, let g, let b):
            return self == .truecolor ? Self.packed((r, g, b)) : nearest((r, g, b))
        }
    }

    /// The nearest colour of this depth's palette to an RGB value. At 256
    /// colours that is the nearest cube or grey entry; at 16 and 8 it keeps the
    /// hue (pastel blue stays cyan or blue, not white), since distinct roles
    /// must stay distinct where the palette is that small.
    public func nearest(_ rgb: (UInt8, UInt8, UInt8)) -> Int {
        switch self {
        case .truecolor: return Self.packed(rgb)
        case .ansi16: return Self.byHue(rgb, bright: true)
        case .ansi8, .monochrome: return Self.byHue(rgb, bright: false)
        case .palette256: break
        }
        let candidates = 16..<256 // the cube and greys are the same on every terminal; 0-15 are themable
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for index in candidates {
            let distance = Self.distance(rgb, Self.xterm256RGB(index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// An ANSI colour by hue sector and brightness; greys by lightness.
    static func byHue(_ rgb: (UInt8, UInt8, UInt8), bright allowBright: Bool) -> Int {
        let r = Double(rgb.0) / 255, g = Double(rgb.1) / 255, b = Double(rgb.2) / 255
        let maximum = max(r, g, b), minimum = min(r, g, b)
        let lightness = (maximum + minimum) / 2
        let chroma = maximum - minimum
        if lightness < 0.15 { return 0 } // near-black backgrounds (Solarized's base03) stay black
        if chroma < 0.15 {
            switch lightness {
            case ..<0.2: return 0
            case ..<0.55: return allowBright ? 8 : 0
            case ..<0.93: return 7
            default: return allowBright ? 15 : 7
            }
        }
        var hue: Double
        if maximum == r { hue = 60 * ((g - b) / chroma).truncatingRemainder(dividingBy: 6) }
        else if maximum == g { hue = 60 * ((b - r) / chroma + 2) }
        else { hue = 60 * ((r - g) / chroma + 4) }
        if hue < 0 { hue += 360 }
        let base = [1, 3, 2, 6, 4, 5][Int((hue / 60).rounded()) % 6] // red, yellow, green, cyan, blue, magenta
        return allowBright && maximum >= 0.9 ? base + 8 : base
    }

    static func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int { Int(rgb.0) << 16 | Int(rgb.1) << 8 | Int(rgb.2) }

    /// Perceptual-ish distance ("redmean"), good enough to pick palette entries.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let rMean = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }

    /// The RGB value of an xterm 256-colour index (xterm's default for 0-15).
    public static func xterm256RGB(_ index: Int) -> (UInt8, UInt8, UInt8) {
        let basic: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let cube = index - 16
            let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
            return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
        }
        let grey = UInt8(8 + (index - 232) * 10)
        return (grey, grey, grey)
    }
}
