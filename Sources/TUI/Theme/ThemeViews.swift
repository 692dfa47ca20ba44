import Localization

/// The theme list (previewed live) and "save it to the config?".
enum ThemeViews {
    static func picker(_ state: AppState, selected: Int, on canvas: inout TextCanvas) {
        let size = state.size
        let names = state.theme.names
        let rect = DialogView.centered(width: min(size.width - 4, 50), height: min(size.height - 2, names.count + 4), in: size)
        DialogView.frame(rect, title: state.language(.themeTitle), on: &canvas)
        let inner = rect.inset(1)
        let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        ListView.draw(count: names.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
            canvas.put((chosen ? "▸ " : "  ") + names[index], x: inner.x + 1, y: y, style: Style(.text, on: background, bold: chosen))
        }
        canvas.put(state.language(.themeColours, ["depth": state.theme.colorDepth]), x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
    }

    static func save(_ name: String, state: AppState, on canvas: inout TextCanvas) {
        DialogView.text(title: state.language(.themeKeepTitle, ["name": name]), lines: [(state.language(.themeSaveAsk), Style(.text, on: .surface, bold: true)),
                                                (state.language(.themeSessionHint), Style(.muted, on: .surface))],
             width: 60, state: state, on: &canvas)
    }
}
