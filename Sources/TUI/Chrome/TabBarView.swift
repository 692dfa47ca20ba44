import CallbackCore
import Localization

/// The tab bar of the narrow layout.
enum TabBarView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        var x = rect.x + 1
        for pane in Pane.allCases {
            let label = label(pane, state.language)
            let style = pane == state.pane ? Style(.focus, bold: true) : Style(.muted)
            x += canvas.put(label, x: x, y: rect.y, style: style) + 1
        }
        let next = "F8 " + state.language(.tabNext)
        canvas.put(next, x: max(x + 1, rect.maxX - DisplayWidth.of(next) - 1), y: rect.y, style: .muted)
    }

    static func label(_ pane: Pane, _ language: UILanguage) -> String { " \(pane.rawValue + 1) \(pane.title(in: language)) " }

    /// The tab under column `x`, if any.
    static func pane(at x: Int, in rect: Rect, language: UILanguage) -> Pane? {
        var start = rect.x + 1
        for pane in Pane.allCases {
            let width = DisplayWidth.of(label(pane, language))
            if x >= start && x < start + width { return pane }
            start += width + 1
        }
        return nil
    }
}
