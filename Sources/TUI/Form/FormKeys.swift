import CallbackCore
import CallLog

/// Keys while the form has the keyboard.
enum FormKeys {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        let field = state.focus
        if let effects = AudioKeys.moveInText(&state, key, width: FormView.ttsTextWidth(for: state.size)) { return effects }
        if let effects = AudioKeys.step(&state, key) { return effects }
        switch key {
        case .tab, .down: return move(&state, by: 1)
        case .backTab, .up: return move(&state, by: -1)
        case .escape: return []
        case .control("z"):
            guard let previous = state.undoForm else {
                state.status = StatusMessage("nothing to undo", .info)
                return []
            }
            state.undoForm = state.form
            state.form = previous
            state.formChanged()
            state.setFocus(state.focus)
            state.status = StatusMessage("the previous form is back (Ctrl-Z again swaps once more)", .success)
            return [.saveDraft(state.form)]
        default: break
        }
        if case .destinationNumber(let line, let index) = field, let effects = rowKeys(&state, key, line: line, index: index) { return effects }
        if case .destinationTimeout(let line, let index) = field, let effects = rowKeys(&state, key, line: line, index: index) { return effects }
        switch field.kind {
        case .text(let rule):
            if key == .enter { return move(&state, by: 1) }
            if key == .control("f") { return applySuggestion(&state) }
            var isTTSText = false
            if case .ttsText = field { isTTSText = true }
            var editor = state.editor
            let before = editor.text
            guard TextKeys.apply(key, to: &editor, rule: rule, limit: isTTSText ? Rules.ttsText.upperBound : nil,
                                 multiline: isTTSText, status: &state.status) else { return [] }
            state.editor = editor
            guard editor.text != before else { return [] }
            state.form.setText(editor.text, of: field)
            state.formChanged()
            return [.saveDraft(state.form)]
        case .choice:
            switch key {
            case .left, .right, .character(" "):
                return cycleChoice(&state, field, by: key == .left ? -1 : 1)
            case .delete, .backspace:
                if ChoiceOptions.current(field, in: state.form) == nil { return [] }
                ChoiceOptions.set(nil, of: field, in: &state.form)
                state.formChanged()
                state.status = StatusMessage("\(field.label.lowercased()) returned to the default", .info)
                return [.saveDraft(state.form)]
            case .enter:
                if case .ttsVoice(let line) = field { AudioKeys.openVoicePicker(&state, line: line); return [] }
                if case .ttsEmotion(let line) = field { AudioKeys.openEmotionPicker(&state, line: line); return [] }
                return move(&state, by: 1)
            default: return []
            }
        case .button:
            guard key == .enter || key == .character(" "), case .addDestination(let line) = field else { return [] }
            return addDestination(&state, line: line, after: state.form.lines[line].destinations.count - 1)
        }
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        let order = state.form.focusOrder
        let index = order.firstIndex(of: state.focus) ?? 0
        state.setFocus(order[(index + delta + order.count) % order.count])
        return []
    }

    static func cycleChoice(_ state: inout AppState, _ field: FieldID, by delta: Int) -> [Effect] {
        let values = ChoiceOptions.values(of: field, in: state.form)
        guard !values.isEmpty else { return [] }
        // Unset (the default) and the value it stands for are one stop, not two.
        let effective = ChoiceOptions.current(field, in: state.form) ?? ChoiceOptions.defaultValue(of: field, in: state.form)
        let next: Int
        if let effective, let index = values.firstIndex(of: effective) {
            next = values[(index + delta + values.count) % values.count]
        } else {
            next = delta > 0 ? values[0] : values[values.count - 1]
        }
        if case .ttsVoice(let line) = field {
            state.status = VoiceRules.setVoice(next, line: line, in: &state.form)
        } else {
            ChoiceOptions.set(next, of: field, in: &state.form)
        }
        state.formChanged()
        return [.saveDraft(state.form)]
    }

    /// Destination list keys: add, remove, reorder.
    static func rowKeys(_ state: inout AppState, _ key: Key, line: Int, index: Int) -> [Effect]? {
        switch key {
        case .control("n"), .insert:
            return addDestination(&state, line: line, after: index)
        case .control("d"):
            var rows = state.form.lines[line].destinations
            if rows.count == 1 {
                rows[0] = DestinationForm()
                state.status = StatusMessage("a leg needs at least one destination: the row was cleared", .info)
            } else {
                rows.remove(at: index)
                state.status = StatusMessage("removed destination \(index + 1) of line \(line + 1)", .info)
            }
            state.form.lines[line].destinations = rows
            state.formChanged()
            state.setFocus(.destinationNumber(line: line, index: min(index, rows.count - 1)))
            return [.saveDraft(state.form)]
        case .altUp, .controlUp, .altDown, .controlDown:
            let up = key == .altUp || key == .controlUp
            let target = up ? index - 1 : index + 1
            var rows = state.form.lines[line].destinations
            guard rows.indices.contains(target) else { return [] }
            rows.swapAt(index, target)
            state.form.lines[line].destinations = rows
            state.formChanged()
            if case .destinationTimeout = state.focus {
                state.setFocus(.destinationTimeout(line: line, index: target))
            } else {
                state.setFocus(.destinationNumber(line: line, index: target))
            }
            state.status = StatusMessage("destination moved to position \(target + 1) of line \(line + 1)", .info)
            return [.saveDraft(state.form)]
        default:
            return nil
        }
    }

    static func addDestination(_ state: inout AppState, line: Int, after index: Int) -> [Effect] {
        let limit = Rules.destinationsPerLine.upperBound
        guard state.form.lines[line].destinations.count < limit else {
            state.status = StatusMessage("line \(line + 1) already has \(limit) destinations, the most a leg can ring", .warning)
            return []
        }
        state.form.lines[line].destinations.insert(DestinationForm(), at: index + 1)
        state.formChanged()
        state.setFocus(.destinationNumber(line: line, index: index + 1))
        return [.saveDraft(state.form)]
    }

    static func applySuggestion(_ state: inout AppState) -> [Effect] {
        guard let suggestion = state.problems(of: state.focus).compactMap(\.suggestion).first else {
            state.status = StatusMessage("no fix to apply here", .info)
            return []
        }
        state.form.setText(suggestion, of: state.focus)
        state.editor = LineEditor(suggestion)
        state.formChanged()
        state.status = StatusMessage("now \(suggestion)", .success)
        return [.saveDraft(state.form)]
    }
}

