import CallbackCore

/// The JSON preview: exactly the bytes that would be sent, coloured, with
/// the focused field's line highlighted.
enum PreviewView {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) {
        let active = state.pane == .preview && state.dialog == nil
        let title = state.validation.isValid ? "Preview · exactly what is sent" : "Preview · not sendable yet"
        canvas.box(rect, title: title, style: Style(active ? .primary : .border, on: .background),
                   titleStyle: Style(state.validation.isValid ? .success : .warning, bold: true))
        let inner = rect.inset(1)
        let lines = state.preview.lines
        let highlighted = state.preview.line(for: state.focus.path)
        let end = min(lines.count, state.previewScroll + inner.height)
        guard state.previewScroll < end else { return }
        for index in state.previewScroll..<end {
            let y = inner.y + index - state.previewScroll
            let background: Role? = index == highlighted ? .selection : nil
            if background != nil { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.text, on: .selection)) }
            var x = inner.x + 1
            for token in lines[index].tokens {
                let used = canvas.put(token.text, x: x, y: y, style: Style(token.role, on: background), maxWidth: inner.maxX - x)
                x += used
                if x >= inner.maxX { break }
            }
        }
        if lines.count > inner.height {
            let shown = "\(state.previewScroll + 1)–\(end)/\(lines.count)"
            canvas.put(" \(shown) ", x: rect.maxX - DisplayWidth.of(shown) - 4, y: rect.maxY - 1, style: .muted)
        }
    }
}
