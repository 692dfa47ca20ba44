import CallEvents
import CallbackCore
import CallLogModel
import Localization

/// Every call to one client, from a log row, the entry view (`h`), the repeat guard's list
/// (`h`) or the form's leg-2 number (Alt-H): date, operator, outcome, result, talk time,
/// disposition and note, newest first, under a summary; Enter opens a call.
enum ClientHistoryView {
    /// The dialog for `number`, its history asked of the log.
    static func open(_ number: String) -> Reply {
        let trimmed = number.trimmingSpaces()
        guard !trimmed.isEmpty else { return .none }
        return Reply(effects: [.loadClientHistory(trimmed)], dialog: .show(.log(.client(number: trimmed, history: nil, selected: 0, failure: nil))))
    }

    /// The client of `entry`: its first leg-2 number.
    static func client(of entry: CallLogEntry) -> String {
        entry.line2Numbers.split(separator: " ").first.map(String.init) ?? ""
    }

    /// The form's client: the focused leg-2 number (as typed, while the form has the keyboard), else leg 2's first.
    static func client(of editing: FormEditing, typing: Bool) -> String {
        let destinations = editing.form.lines[1].destinations
        if case .destinationNumber(1, let index) = editing.fields.focus, destinations.indices.contains(index) {
            return typing ? editing.fields.editor.text : destinations[index].number
        }
        return destinations.first?.number ?? ""
    }

    /// A command while the history is open.
    static func reduce(_ log: inout LogPanelState, number: String, history: ClientHistory?, selected: Int, failure: Localized?,
                       _ command: Command, context: ScreenContext) -> Reply {
        switch command {
        case .close: return .close
        case .move(let move):
            let count = history?.entries.count ?? 0
            let page = max(1, listHeight(context.size) - 1)
            return .show(.log(.client(number: number, history: history, selected: ListNavigation.select(selected, move, count: count, page: page),
                                      failure: failure)))
        case .accept:
            guard let history, history.entries.indices.contains(selected) else { return .none }
            let entry = history.entries[selected]
            if let id = entry.callID, let result = history.results[id] { log.results[id] = result }
            return .show(.log(.entry(entry, scroll: 0)))
        default: return .none
        }
    }

    /// The history arrived (or could not be read): shown if the dialog still asks for it.
    static func loaded(_ history: ClientHistory, state: inout AppState) {
        guard case .log(.client(let number, _, _, _))? = state.dialog, number == history.number else { return }
        state.dialog = .log(.client(number: number, history: history, selected: 0, failure: nil))
    }

    static func failed(_ number: String, reason: Localized, state: inout AppState) {
        guard case .log(.client(let shown, _, _, _))? = state.dialog, shown == number else { return }
        state.dialog = .log(.client(number: number, history: nil, selected: 0, failure: reason))
    }

    /// Rows of the list the dialog has at `size`.
    static func listHeight(_ size: Size) -> Int { max(1, min(size.height - 2, 30) - 4) }

    static func draw(number: String, history: ClientHistory?, selected: Int, failure: Localized?, state: AppState, on canvas: inout TextCanvas) {
        let say = state.language
        let width = min(state.size.width - 4, 120)
        let rect = DialogView.centered(width: width, height: min(state.size.height - 2, 30), in: state.size)
        DialogView.frame(rect, title: say(.clientTitle, ["number": TerminalText.escaped(number)]), on: &canvas)
        let inner = rect.inset(1)
        guard let history else {
            let text = failure.map { say(.clientUnreadable, ["reason": $0.text(say)]) } ?? say(.clientReading)
            canvas.put(TerminalText.escaped(text), x: inner.x + 1, y: inner.y, style: Style(failure == nil ? .muted : .warning, on: .surface),
                       maxWidth: inner.width - 2)
            return
        }
        let now = state.screen.wallClockNow ?? 0
        canvas.put(TerminalText.escaped(history.summary(now: now, in: say)), x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface, bold: true),
                   maxWidth: inner.width - 2)
        guard !history.entries.isEmpty else {
            canvas.put(say(.clientNone), x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface), maxWidth: inner.width - 2)
            return
        }
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: listHeight(state.size))
        ListView.draw(count: history.entries.count, selected: selected, in: list, on: &canvas) { index, y, chosen, background, canvas in
            let entry = history.entries[index]
            let result = entry.callID.flatMap { history.results[$0] }
            var cells = [Timestamp.isValid(entry.createdAt) ? Timestamp.local(entry.createdAt) : say(.timeInvalid),
                         LogColumns.cell(entry.operatorName ?? "—"),
                         LogPanelView.badgeWord(entry.effectiveOutcome(), language: say).lowercased(),
                         result.map { $0.label(now: Int64(now), in: say) } ?? (entry.effectiveOutcome() == .placed ? say(.resultNoEvents) : "—")]
            if let disposition = entry.disposition { cells.append("[" + LogColumns.cell(disposition) + "]") }
            if let note = entry.note { cells.append("✎ " + LogColumns.cell(note.split(separator: "\n").first.map(String.init) ?? "")) }
            canvas.put((chosen ? "▸ " : "  ") + cells.joined(separator: "  "), x: inner.x + 1, y: y,
                       style: Style(.text, on: background, bold: chosen), maxWidth: inner.width - 2)
        }
    }
}
