import Foundation
import CallbackCore
import CallLogModel
import Localization

/// What the call log panel's keys do.
enum LogCommands {
    static func perform(_ command: Command, key: Key, in state: inout AppState) -> [Effect] {
        switch command {
        case .logSearch:
            state.dialog = .logSearch(LineEditor(state.log.filter.search ?? ""))
            return []
        case .logCycleOutcome:
            let cycle: [EntryOutcome?] = [nil] + EntryOutcome.filterable
            let index = cycle.firstIndex(of: state.log.filter.outcome) ?? 0
            state.log.filter.outcome = cycle[(index + 1) % cycle.count]
            return reload(&state)
        case .logClearFilter:
            guard state.log.filter != CallLogFilter() else { return [] }
            state.log.filter = CallLogFilter()
            state.status = StatusMessage(state.language(.logFilterCleared), .info)
            return reload(&state)
        default: break
        }
        let count = state.log.entries.count
        guard count > 0 else { return [] }
        let selected = state.log.entries[min(state.log.selected, count - 1)]
        let height = max(1, Layout(state.size).innerHeight(of: .log, shown: state.pane) - 1)
        switch command {
        case .logMove:
            state.log.selected = ListNavigation.select(state.log.selected, ListMove(key) ?? .down, count: count, page: height)
        case .logOpen:
            state.dialog = .logEntry(selected, scroll: 0)
            return []
        case .logReuse: return reuse(&state, selected)
        case .logExport:
            export(&state, selected)
            return []
        default: return []
        }
        // Read the next page before the operator reaches the end of what is loaded.
        if state.log.selected >= count - height, !state.log.loading, let total = state.log.total,
           total.isAtLeast || total.value > count, let last = state.log.entries.last {
            state.log.loading = true
            return [.loadMoreLog(filter: state.log.filter, after: CallLogCursor(after: last), limit: LogPaging.pageSize)]
        }
        return []
    }

    /// `e`: asks where to save the entry's request.
    static func export(_ state: inout AppState, _ entry: CallLogEntry) {
        state.dialog = .filePrompt(.exportRequest(entry.requestJSON), LineEditor("request-\(entry.id ?? 0).json"))
    }

    static func reload(_ state: inout AppState) -> [Effect] {
        state.log.loading = true
        state.log.selected = 0
        state.log.scroll = 0
        return [.loadLog(filter: state.log.filter, limit: LogPaging.pageSize)]
    }

    /// `r`: the entry's request into the form; the current form one Ctrl-Z away.
    static func reuse(_ state: inout AppState, _ entry: CallLogEntry) -> [Effect] {
        guard let json = entry.requestValue else { return [] }
        state.form = FormState.loading(json).form
        state.dialog = nil
        state.pane = .form
        state.setFocus(state.form.focusOrder[0])
        state.status = StatusMessage(state.language(.logReused, ["id": "\(entry.id ?? 0)"]), .success)
        return [.saveDraft(state.form)]
    }

    /// A command while the search prompt is open.
    static func search(_ state: inout AppState, _ command: Command, key: Key, editor: LineEditor) -> [Effect] {
        var editor = editor
        switch command {
        case .close: state.dialog = nil
        case .accept:
            state.dialog = nil
            state.log.filter.search = editor.text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : editor.text
            return reload(&state)
        case .promptEdit:
            if TextEditing.apply(key, to: &editor, rule: .free, status: &state.status, language: state.language) { state.dialog = .logSearch(editor) }
        default: break
        }
        return []
    }

    /// A command while an entry is open.
    static func entry(_ state: inout AppState, _ command: Command, key: Key, entry: CallLogEntry, scroll: Int) -> [Effect] {
        switch command {
        case .close: state.dialog = nil
        case .move:
            let total = LogEntryContent.lines(entry, width: LogEntryContent.width(for: state.size), language: state.language).count
            let visible = LogEntryContent.visibleRows(for: state.size)
            state.dialog = .logEntry(entry, scroll: ListNavigation.scroll(scroll, ListMove(key) ?? .down, total: total, visible: visible))
        case .logReuse: return reuse(&state, entry)
        case .logExport: export(&state, entry)
        case .copyCallID:
            if let callID = entry.callID { return [.copyToClipboard(callID)] }
        default: break
        }
        return []
    }
}
