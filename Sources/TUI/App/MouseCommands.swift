/// Clicks and the wheel on the main screen, by the same geometry the views
/// draw with. Keyboard stays first: everything here has a key.
enum MouseCommands {
    /// Two clicks on one cell within this many seconds open (a log entry).
    static let doubleClick = 0.4

    static func handle(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        let layout = Layout(state.size)
        if case .tabs(let bar, _) = layout.mode, event.y == bar.y, event.kind == .press {
            if let pane = TabBarView.pane(at: event.x, in: bar, language: state.language) { state.pane = pane }
            return []
        }
        guard let pane = Pane.allCases.first(where: { layout.rect(of: $0, shown: state.pane)?.contains(x: event.x, y: event.y) ?? false }),
              let rect = layout.rect(of: pane, shown: state.pane) else { return [] }
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
            return []
        case .release:
            return []
        case .press:
            guard event.button == 0 else { return [] }
            let double = state.click.last.map { $0.x == event.x && $0.y == event.y } == true && state.now - state.click.at <= doubleClick
            state.click.last = event
            state.click.at = state.now
            state.pane = pane
            guard inner.contains(x: event.x, y: event.y) else { return [] }
            switch pane {
            case .form: return clickForm(&state, event, inner: inner)
            case .log:
                let index = state.log.scroll + event.y - inner.y
                guard state.log.entries.indices.contains(index) else { return [] }
                state.log.selected = index
                if double { state.dialog = .logEntry(state.log.entries[index], scroll: 0) }
                return []
            case .preview: return []
            }
        }
    }

    /// A click on the form: focus the field under it; a voice or emotion opens its picker.
    static func clickForm(_ state: inout AppState, _ event: MouseEvent, inner: Rect) -> [Effect] {
        let rowIndex = state.fields.scroll + event.y - inner.y
        guard let row = state.form.rows[safe: rowIndex] else { return [] }
        var fields = row.fields
        if case .destination = row, fields.count == 2 {
            // The number field runs from the label to the timeout's label (FormView's split).
            let width = inner.width - 2
            let numberEnd = inner.x + 1 + max(14, width - 26)
            fields = [event.x < numberEnd ? fields[0] : fields[1]]
        }
        guard let field = fields.first else { return [] }
        state.setFocus(field)
        switch field {
        case .ttsVoice(let line): AudioCommands.openVoicePicker(&state, line: line)
        case .ttsEmotion(let line): AudioCommands.openEmotionPicker(&state, line: line)
        default: break
        }
        return []
    }
}
