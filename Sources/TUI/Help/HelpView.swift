import CallbackCore
import Localization

/// The help overlay: every key, by place, scrolled within its text.
enum HelpView {
    /// Draws the help; returns the cursor while the search line is typed in.
    static func draw(_ state: AppState, scroll: Int, search: LineEditor?, typing: Bool, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let query = search.map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        var lines = HelpContent.lines(state, matching: query)
        if query != nil && lines.isEmpty { lines = [(state.language(.helpNoMatch), Style(.warning, on: .surface))] }
        let size = state.size
        // The search line takes the last row while there is one.
        let searchRows = search == nil ? 0 : 1
        let visible = max(1, HelpContent.visibleRows(for: size, total: lines.count + searchRows) - searchRows)
        let rect = DialogView.centered(width: HelpContent.width(for: size), height: visible + searchRows + 2, in: size)
        let top = min(scroll, max(0, lines.count - visible))
        let position = lines.count > visible ? " · \(top + 1)–\(top + visible)/\(lines.count)" : ""
        DialogView.frame(rect, title: state.language(.helpTitle, ["position": position]), on: &canvas)
        let inner = rect.inset(1)
        for (offset, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            canvas.put(line.0, x: inner.x + 1, y: inner.y + offset, style: line.1, maxWidth: inner.width - 2)
        }
        guard let search else { return nil }
        let y = inner.y + inner.height - 1
        canvas.put("/ ", x: inner.x + 1, y: y, style: Style(.accent, on: .surface, bold: true))
        let cursor = DialogView.input(search, x: inner.x + 3, y: y, width: max(4, inner.width - 4), on: &canvas)
        return typing ? cursor : nil
    }
}
