import CallbackCore
import Localization

/// The help overlay: every key, by place, scrolled within its text.
enum HelpView {
    static func draw(_ state: AppState, scroll: Int, on canvas: inout TextCanvas) {
        let lines = HelpContent.lines(state)
        let size = state.size
        let visible = HelpContent.visibleRows(for: size, total: lines.count)
        let rect = DialogView.centered(width: HelpContent.width(for: size), height: visible + 2, in: size)
        let top = min(scroll, max(0, lines.count - visible))
        let position = lines.count > visible ? " · \(top + 1)–\(top + visible)/\(lines.count)" : ""
        DialogView.frame(rect, title: state.language(.helpTitle, ["position": position]), on: &canvas)
        let inner = rect.inset(1)
        for (offset, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.put(line.0, x: inner.x + 1, y: inner.y + offset, style: line.1, maxWidth: inner.width - 2)
        }
    }
}
