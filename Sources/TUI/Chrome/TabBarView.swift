import CallbackCore

/// The tab bar of the narrow layout.
enum TabBarView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        var x = rect.x + 1
        for pane in Pane.allCases {
            let label = label(pane)
            let style = pane == state.pane ? Style(.focus, bold: true) : Style(.muted)
            x += canvas.put(label, x: x, y: rect.y, style: style) + 1
        }
        canvas.put("F8 next tab", x: max(x + 1, rect.maxX - 12), y: rect.y, style: .muted)
    }

    static func label(_ pane: Pane) -> String { " \(pane.rawValue + 1) \(pane.title) " }

    /// The tab under column `x`, if any.
    static func pane(at x: Int, in rect: Rect) -> Pane? {
        var start = rect.x + 1
        for pane in Pane.allCases {
            let width = DisplayWidth.of(label(pane))
            if x >= start && x < start + width { return pane }
            start += width + 1
        }
        return nil
    }
}
