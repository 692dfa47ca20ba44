/// A keystroke's echo: the focused text field's row as the key leaves it, drawn
/// over the frame on screen before the rest of the key's work (the undo history,
/// the validation, the preview and every other pane) is done and drawn.
///
/// The operator sees the character as soon as the field's own editor has taken it;
/// the whole frame follows in the same turn of the loop, and corrects the only thing
/// the echo can show early: the field's problem marks, which are those of the text
/// before the key until the validation has run.
public enum FormEcho {
    /// The frame `shown` with the focused field's row redrawn as `key` leaves it, or nil
    /// when the key does something else or more: it is not an edit of a one-row text
    /// field in the form pane, it changes nothing, a dialog or a status message is up
    /// (the key clears it, and the panes may move), or the row is not on screen at
    /// every height the form pane may take after the key.
    ///
    /// The row is drawn by the form's own view, from `state` with the editor advanced
    /// as the form's own edit command advances it: the same text, offset and cursor as
    /// the key's whole frame.
    public static func frame(after key: Key, in state: AppState, over shown: TextCanvas) -> Frame? {
        guard state.dialog == nil, state.pane == .form, state.status == nil, shown.size == state.size,
              case .form(.edit(let edit))? = KeyTable.binding(for: key, in: state)?.command(for: key) else { return nil }
        let field = state.fields.focus
        if case .ttsText = field { return nil } // it wraps over several rows
        guard let (editor, _) = FormCommands.edited(state.fields, edit, language: state.language), editor != state.fields.editor else { return nil }
        // The key may change the field's problems, which the status line shows on one to
        // three rows, taken from the panes: the echo is drawn only where the field's row stays
        // put at any of them (the focus follows the field, and the scroll is kept in range).
        let tallest = Layout(state.size, statusRows: 1), shortest = Layout(state.size, statusRows: 3)
        guard let rect = tallest.rect(of: .form, shown: state.pane) else { return nil }
        let inner = rect.inset(1)
        let rows = state.form.rows
        let scroll = state.fields.scroll
        guard let index = FormRow.index(of: field, in: rows), index >= scroll, index < scroll + shortest.innerHeight(of: .form, shown: state.pane),
              scroll <= max(0, rows.count - inner.height) else { return nil }
        // The text as typed, the request (and so its validation) as it was.
        var echo = state
        echo.fields.editor = editor
        var canvas = shown
        let y = inner.y + index - scroll
        canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.text, on: .background))
        let cursor = FormView.drawRow(rows[index], state: echo, x: inner.x + 1, y: y, width: inner.width - 2, on: &canvas)
        return Frame(canvas: canvas, cursor: cursor)
    }
}
