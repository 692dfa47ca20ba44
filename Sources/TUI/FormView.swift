import CallbackCore

/// The request form: sections, fields, destination rows. Returns where the
/// text cursor goes when a text field has focus.
enum FormView {
    static let labelWidth = 19

    static func draw(_ state: AppState, in rect: Rect, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let active = state.pane == .form && state.dialog == nil
        canvas.box(rect, title: "Request", style: Style(active ? .focus : .border), titleStyle: Style(active ? .focus : .text, bold: true))
        let inner = rect.inset(1)
        let rows = state.form.rows
        var cursor: (x: Int, y: Int)? = nil
        let end = min(rows.count, state.formScroll + inner.height)
        guard state.formScroll < end else { return nil }
        for index in state.formScroll..<end {
            let y = inner.y + index - state.formScroll
            let x = inner.x + 1
            let width = inner.width - 2
            switch rows[index] {
            case .blank: break
            case .section(let title):
                canvas.put(title, x: x, y: y, style: Style(.primary, bold: true), maxWidth: width)
            case .field(let field):
                if let at = drawField(field, state: state, x: x, y: y, width: width, label: field.label, on: &canvas) { cursor = at }
            case .destination(let line, let index):
                let numberWidth = max(14, width - 26)
                let number = FieldID.destinationNumber(line: line, index: index)
                let timeout = FieldID.destinationTimeout(line: line, index: index)
                if let at = drawField(number, state: state, x: x, y: y, width: numberWidth, label: number.label, on: &canvas) { cursor = at }
                if let at = drawField(timeout, state: state, x: x + numberWidth + 1, y: y, width: width - numberWidth - 1,
                                      label: "timeout", labelWidth: 9, on: &canvas) { cursor = at }
            }
        }
        if rows.count > inner.height {
            let shown = "\(state.formScroll + 1)–\(end)/\(rows.count)"
            canvas.put(" \(shown) ", x: rect.maxX - DisplayWidth.of(shown) - 4, y: rect.maxY - 1, style: .muted)
        }
        return cursor
    }

    /// Draws label and widget; returns the cursor when this text field is focused.
    static func drawField(_ field: FieldID, state: AppState, x: Int, y: Int, width: Int, label: String,
                          labelWidth: Int = FormView.labelWidth, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let focused = state.focus == field && state.pane == .form
        let problems = state.problems(of: field)
        let text = field.kind == .choice || field.kind == .button ? "" : (focused ? state.editor.text : state.form.text(of: field))
        let hasError = !problems.isEmpty && !(text.isEmpty && state.form.isRequired(field))
        let marker = focused ? "▸" : " "
        canvas.put(marker, x: x, y: y, style: Style(.focus, bold: true))
        canvas.putPadded(label, x: x + 1, y: y, width: labelWidth - 1, style: Style(focused ? .focus : (hasError ? .error : .text), bold: focused))
        let valueX = x + labelWidth
        let valueWidth = max(4, width - labelWidth - 2)
        var cursor: (x: Int, y: Int)? = nil
        switch field.kind {
        case .text:
            let box = Style(hasError ? .error : .text, on: focused ? .selection : .surface)
            canvas.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), style: box)
            if text.isEmpty {
                if let fallback = state.form.defaultText(of: field) {
                    canvas.put("\(fallback) · default", x: valueX, y: y, style: Style(.muted, on: focused ? .selection : .surface), maxWidth: valueWidth)
                } else if state.form.isRequired(field) {
                    canvas.put("required", x: valueX, y: y, style: Style(.muted, on: focused ? .selection : .surface), maxWidth: valueWidth)
                }
            }
            let offset = focused ? max(0, state.editor.cursorColumn - (valueWidth - 1)) : 0
            canvas.put(visible(text, from: offset), x: valueX, y: y, style: box, maxWidth: valueWidth)
            if focused { cursor = (valueX + state.editor.cursorColumn - offset, y) }
        case .choice:
            let (label, isDefault) = ChoiceOptions.label(of: ChoiceOptions.current(field, in: state.form), for: field, in: state.form)
            let shown = "‹ \(label) ›" + (isDefault ? " · default" : "")
            canvas.put(shown, x: valueX, y: y, style: Style(hasError ? .error : (isDefault ? .muted : .text), on: focused ? .selection : nil), maxWidth: valueWidth)
        case .button:
            guard case .addDestination(let line) = field else { break }
            let count = state.form.lines[line].destinations.count
            let full = count >= Rules.destinationsPerLine.upperBound
            let caption = full ? "[ \(count) of \(Rules.destinationsPerLine.upperBound) destinations: full ]" : "[ + add destination ]  \(count) of \(Rules.destinationsPerLine.upperBound)"
            canvas.put(caption, x: x + 1, y: y, style: Style(hasError ? .error : (full ? .muted : .accent), on: focused ? .selection : nil), maxWidth: width - 1)
        }
        if hasError { canvas.put("✗", x: valueX + valueWidth + 1, y: y, style: Style(.error, bold: true)) }
        return cursor
    }

    /// `text` without its first `offset` columns.
    static func visible(_ text: String, from offset: Int) -> String {
        guard offset > 0 else { return text }
        var skipped = 0
        var index = text.startIndex
        while index < text.endIndex, skipped < offset {
            skipped += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        return String(text[index...])
    }
}
