import CallbackCore
import CallLogModel
import Localization
import ExolveModel

/// What the form's keys do (the key table says which key does which), on the form feature's own state.
enum FormCommands {
    /// A form command. `problems` are the focused field's (validation's and the server's), for Ctrl-F.
    static func perform(_ editing: inout FormEditing, _ command: FormCommand, problems: [ValidationProblem],
                        context: ScreenContext) -> Reply {
        let field = editing.fields.focus
        let language = context.language
        func saved(_ status: StatusMessage?) -> Reply { Reply(effects: [.saveDraft(editing.form)], status: status) }
        switch command {
        case .focusNext: return move(&editing, by: 1)
        case .focusPrevious: return move(&editing, by: -1)
        case .verticalMove(let up):
            if let reply = AudioCommands.moveInText(&editing.fields, up: up, width: Layout.ttsTextWidth(for: context.size)) { return reply }
            return move(&editing, by: up ? -1 : 1)
        case .undo: return undo(&editing, language: language)
        case .nextSection, .previousSection: return jumpSection(&editing, forward: command == .nextSection)
        case .explicitDefault:
            let already = StatusMessage(language(.explicitAlready, ["field": field.statusName(in: language)]), .info)
            if case .text = field.kind {
                // A field with a default, empty: the default written in, so it is sent as typed.
                guard editing.form.text(of: field).isEmpty, let value = field.descriptor.defaultText else { return .status(already) }
                editing.form.setText(value, of: field)
                editing.fields.editor = LineEditor(value)
                return saved(StatusMessage(language(.explicitDefault, ["field": field.statusName(in: language)]), .success))
            }
            guard ChoiceOptions.current(field, in: editing.form) == nil, let value = ChoiceOptions.defaultValue(of: field, in: editing.form) else {
                return .status(already)
            }
            ChoiceOptions.set(value, of: field, in: &editing.form)
            return saved(StatusMessage(language(.explicitDefault, ["field": field.statusName(in: language)]), .success))
        case .redo: return redo(&editing, language: language)
        case .addRow:
            guard let (line, index) = field.destination else { return .none }
            return addDestination(&editing, line: line, after: index, language: language)
        case .removeRow:
            guard let (line, index) = field.destination else { return .none }
            return removeDestination(&editing, line: line, index: index, language: language)
        case .moveRow(let up):
            guard let (line, index) = field.destination else { return .none }
            return moveDestination(&editing, line: line, index: index, up: up, language: language)
        case .nextFromText, .nextFromChoice: return move(&editing, by: 1)
        case .applyFix: return applySuggestion(&editing, problems: problems, language: language)
        case .edit(let edit): return self.edit(&editing, edit, language: language)
        case .step(let steps):
            guard var reply = AudioCommands.step(&editing, by: steps) else { return .none }
            // A value changed by a key says so, where the eye is.
            reply.status = StatusMessage(language(.stepped, ["field": field.label(in: language), "value": editing.form.text(of: field)]), .info)
            return reply
        case .cycleChoice(let delta): return cycleChoice(&editing, field, by: delta, language: language)
        case .resetChoice:
            if ChoiceOptions.current(field, in: editing.form) == nil { return .none }
            ChoiceOptions.set(nil, of: field, in: &editing.form)
            return saved(StatusMessage(language(.returnedDefault, ["field": field.statusName(in: language)]), .info))
        case .openPicker:
            if case .ttsVoice(let line) = field { return AudioCommands.openVoicePicker(editing.form, line: line) }
            if case .ttsEmotion(let line) = field { return AudioCommands.openEmotionPicker(editing.form, line: line) }
            return .none
        case .pressButton:
            guard case .addDestination(let line) = field else { return .none }
            return addDestination(&editing, line: line, after: editing.form.lines[line].destinations.count - 1, language: language)
        case .openAccountPicker, .refreshAccount, .newRequest: return .none // need the account or the profiles: the dispatcher routes them
        }
    }

    /// PgDn / PgUp: the first field of the next or previous section.
    static func jumpSection(_ editing: inout FormEditing, forward: Bool) -> Reply {
        let starts: [FieldID] = [.requestDescription, .destinationNumber(line: 0, index: 0), .destinationNumber(line: 1, index: 0)]
        let current = editing.fields.focus.line.map { $0 + 1 } ?? 0
        let target = forward ? min(starts.count - 1, current + 1) : (editing.fields.focus == starts[current] ? max(0, current - 1) : current)
        editing.setFocus(starts[target])
        return .none
    }

    /// Alt-N: a new request, empty or from the profile's defaults; the old form is one Ctrl-Z away.
    static func newRequest(_ profile: ProfileState, context: ScreenContext) -> Reply {
        var form = FormState()
        var note = context.language(.newRequestEmpty)
        if let name = profile.name, let chosen = profile.list.first(where: { $0.name == name }) {
            let filled = form.applyDefaults(chosen.defaults)
            if !filled.isEmpty { note = context.language(.newRequestFromProfile, ["name": name]) }
        }
        return Reply(status: StatusMessage(note, .success), loadForm: form)
    }

    /// Ctrl-Z: the form before the last change comes back.
    static func undo(_ editing: inout FormEditing, language: UILanguage) -> Reply {
        guard let previous = editing.fields.history.stepBack(from: editing.form) else {
            return .status(StatusMessage(language(.nothingToUndo), .info))
        }
        return restore(&editing, previous, language(.undone, ["count": "\(editing.fields.history.undo.count)"]))
    }

    /// Ctrl-R: what Ctrl-Z undid comes back.
    static func redo(_ editing: inout FormEditing, language: UILanguage) -> Reply {
        guard let next = editing.fields.history.stepForward(from: editing.form) else {
            return .status(StatusMessage(language(.nothingToRedo), .info))
        }
        return restore(&editing, next, language(.redone))
    }

    private static func restore(_ editing: inout FormEditing, _ form: FormState, _ message: String) -> Reply {
        editing.form = form
        editing.setFocus(editing.fields.focus)
        return Reply(effects: [.saveDraft(editing.form)], status: StatusMessage(message, .success))
    }

    /// An editing key in the focused text field.
    static func edit(_ editing: inout FormEditing, _ edit: TextEdit, language: UILanguage) -> Reply {
        let field = editing.fields.focus
        let before = editing.fields.editor.text
        guard let (editor, status) = edited(editing.fields, edit, language: language) else { return .none }
        editing.fields.editor = editor
        guard editor.text != before else { return Reply(status: status) }
        editing.form.setText(editor.text, of: field)
        return Reply(effects: [.saveDraft(editing.form)], status: status)
    }

    /// The focused text field's editor after `edit`, with the status it leaves (a character
    /// refused, a limit reached); nil when the focus is not a text field or `edit` is not
    /// an editing key. The request itself is `edit`'s to change.
    static func edited(_ fields: FieldsState, _ edit: TextEdit, language: UILanguage) -> (LineEditor, StatusMessage?)? {
        guard case .text(let rule) = fields.focus.kind else { return nil }
        var isTTSText = false
        if case .ttsText = fields.focus { isTTSText = true }
        var editor = fields.editor
        var status: StatusMessage? = nil
        guard TextEditing.apply(edit, to: &editor, rule: rule, limit: isTTSText ? Rules.ttsText.upperBound : TextEditing.inputLimit,
                                multiline: isTTSText, status: &status, language: language) else { return nil }
        return (editor, status)
    }

    static func move(_ editing: inout FormEditing, by delta: Int) -> Reply {
        let order = editing.form.focusOrder
        let index = order.firstIndex(of: editing.fields.focus) ?? 0
        editing.setFocus(order[(index + delta + order.count) % order.count])
        return .none
    }

    static func cycleChoice(_ editing: inout FormEditing, _ field: FieldID, by delta: Int, language: UILanguage) -> Reply {
        let values = ChoiceOptions.values(of: field, in: editing.form)
        guard !values.isEmpty else { return .none }
        // Unset (the default) and the value it stands for are one stop, not two.
        let effective = ChoiceOptions.current(field, in: editing.form) ?? ChoiceOptions.defaultValue(of: field, in: editing.form)
        let next: Int
        if let effective, let index = values.firstIndex(of: effective) {
            next = values[(index + delta + values.count) % values.count]
        } else {
            next = delta > 0 ? values[0] : values[values.count - 1]
        }
        var status: StatusMessage? = nil
        if case .ttsVoice(let line) = field {
            status = VoiceRules.setVoice(next, line: line, in: &editing.form, language: language)
        } else {
            ChoiceOptions.set(next, of: field, in: &editing.form)
        }
        return Reply(effects: [.saveDraft(editing.form)], status: status)
    }

    static func removeDestination(_ editing: inout FormEditing, line: Int, index: Int, language: UILanguage) -> Reply {
        editing.form.clearRaw(under: FieldID.addDestination(line: line).path)
        var rows = editing.form.lines[line].destinations
        let status: StatusMessage
        if rows.count == 1 {
            rows[0] = DestinationForm()
            status = StatusMessage(language(.rowCleared), .info)
        } else {
            rows.remove(at: index)
            status = StatusMessage(language(.rowRemoved, ["index": "\(index + 1)", "line": "\(line + 1)"]), .info)
        }
        editing.form.lines[line].destinations = rows
        editing.setFocus(.destinationNumber(line: line, index: min(index, rows.count - 1)))
        return Reply(effects: [.saveDraft(editing.form)], status: status)
    }

    static func moveDestination(_ editing: inout FormEditing, line: Int, index: Int, up: Bool, language: UILanguage) -> Reply {
        let target = up ? index - 1 : index + 1
        var rows = editing.form.lines[line].destinations
        guard rows.indices.contains(target) else { return .none }
        editing.form.clearRaw(under: FieldID.addDestination(line: line).path)
        rows.swapAt(index, target)
        editing.form.lines[line].destinations = rows
        if case .destinationTimeout = editing.fields.focus {
            editing.setFocus(.destinationTimeout(line: line, index: target))
        } else {
            editing.setFocus(.destinationNumber(line: line, index: target))
        }
        return Reply(effects: [.saveDraft(editing.form)], status: StatusMessage(language(.rowMoved, ["position": "\(target + 1)", "line": "\(line + 1)"]), .info))
    }

    static func addDestination(_ editing: inout FormEditing, line: Int, after index: Int, language: UILanguage) -> Reply {
        let limit = Rules.destinationsPerLine.upperBound
        guard editing.form.lines[line].destinations.count < limit else {
            return .status(StatusMessage(language(.rowsFull, ["line": "\(line + 1)", "limit": "\(limit)"]), .warning))
        }
        editing.form.clearRaw(under: FieldID.addDestination(line: line).path)
        editing.form.lines[line].destinations.insert(DestinationForm(), at: index + 1)
        editing.setFocus(.destinationNumber(line: line, index: index + 1))
        return .effects([.saveDraft(editing.form)])
    }

    static func applySuggestion(_ editing: inout FormEditing, problems: [ValidationProblem], language: UILanguage) -> Reply {
        guard let suggestion = problems.compactMap(\.suggestion).first else {
            return .status(StatusMessage(language(.noFix), .info))
        }
        editing.form.setText(suggestion, of: editing.fields.focus)
        editing.fields.editor = LineEditor(suggestion)
        return Reply(effects: [.saveDraft(editing.form)], status: StatusMessage(language(.fixApplied, ["value": suggestion]), .success))
    }
}


/// The form's commands.
public enum FormCommand: Equatable, Sendable {
    case focusNext, focusPrevious, undo, redo
    /// ↑ or ↓: a row of the TTS text, else the previous or next field.
    case verticalMove(up: Bool)
    /// An editing key in the focused text field.
    case edit(TextEdit)
    /// Step a number (volume by 1, speed by 0.1) this many times.
    case step(Int)
    /// The next (1) or previous (-1) value of a choice.
    case cycleChoice(by: Int)
    case addRow, removeRow, moveRow(up: Bool)
    case openAccountPicker, refreshAccount, nextFromText, applyFix, nextSection, previousSection, explicitDefault, newRequest
    case resetChoice, openPicker, nextFromChoice, pressButton

    var runnableByName: Bool {
        // Every command decided here: a new one does not compile until it is.
        switch self {
        case .refreshAccount, .edit, .verticalMove, .step, .cycleChoice, .focusNext, .focusPrevious, .nextFromText, .nextFromChoice: return false
        case .undo, .redo, .addRow, .removeRow, .moveRow, .openAccountPicker, .applyFix, .nextSection, .previousSection, .explicitDefault,
             .newRequest, .resetChoice, .openPicker, .pressButton: return true
        }
    }
}
