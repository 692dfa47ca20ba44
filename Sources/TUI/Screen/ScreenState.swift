import Localization

/// The screen around the features: its size, the pane with the keyboard, the
/// loop's clock, the last click and whether the app is leaving.
public struct ScreenState: Equatable, Sendable {
    /// The terminal size.
    public var size: Size
    /// The pane with the keyboard (and, when narrow, the tab shown).
    public var pane: Pane = .form
    /// The loop's clock, seconds (ticks while something animates).
    public var now: Double = 0
    /// The last click, to tell a double-click.
    public var click = ClickState()
    /// The first row shown of a text dialog taller than the screen (↑↓ scroll it).
    public var dialogScroll = 0
    /// Set when the app should exit.
    public var quitting = false
    /// The wall clock when `now` was 0, in Unix milliseconds (the launcher sets it; 0 when
    /// unknown): the core reads no clock, yet knows which day it is.
    public var wallClockAtStart: Int64 = 0

    /// Unix milliseconds now, when the wall clock is known.
    public var wallClockNow: Int64? {
        wallClockAtStart > 0 ? wallClockAtStart + Int64(now * 1000) : nil
    }

    /// A screen of `size`, the form with the keyboard.
    public init(size: Size) {
        self.size = size
    }
}

/// What every feature's reducer may read of the screen around it (never write:
/// a feature asks for changes through its `Reply`).
struct ScreenContext {
    /// The operator's language.
    var language: UILanguage
    /// The terminal size.
    var size: Size
    /// The pane with the keyboard.
    var pane: Pane
    /// The loop's clock.
    var now: Double
}
