import CallbackCore
import CallLogModel
import Localization

/// Notes and dispositions on a call (`n`, `d` on a log row or in the entry view): the
/// editor and the picker, what they ask the log to write, and what comes back. Nothing
/// typed is lost: the note editor stays open, with its text, until the log has kept it.
enum LogAnnotating {
    /// Opens the note editor (with the latest note) or the disposition picker (on the current one).
    static func open(_ command: LogCommand, on entry: CallLogEntry, log: LogPanelState, fromEntry: Bool) -> Reply {
        guard entry.id != nil else { return .none }
        switch command {
        case .note:
            return .show(.log(.note(entry, LineEditor(entry.note ?? ""), saving: false)))
        case .disposition:
            let current = entry.disposition.flatMap { log.dispositions.firstIndex(of: $0) } ?? 0
            return .show(.log(.disposition(entry, selected: current, fromEntry: fromEntry)))
        default:
            return .none
        }
    }

    /// What the runtime is asked to write (it stamps the time).
    static func annotation(_ entry: CallLogEntry, _ kind: Annotation.Kind, _ text: String, log: LogPanelState) -> Annotation {
        Annotation(entryID: entry.id ?? 0, kind: kind, text: text, operatorName: log.operatorName, at: 0)
    }

    /// A command while the editor or the picker is open.
    static func reduce(_ log: inout LogPanelState, _ dialog: LogDialog, _ command: Command, context: ScreenContext) -> Reply {
        switch dialog {
        case .note(let entry, var editor, let saving):
            // While the log writes it, the text stays as it is (Esc still leaves; the write goes on).
            if saving { return command == .close ? .close : .none }
            var status: StatusMessage? = nil
            switch command {
            case .close: return .close
            case .accept:
                let text = Annotation.normalized(editor.text)
                if let problem = Annotation.problem(text, kind: .note) {
                    return .status(StatusMessage(problem.text(kind: .note, in: context.language), .error))
                }
                return Reply(effects: [.annotate(annotation(entry, .note, text, log: log))],
                             dialog: .show(.log(.note(entry, editor, saving: true))))
            case .log(.newLine):
                _ = TextEditing.apply(.paste("\n"), to: &editor, rule: .free, limit: Annotation.noteLimit, multiline: true,
                                      status: &status, language: context.language)
            case .promptEdit(let edit):
                _ = TextEditing.apply(edit, to: &editor, rule: .free, limit: Annotation.noteLimit, multiline: true,
                                      status: &status, language: context.language)
            case .move(let move) where move == .up || move == .down:
                // To the line above or below, as the editor wraps it.
                let wrapped = WrappedText(editor.text, width: noteArea(in: context.size).width)
                let row = wrapped.row(of: editor.cursor)
                let target = move == .up ? row - 1 : row + 1
                guard wrapped.rows.indices.contains(target) else { return .none }
                editor = LineEditor(editor.text, cursor: wrapped.cursor(row: target, column: editor.cursor - wrapped.rows[row].lowerBound))
            default:
                return .none
            }
            return Reply(dialog: .show(.log(.note(entry, editor, saving: false))), status: status)
        case .disposition(let entry, let selected, let fromEntry):
            // Done or cancelled, it goes back where it was opened (the entry view shows the change once kept).
            let back: Reply.DialogChange = fromEntry ? .show(.log(.entry(entry, scroll: 0))) : .close
            switch command {
            case .close: return Reply(dialog: back)
            case .move(let move):
                return .show(.log(.disposition(entry, selected: ListNavigation.select(selected, move, count: log.dispositions.count), fromEntry: fromEntry)))
            case .accept:
                guard log.dispositions.indices.contains(selected) else { return Reply(dialog: back) }
                return Reply(effects: [.annotate(annotation(entry, .disposition, log.dispositions[selected], log: log))], dialog: back)
            case .log(.clearDisposition):
                guard entry.disposition != nil else { return Reply(dialog: back) }
                return Reply(effects: [.annotate(annotation(entry, .disposition, "", log: log))], dialog: back)
            default:
                return .none
            }
        default:
            return .none
        }
    }

    /// The log kept `annotation`: the entry shows it (in the panel and an open entry view),
    /// the editor closes, and the status says so.
    static func kept(_ annotation: Annotation, state: inout AppState) {
        for index in state.log.entries.indices where state.log.entries[index].id == annotation.entryID {
            state.log.entries[index].take(annotation)
        }
        switch state.dialog {
        case .log(.note(let entry, _, _))? where entry.id == annotation.entryID:
            var updated = entry
            updated.take(annotation)
            state.dialog = .log(.entry(updated, scroll: 0))
        case .log(.entry(let entry, let scroll))? where entry.id == annotation.entryID:
            var updated = entry
            updated.take(annotation)
            state.dialog = .log(.entry(updated, scroll: scroll))
        default: break
        }
        let phrase: Phrase = annotation.text.isEmpty ? (annotation.kind == .note ? .annotateNoteCleared : .annotateDispositionCleared)
                                                     : (annotation.kind == .note ? .annotateNoteSaved : .annotateDispositionSaved)
        state.status = StatusMessage(state.language(phrase, ["id": "\(annotation.entryID)", "name": annotation.text,
                                                             "who": annotation.operatorName ?? "—"]), .success)
    }

    /// The log could not keep it: the editor reopens with the text as typed, and the status says why.
    static func refused(_ annotation: Annotation, reason: Localized, state: inout AppState) {
        if case .log(.note(let entry, let editor, true))? = state.dialog, entry.id == annotation.entryID {
            state.dialog = .log(.note(entry, editor, saving: false))
        }
        state.status = StatusMessage(state.language(annotation.kind == .note ? .annotateNoteNotSaved : .annotateDispositionNotSaved,
                                                    ["reason": reason.text(state.language)]), .error)
    }

    /// Draws the editor or the picker; returns the editor's cursor.
    static func draw(_ dialog: LogDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        let say = state.language
        switch dialog {
        case .note(let entry, let editor, let saving):
            let rect = noteRect(in: state.size)
            DialogView.frame(rect, title: say(.noteTitle, ["id": "\(entry.id ?? 0)"]), on: &canvas)
            let inner = rect.inset(1)
            canvas.put(LogColumns.cell(entry.line2Numbers) + "  " + LogColumns.cell(entry.requestDescription ?? ""),
                       x: inner.x + 1, y: inner.y, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
            let area = noteArea(in: state.size)
            let cursor = textArea(editor, in: area, on: &canvas)
            var footer = say(.noteCount, ["count": "\(editor.text.count)", "limit": "\(Annotation.noteLimit)"])
            if let by = entry.noteBy, let at = entry.noteAt {
                footer += " · " + say(.annotationByline, ["who": by, "time": Timestamp.local(at)])
            }
            if saving { footer = say(.noteSaving) }
            canvas.put(TerminalText.escaped(footer), x: inner.x + 1, y: inner.maxY - 1, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
            return saving ? nil : cursor
        case .disposition(let entry, let selected, _):
            let names = state.log.dispositions
            let rect = DialogView.centered(width: min(state.size.width - 4, 48), height: min(state.size.height - 2, names.count + 4), in: state.size)
            DialogView.frame(rect, title: say(.dispositionTitle, ["id": "\(entry.id ?? 0)"]), on: &canvas)
            let inner = rect.inset(1)
            let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
            ListView.draw(count: names.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
                let current = names[index] == entry.disposition
                canvas.put((chosen ? "▸ " : "  ") + TerminalText.escaped(names[index]) + (current ? " ✓" : ""), x: inner.x + 1, y: y,
                           style: Style(.text, on: background, bold: chosen), maxWidth: inner.width - 2)
            }
            if let by = entry.dispositionBy, let at = entry.dispositionAt {
                canvas.put(TerminalText.escaped(say(.annotationByline, ["who": by, "time": Timestamp.local(at)])), x: inner.x + 1, y: inner.maxY - 1,
                           style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
            }
            return nil
        default:
            return nil
        }
    }

    /// The note editor's box, and the text area inside it (one layout for keys and drawing).
    static func noteRect(in size: Size) -> Rect {
        DialogView.centered(width: min(size.width - 4, 72), height: min(size.height - 2, 14), in: size)
    }

    static func noteArea(in size: Size) -> Rect {
        let inner = noteRect(in: size).inset(1)
        return Rect(x: inner.x + 1, y: inner.y + 1, width: max(1, inner.width - 2), height: max(1, inner.height - 3))
    }

    /// Editor text wrapped into `rect`, the cursor's row kept in view; the cursor's cell.
    static func textArea(_ editor: LineEditor, in rect: Rect, on canvas: inout TextCanvas) -> (x: Int, y: Int) {
        let style = Style(.text, on: .selection)
        canvas.fill(rect, style: style)
        let wrapped = WrappedText(editor.text, width: rect.width)
        let cursorRow = wrapped.row(of: editor.cursor)
        let top = max(0, cursorRow - rect.height + 1)
        let characters = wrapped.characters
        for row in 0..<rect.height where wrapped.rows.indices.contains(top + row) {
            let range = wrapped.rows[top + row]
            canvas.put(TerminalText.escaped(characters.string(range)), x: rect.x, y: rect.y + row, style: style, maxWidth: rect.width)
        }
        let range = wrapped.rows[cursorRow]
        let column = DisplayWidth.of(characters.string(range.lowerBound..<min(max(range.lowerBound, editor.cursor), range.upperBound)))
        return (rect.x + min(column, rect.width - 1), rect.y + cursorRow - top)
    }
}
