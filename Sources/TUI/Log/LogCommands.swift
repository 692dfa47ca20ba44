import CallEvents
import CallbackCore
import CallLogModel
import FoundationEssentials
import Glibc
import Localization

/// The call log feature's dialogs.
public enum LogDialog: Equatable, Sendable {
    /// The search prompt.
    case search(LineEditor)
    /// One entry in full.
    case entry(CallLogEntry, scroll: Int)
    /// The note editor for an entry (`saving` while the log writes it: the text stays until it is kept).
    case note(CallLogEntry, LineEditor, saving: Bool)
    /// The disposition picker for an entry (`fromEntry`: it goes back to the entry view).
    case disposition(CallLogEntry, selected: Int, fromEntry: Bool)
    /// Every call to one client (nil history: being read; a failure: why it cannot be).
    case client(number: String, history: ClientHistory?, selected: Int, failure: Localized?)

    /// Its kind.
    public var kind: DialogKind {
        switch self {
        case .search: return .logSearch
        case .entry: return .logEntry
        case .note: return .logNote
        case .disposition: return .logDisposition
        case .client: return .logClient
        }
    }

    /// The call_id it shows.
    var callID: String? {
        if case .entry(let entry, _) = self { return entry.callID }
        return nil
    }
}

extension DialogKind {
    /// The call log search prompt.
    public static let logSearch = DialogKind("logSearch", .dialogLogSearch)
    /// One call log entry.
    public static let logEntry = DialogKind("logEntry", .dialogLogEntry)
    /// A call's note.
    public static let logNote = DialogKind("logNote", .dialogLogNote)
    /// A call's disposition.
    public static let logDisposition = DialogKind("logDisposition", .dialogLogDisposition)
    /// Every call to one client.
    public static let logClient = DialogKind("logClient", .dialogLogClient)
}

/// What the call log panel's keys do, on the panel's own state.
enum LogCommands {
    /// The log dialogs' keys.
    static let dialogKeys: [KeyBinding] = [
        KeyTable.on(.logSearch, .of(.enter), .accept, "Enter", .keySearch),
        KeyTable.on(.logSearch, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.logEntry, .of(.up, .down, .pageUp, .pageDown), meaning: .moving(Command.move), "↑↓", .keyScroll),
        KeyTable.on(.logEntry, .of(.character("r")), .log(.reuse), "r", .keyReuse),
        KeyTable.on(.logEntry, .of(.character("e")), .log(.export), "e", .keyExport),
        KeyTable.on(.logEntry, .of(.character("c")), when: .hasCallID, .copyCallID, "c", .keyCopyCallID),
        KeyTable.on(.logEntry, .of(.character("n")), .log(.note), "n", .keyNote),
        KeyTable.on(.logEntry, .of(.character("d")), .log(.disposition), "d", .keyDisposition),
        KeyTable.on(.logEntry, .of(.character("h")), .log(.clientHistory), "h", .keyClientHistory),
        KeyTable.on(.logClient, .of(.up, .down, .pageUp, .pageDown, .home, .end), meaning: .moving(Command.move), "↑↓", .keyMove),
        KeyTable.on(.logClient, .of(.enter), .accept, "Enter", .keyOpen),
        KeyTable.on(.logClient, .of(.escape, .character("q")), .close, "Esc", .keyClose),
        KeyTable.on(.logNote, .of(.enter), .accept, "Enter", .keySave),
        KeyTable.on(.logNote, .of(.control("n")), .log(.newLine), "Ctrl-N", .keyNewLine),
        KeyTable.on(.logNote, .of(.up, .down), meaning: .moving(Command.move), "↑↓", .keyLine),
        KeyTable.on(.logNote, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.logDisposition, .of(.up, .down, .home, .end), meaning: .moving(Command.move), "↑↓", .keyMove),
        KeyTable.on(.logDisposition, .of(.enter), .accept, "Enter", .keyChoose),
        KeyTable.on(.logDisposition, .of(.delete, .backspace), .log(.clearDisposition), "Del", .keyClearDisposition),
        KeyTable.on(.logDisposition, .of(.escape), .close, "Esc", .keyCancel),
        KeyTable.on(.logEntry, .of(.escape, .enter, .character("q")), .close, "Esc", .keyClose),
    ]

    /// The search prompt's and the note editor's editing keys.
    static let editingKeys = KeyTable.editing(in: [.dialog(.logSearch), .dialog(.logNote)], when: .always)

    /// A command of the panel.
    static func perform(_ log: inout LogPanelState, _ command: LogCommand, context: ScreenContext) -> Reply {
        switch command {
        case .search:
            return .show(.log(.search(LineEditor(log.filter.search ?? ""))))
        case .cycleOutcome:
            // Every outcome, then every result of a placed call, then everything again.
            let cycle: [LogRowFilter] = [.all] + EntryOutcome.filterable.map(LogRowFilter.outcome) + CallState.allCases.map(LogRowFilter.result)
            let index = cycle.firstIndex(of: log.rowFilter) ?? 0
            log.rowFilter = cycle[(index + 1) % cycle.count]
            return reload(&log)
        case .clearFilter:
            guard log.isFiltered else { return .none }
            log.filter = CallLogFilter()
            log.resultFilter = nil
            var reply = reload(&log)
            reply.status = StatusMessage(context.language(.logFilterCleared), .info)
            return reply
        default: break
        }
        let count = log.entries.count
        guard count > 0 else { return .none }
        let selected = log.entries[min(log.selected, count - 1)]
        let height = max(1, Layout(context.size).innerHeight(of: .log, shown: context.pane) - 1)
        switch command {
        case .move(let move):
            log.selected = ListNavigation.select(log.selected, move, count: count, page: height)
        case .open:
            return .show(.log(.entry(selected, scroll: 0)))
        case .note, .disposition:
            return LogAnnotating.open(command, on: selected, log: log, fromEntry: false)
        case .clientHistory:
            return ClientHistoryView.open(ClientHistoryView.client(of: selected))
        case .reuse: return reuse(selected, context: context)
        case .export: return export(selected)
        default: return .none
        }
        // Read the next page before the operator reaches the end of what is loaded.
        if log.selected >= count - height, !log.loading, let total = log.total,
           total.isAtLeast || total.value > count, let last = log.entries.last {
            log.loading = true
            return .effects([.loadMoreLog(filter: log.filter, result: log.resultFilter, after: CallLogCursor(after: last), limit: LogPaging.pageSize)])
        }
        return .none
    }

    /// `e`: asks where to save the entry's request.
    static func export(_ entry: CallLogEntry) -> Reply {
        .show(.files(.prompt(.exportRequest(entry.requestJSON), LineEditor("request-\(entry.id ?? 0).json"))))
    }

    /// The log read again from its first page.
    static func reload(_ log: inout LogPanelState) -> Reply {
        log.loading = true
        log.selected = 0
        log.scroll = 0
        return .effects([.loadLog(filter: log.filter, result: log.resultFilter, limit: LogPaging.pageSize)])
    }

    /// `r`: the entry's request into the form; the current form one Ctrl-Z away.
    static func reuse(_ entry: CallLogEntry, context: ScreenContext) -> Reply {
        guard let json = entry.requestValue else { return .none }
        return Reply(dialog: .close, status: StatusMessage(context.language(.logReused, ["id": "\(entry.id ?? 0)"]), .success),
                     pane: .form, loadForm: FormState.loading(json).form)
    }

    /// A command while a log dialog is open.
    static func reduce(_ log: inout LogPanelState, _ dialog: LogDialog, _ command: Command, context: ScreenContext) -> Reply {
        switch dialog {
        case .search(var editor):
            switch command {
            case .close: return .close
            case .accept:
                log.filter.search = editor.text.trimmingSpaces().isEmpty ? nil : editor.text
                var reply = reload(&log)
                reply.dialog = .close
                return reply
            case .promptEdit(let edit):
                var status: StatusMessage? = nil
                let handled = TextEditing.apply(edit, to: &editor, rule: .free, status: &status, language: context.language)
                return Reply(dialog: handled ? .show(.log(.search(editor))) : .keep, status: status)
            default: return .none
            }
        case .entry(let entry, let scroll):
            switch command {
            case .close: return .close
            case .move(let move):
                let total = LogEntryContent.lines(entry, result: log.result(of: entry), evidence: entry.id.flatMap { log.evidence[$0] }, noSign: entry.id.map { log.noSign.contains($0) } ?? false,
                                                  width: LogEntryContent.width(for: context.size),
                                                  language: context.language).count
                let visible = LogEntryContent.visibleRows(for: context.size)
                return .show(.log(.entry(entry, scroll: ListNavigation.scroll(scroll, move, total: total, visible: visible))))
            case .log(.reuse): return reuse(entry, context: context)
            case .log(.export): return export(entry)
            case .copyCallID:
                if let callID = entry.callID { return .effects([.copyToClipboard(callID)]) }
                return .none
            case .log(let command) where command == .note || command == .disposition:
                return LogAnnotating.open(command, on: entry, log: log, fromEntry: true)
            case .log(.clientHistory):
                return ClientHistoryView.open(ClientHistoryView.client(of: entry))
            default: return .none
            }
        case .note, .disposition:
            return LogAnnotating.reduce(&log, dialog, command, context: context)
        case .client(let number, let history, let selected, let failure):
            return ClientHistoryView.reduce(&log, number: number, history: history, selected: selected, failure: failure, command, context: context)
        }
    }

    /// Draws a log dialog; returns the search prompt's cursor.
    static func draw(_ dialog: LogDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        switch dialog {
        case .entry(let entry, let scroll):
            LogEntryView.draw(entry, scroll: scroll, state: state, on: &canvas)
            return nil
        case .note, .disposition:
            return LogAnnotating.draw(dialog, state: state, on: &canvas)
        case .client(let number, let history, let selected, let failure):
            ClientHistoryView.draw(number: number, history: history, selected: selected, failure: failure, state: state, on: &canvas)
            return nil
        case .search(let editor):
            let rect = DialogView.centered(width: min(state.size.width - 4, 72), height: 5, in: state.size)
            DialogView.frame(rect, title: state.language(.searchTitle), on: &canvas)
            let inner = rect.inset(1)
            canvas.put(state.language(.searchWhat), x: inner.x + 1, y: inner.y, style: Style(.text, on: .surface), maxWidth: inner.width - 2)
            canvas.put(state.language(.searchKeys), x: inner.x + 1, y: inner.y + 2, style: Style(.muted, on: .surface))
            return DialogView.input(editor, x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, on: &canvas)
        }
    }
}

/// The call log panel's commands.
public enum LogCommand: Equatable, Sendable {
    case search, cycleOutcome, clearFilter, open, reuse, export
    /// Write or edit the selected entry's note; pick its disposition; clear it; a line break in the note.
    case note, disposition, clearDisposition, newLine
    /// Every call to the selected entry's client; to the form's leg-2 number.
    case clientHistory, clientOfForm
    /// Move the selection.
    case move(ListMove)

    var runnableByName: Bool {
        if case .move = self { return false }
        return true
    }
}
