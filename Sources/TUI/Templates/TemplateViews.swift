import CallbackCore
import ExolveModel
import Localization

/// F6's name prompt, the "replace it?" question and F7's list with a live preview.
enum TemplateViews {
    static func name(_ editor: LineEditor, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int) {
        let size = state.size
        let rect = DialogView.centered(width: min(size.width - 4, 72), height: 5, in: size)
        DialogView.frame(rect, title: state.language(.templateSaveTitle), on: &canvas)
        let inner = rect.inset(1)
        canvas.put(state.language(.templateNamePrompt, ["rule": TemplateStore.nameRule.text(state.language)]), x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface))
        canvas.put(state.language(.templateSaveKeys), x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
        return DialogView.input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
    }

    static func exists(_ name: String, state: AppState, on canvas: inout TextCanvas) {
        DialogView.text(title: state.language(.templateExistsTitle), lines: [(state.language(.templateReplaceAsk, ["name": name]), Style(.warning, on: .surface, bold: true))],
             width: 60, state: state, on: &canvas)
    }

    static func picker(_ state: AppState, selected: Int, on canvas: inout TextCanvas) {
        let size = state.size
        let rect = DialogView.centered(width: min(size.width - 4, 110), height: max(8, size.height - 6), in: size)
        DialogView.frame(rect, title: state.language(.templatesTitle), on: &canvas)
        let inner = rect.inset(1)
        if state.templates.isEmpty {
            canvas.put(state.language(.templatesNone), x: inner.x + 1, y: inner.y, style: Style(.muted, on: .surface))
            return
        }
        let listWidth = min(28, inner.width / 3)
        ListView.draw(count: state.templates.count, selected: selected, in: inner, on: &canvas, highlightWidth: listWidth) { index, y, chosen, background, canvas in
            let item = state.templates[index]
            canvas.put((chosen ? "▸ " : "  ") + item.name, x: inner.x + 1, y: y,
                       style: Style(item.json == nil ? .error : .text, on: background, bold: chosen), maxWidth: listWidth - 1)
        }
        if let item = state.templates[safe: selected] {
            let x = inner.x + listWidth + 1
            if let json = item.json {
                for (offset, line) in PreviewDocument(json).lines.prefix(inner.height).enumerated() {
                    var column = x
                    for token in line.tokens {
                        column += canvas.put(token.text, x: column, y: inner.y + offset, style: Style(token.role, on: .surface), maxWidth: inner.maxX - column)
                    }
                }
            } else {
                canvas.put(item.problem?.text(state.language) ?? state.language(.templateUnreadable), x: x, y: inner.y, style: Style(.error, on: .surface), maxWidth: inner.maxX - x)
            }
        }
    }
}
