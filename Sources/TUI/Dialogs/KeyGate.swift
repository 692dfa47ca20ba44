/// Which keys a dialog that can place a call may take. A key that arrived with
/// or right after a paste, or before the dialog was on the screen (typed ahead,
/// or a paste's tail that a terminal delivered as keys: `ESC[201~ ESC[15~ y`),
/// is dropped: F5 then `y` must be two decisions, each made looking at the screen.
public struct KeyGate: Equatable, Sendable {
    /// The call-placing dialog last drawn, if one was.
    public private(set) var drawn: Dialog?

    /// A gate with nothing drawn yet.
    public init() {}

    /// Whether `action` may reach the reducer while `state` is as it is now.
    public func admits(_ action: Action, in state: AppState) -> Bool {
        guard case .key = action, let dialog = state.dialog, dialog.placesCall else { return true }
        return dialog == drawn
    }

    /// Whether the frame about to be drawn shows a call-placing dialog for the first
    /// time: the caller drains the input that arrived before it, then draws.
    public func isAppearing(_ state: AppState) -> Bool {
        guard let dialog = state.dialog, dialog.placesCall else { return false }
        return dialog != drawn
    }

    /// Records what a frame showed; returns true when a call-placing dialog has just appeared.
    @discardableResult
    public mutating func presented(_ state: AppState) -> Bool {
        let showing = state.dialog.flatMap { $0.placesCall ? $0 : nil }
        defer { drawn = showing }
        return showing != nil && showing != drawn
    }
}
