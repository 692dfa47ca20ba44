import CallbackCore
import CallLogModel
import Localization

/// What the form's keys do (the key table says which key does which).
enum FormCommands {
    static func perform(_ command: Command, key: Key, in state: inout AppState) -> [Effect] {
        let field = state.fields.focus
        switch command {
        case .focusNext: return move(&state, by: 1)
        case .focusPrevious: return move(&state, by: -1)
        case .verticalMove:
            if let effects = AudioCommands.moveInText(&state, key, width: Layout.ttsTextWidth(for: state.size)) { return effects }
            return move(&state, by: key == .up ? -1 : 1)
        case .undo: return undo(&state)
        case .nextSection, .previousSection: return jumpSection(&state, forward: command == .nextSection)
        case .explicitDefault:
            guard ChoiceOptions.current(field, in: state.form) == nil, let value = ChoiceOptions.defaultValue(of: field, in: state.form) else {
                state.status = StatusMessage(state.language(.explicitAlready, ["field": field.statusName(in: state.language)]), .info)
                return []
            }
            ChoiceOptions.set(value, of: field, in: &state.form)
            state.status = StatusMessage(state.language(.explicitDefault, ["field": field.statusName(in: state.language)]), .success)
            return [.saveDraft(state.form)]
        case .redo: return redo(&state)
        case .addRow:
            guard let (line, index) = field.destination else { return [] }
            return addDestination(&state, line: line, after: index)
        case .removeRow:
            guard let (line, index) = field.destination else { return [] }
            return removeDestination(&state, line: line, index: index)
        case .moveRow(let up):
            guard let (line, index) = field.destination else { return [] }
            return moveDestination(&state, line: line, index: index, up: up)
        case .nextFromText, .nextFromChoice: return move(&state, by: 1)
        case .applyFix: return applySuggestion(&state)
        case .edit: return edit(&state, key)
        case .step: return AudioCommands.step(&state, key) ?? []
        case .cycleChoice: return cycleChoice(&state, field, by: key == .left ? -1 : 1)
        case .resetChoice:
            if ChoiceOptions.current(field, in: state.form) == nil { return [] }
            ChoiceOptions.set(nil, of: field, in: &state.form)
            state.status = StatusMessage(state.language(.returnedDefault, ["field": field.statusName(in: state.language)]), .info)
            return [.saveDraft(state.form)]
        case .openPicker:
            if case .ttsVoice(let line) = field { AudioCommands.openVoicePicker(&state, line: line) }
            if case .ttsEmotion(let line) = field { AudioCommands.openEmotionPicker(&state, line: line) }
            return []
        case .pressButton:
            guard case .addDestination(let line) = field else { return [] }
            return addDestination(&state, line: line, after: state.form.lines[line].destinations.count - 1)
        default: return []
        }
    }

    /// PgDn / PgUp: the first field of the next or previous section.
    static func jumpSection(_ state: inout AppState, forward: Bool) -> [Effect] {
        let starts: [FieldID] = [.requestDescription, .destinationNumber(line: 0, index: 0), .destinationNumber(line: 1, index: 0)]
        let current = state.fields.focus.line.map { $0 + 1 } ?? 0
        let target = forward ? min(starts.count - 1, current + 1) : (state.fields.focus == starts[current] ? max(0, current - 1) : current)
        state.setFocus(starts[target])
        return []
    }

    /// Alt-N: a new request, empty or from the profile's defaults; the old form is one Ctrl-Z away.
    static func newRequest(_ state: inout AppState) -> [Effect] {
        var form = FormState()
        var note = state.language(.newRequestEmpty)
        if let name = state.profile.name, let profile = state.profile.list.first(where: { $0.name == name }) {
            let filled = form.applyDefaults(profile.defaults)
            if !filled.isEmpty { note = state.language(.newRequestFromProfile, ["name": name]) }
        }
        state.form = form
        state.setFocus(state.form.focusOrder[0])
        state.status = StatusMessage(note, .success)
        return [.saveDraft(state.form)]
    }

    /// Ctrl-Z: the form before the last change comes back.
    static func undo(_ state: inout AppState) -> [Effect] {
        guard let previous = state.fields.history.stepBack(from: state.form) else {
            state.status = StatusMessage(state.language(.nothingToUndo), .info)
            return []
        }
        return restore(&state, previous, state.language(.undone, ["count": "\(state.fields.history.undo.count)"]))
    }

    /// Ctrl-R: what Ctrl-Z undid comes back.
    static func redo(_ state: inout AppState) -> [Effect] {
        guard let next = state.fields.history.stepForward(from: state.form) else {
            state.status = StatusMessage(state.language(.nothingToRedo), .info)
            return []
        }
        return restore(&state, next, state.language(.redone))
    }

    private static func restore(_ state: inout AppState, _ form: FormState, _ message: String) -> [Effect] {
        state.form = form
        state.setFocus(state.fields.focus)
        state.status = StatusMessage(message, .success)
        return [.saveDraft(state.form)]
    }

    /// An editing key in the focused text field.
    static func edit(_ state: inout AppState, _ key: Key) -> [Effect] {
        let field = state.fields.focus
        guard case .text(let rule) = field.kind else { return [] }
        var isTTSText = false
        if case .ttsText = field { isTTSText = true }
        var editor = state.fields.editor
        let before = editor.text
        guard TextEditing.apply(key, to: &editor, rule: rule, limit: isTTSText ? Rules.ttsText.upperBound : TextEditing.inputLimit,
                             multiline: isTTSText, status: &state.status, language: state.language) else { return [] }
        state.fields.editor = editor
        guard editor.text != before else { return [] }
        state.form.setText(editor.text, of: field)
        return [.saveDraft(state.form)]
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        let order = state.form.focusOrder
        let index = order.firstIndex(of: state.fields.focus) ?? 0
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
            state.status = VoiceRules.setVoice(next, line: line, in: &state.form, language: state.language)
        } else {
            ChoiceOptions.set(next, of: field, in: &state.form)
        }
        return [.saveDraft(state.form)]
    }

    static func removeDestination(_ state: inout AppState, line: Int, index: Int) -> [Effect] {
        state.form.clearRaw(under: FieldID.addDestination(line: line).path)
        var rows = state.form.lines[line].destinations
        if rows.count == 1 {
            rows[0] = DestinationForm()
            state.status = StatusMessage(state.language(.rowCleared), .info)
        } else {
            rows.remove(at: index)
            state.status = StatusMessage(state.language(.rowRemoved, ["index": "\(index + 1)", "line": "\(line + 1)"]), .info)
        }
        state.form.lines[line].destinations = rows
        state.setFocus(.destinationNumber(line: line, index: min(index, rows.count - 1)))
        return [.saveDraft(state.form)]
    }

    static func moveDestination(_ state: inout AppState, line: Int, index: Int, up: Bool) -> [Effect] {
        let target = up ? index - 1 : index + 1
        var rows = state.form.lines[line].destinations
        guard rows.indices.contains(target) else { return [] }
        state.form.clearRaw(under: FieldID.addDestination(line: line).path)
        rows.swapAt(index, target)
        state.form.lines[line].destinations = rows
        if case .destinationTimeout = state.fields.focus {
            state.setFocus(.destinationTimeout(line: line, index: target))
        } else {
            state.setFocus(.destinationNumber(line: line, index: target))
        }
        state.status = StatusMessage(state.language(.rowMoved, ["position": "\(target + 1)", "line": "\(line + 1)"]), .info)
        return [.saveDraft(state.form)]
    }

    static func addDestination(_ state: inout AppState, line: Int, after index: Int) -> [Effect] {
        let limit = Rules.destinationsPerLine.upperBound
        guard state.form.lines[line].destinations.count < limit else {
            state.status = StatusMessage(state.language(.rowsFull, ["line": "\(line + 1)", "limit": "\(limit)"]), .warning)
            return []
        }
        state.form.clearRaw(under: FieldID.addDestination(line: line).path)
        state.form.lines[line].destinations.insert(DestinationForm(), at: index + 1)
        state.setFocus(.destinationNumber(line: line, index: index + 1))
        return [.saveDraft(state.form)]
    }

    static func applySuggestion(_ state: inout AppState) -> [Effect] {
        guard let suggestion = state.problems(of: state.fields.focus).compactMap(\.suggestion).first else {
            state.status = StatusMessage(state.language(.noFix), .info)
            return []
        }
        state.form.setText(suggestion, of: state.fields.focus)
        state.fields.editor = LineEditor(suggestion)
        state.status = StatusMessage(state.language(.fixApplied, ["value": suggestion]), .success)
        return [.saveDraft(state.form)]
    }
}

