/// Clicks and the wheel on the main screen, by the same geometry the views
/// draw with. Keyboard stays first: everything here has a key.
enum MouseCommands {
    /// Two clicks on one cell within this many seconds open (a log entry).
    static let doubleClick = 0.4

    static func handle(_ state: inout AppState, _ event: MouseEvent) -> Reply {
        let layout = state.layout
        if case .tabs(let bar, _) = layout.mode, event.y == bar.y, event.kind == .press {
            if let pane = TabBarView.pane(at: event.x, in: bar, language: state.language) { state.pane = pane }
            return .none
        }
        guard let pane = Pane.allCases.first(where: { layout.rect(of: $0, shown: state.pane)?.contains(x: event.x, y: event.y) ?? false }),
              let rect = layout.rect(of: pane, shown: state.pane) else { return .none }
        let inner = rect.inset(1)
        switch event.kind {
        case .wheelUp, .wheelDown:
            let delta = event.kind == .wheelUp ? -3 : 3
            switch pane {
            case .form:
                // The form keeps its focus in view, so the wheel moves the focus.
                let order = state.form.focusOrder
                let index = order.firstIndex(of: state.fields.focus) ?? 0
                state.setFocus(order[max(0, min(order.count - 1, index + delta))])
            case .preview:
                state.previewScroll = max(0, min(state.previewScroll + delta, max(0, state.preview.lines.count - inner.height)))
            case .log:
                state.log.selected = max(0, min(state.log.entries.count - 1, state.log.selected + delta))
            }
            return .none
        case .release:
            return .none
        case .press:
            guard event.button == 0 else { return .none }
            let double = state.screen.click.last.map { $0.x == event.x && $0.y == event.y } == true && state.now - state.screen.click.at <= doubleClick
            state.screen.click.last = event
            state.screen.click.at = state.now
            state.pane = pane
            guard inner.contains(x: event.x, y: event.y) else { return .none }
            switch pane {
            case .form: return clickForm(&state.editing, event, inner: inner)
            case .log:
                let index = state.log.scroll + event.y - inner.y
                guard state.log.entries.indices.contains(index) else { return .none }
                state.log.selected = index
                return double ? .show(.log(.entry(state.log.entries[index], scroll: 0))) : .none
            case .preview: return .none
            }
        }
    }

    /// A click on the form: focus the field under it; a voice or emotion opens its picker.
    static func clickForm(_ editing: inout FormEditing, _ event: MouseEvent, inner: Rect) -> Reply {
        let rowIndex = editing.fields.scroll + event.y - inner.y
        guard let row = editing.form.rows[safe: rowIndex] else { return .none }
        var fields = row.fields
        if case .destination = row, fields.count == 2 {
            // The number field runs from the label to the timeout's label (FormView's split).
            let width = inner.width - 2
            let numberEnd = inner.x + 1 + max(14, width - 26)
            fields = [event.x < numberEnd ? fields[0] : fields[1]]
        }
        guard let field = fields.first else { return .none }
        editing.setFocus(field)
        switch field {
        case .ttsVoice(let line): return AudioCommands.openVoicePicker(editing.form, line: line)
        case .ttsEmotion(let line): return AudioCommands.openEmotionPicker(editing.form, line: line)
        default: return .none
        }
    }
}
