import CallbackCore

extension AppState {
    /// Moves the focus to `field`, loading its text into the editor.
    public mutating func setFocus(_ field: FieldID) { editing.setFocus(field) }

    /// The form field that best shows a problem at `path`.
    public func field(forProblemAt path: String) -> FieldID { editing.field(forProblemAt: path) }

    /// Keeps the focused field and its preview line on screen.
    mutating func followFocus() {
        let layout = self.layout
        let formHeight = layout.innerHeight(of: .form, shown: pane == .form ? .form : pane)
        if formHeight > 0, let row = form.row(of: fields.focus) {
            if row < fields.scroll { fields.scroll = max(0, row - 1) }
            if row >= fields.scroll + formHeight { fields.scroll = row - formHeight + 1 }
        }
        fields.scroll = max(0, min(fields.scroll, max(0, form.rows.count - formHeight)))
        let previewHeight = layout.innerHeight(of: .preview, shown: pane)
        if pane != .preview, previewHeight > 0, let line = preview.line(for: fields.focus.path) {
            if line < previewScroll { previewScroll = max(0, line - 2) }
            if line >= previewScroll + previewHeight { previewScroll = line - previewHeight + 3 }
        }
        previewScroll = max(0, min(previewScroll, max(0, preview.lines.count - previewHeight)))
        let logHeight = layout.innerHeight(of: .log, shown: pane)
        if logHeight > 0 {
            if log.selected < log.scroll { log.scroll = log.selected }
            if log.selected >= log.scroll + logHeight { log.scroll = log.selected - logHeight + 1 }
        }
    }
}
