import CallbackCore
import ExolveModel
import Localization

/// Which field an account picker fills.
public enum AccountPickerTarget: Equatable, Sendable {
    /// `number_code`: only numbers that can place calls.
    case numberCode
    /// A leg's `display_number`: any of the account's numbers.
    case displayNumber(line: Int)
    /// `callback_resource_id`, from the undocumented list.
    case callbackResource

    /// The field it fills.
    var field: FieldID {
        switch self {
        case .numberCode: return .numberCode
        case .displayNumber(let line): return .displayNumber(line: line)
        case .callbackResource: return .callbackResourceID
        }
    }
}

/// One row of a picker: the value it fills and how it reads.
struct AccountPickerRow {
    var value: String
    var columns: [String]
}

/// Enter on Number code, a Display number or Callback resource: the account's
/// lists, filtered by digits or words; choosing fills the field (undoable).
/// The account lists' dialog.
public enum AccountDialog: Equatable, Sendable {
    /// The account's numbers or callback resources for a field; type to filter.
    case picker(AccountPickerTarget, filter: String, selected: Int)

    /// Its kind.
    public var kind: DialogKind { .accountPicker }
}

extension DialogKind {
    /// The account's numbers or callback resources.
    public static let accountPicker = DialogKind("accountPicker", .dialogAccountPicker)
}

enum AccountPickerCommands {
    /// The picker's keys.
    static let keys: [KeyBinding] = [
        KeyTable.on(.accountPicker, [.anyCharacter, .anyPaste], meaning: .filtering, "type", .keyFilter),
        KeyTable.on(.accountPicker, .of(.up, .down, .pageUp, .pageDown, .home, .end), meaning: .moving(Command.move), "↑↓", .keyChoose),
        KeyTable.on(.accountPicker, .of(.enter), .accept, "Enter", .keyFill),
        KeyTable.on(.accountPicker, .of(.control("r")), .form(.refreshAccount), "^R", .keyRefresh),
        KeyTable.on(.accountPicker, .of(.escape), .close, "Esc", .keyClose),
        KeyTable.on(.accountPicker, .of(.backspace), .filterErase, "Backspace", .keyErase, footer: false),
        KeyTable.on(.accountPicker, .of(.control("u")), .filterClear, "Ctrl-U", .keyClear, footer: false),
    ]

    /// Enter on Number code, a display number or the callback resource: the account's list for it.
    static func open(_ account: inout AccountState, focus: FieldID, availability: SendAvailability, context: ScreenContext) -> Reply {
        let target: AccountPickerTarget
        switch focus {
        case .numberCode: target = .numberCode
        case .displayNumber(let line): target = .displayNumber(line: line)
        case .callbackResourceID:
            target = .callbackResource
            if case .failed(let reason) = account.resources {
                // Undocumented: any failure falls back to typing, quietly.
                return .status(StatusMessage(context.language(.accountResourceUnavailable, ["reason": reason.text(context.language)]), .info))
            }
        default: return .none
        }
        var reply = Reply.show(.account(.picker(target, filter: "", selected: 0)))
        if account.numbers == .notAsked && availability == .ready { reply.effects = refresh(&account, availability: availability, context: context).effects }
        return reply
    }

    /// Ctrl-R (or F-key): the account's lists read again.
    static func refresh(_ account: inout AccountState, availability: SendAvailability, context: ScreenContext) -> Reply {
        guard availability == .ready else { return .status(StatusMessage(context.language(.accountNoKey), .warning)) }
        account.numbers = .loading
        account.resources = .loading
        return .effects([.listAccount])
    }

    static func rows(_ account: AccountState, target: AccountPickerTarget, filter: String) -> [AccountPickerRow] {
        var rows: [AccountPickerRow] = []
        switch target {
        case .numberCode, .displayNumber:
            guard case .loaded(let numbers) = account.numbers else { return [] }
            let usable = target == .numberCode ? numbers.filter(\.outgoingCalls) : numbers
            rows = usable.map { AccountPickerRow(value: $0.number, columns: [$0.number, $0.type, $0.region, $0.description]) }
        case .callbackResource:
            guard case .loaded(let resources) = account.resources else { return [] }
            rows = resources.map { AccountPickerRow(value: $0.id, columns: [$0.id, $0.name]) }
        }
        let words = filter.lowercased().replacing("ё", with: "е").split(separator: " ")
        guard !words.isEmpty else { return rows }
        return rows.filter { row in
            let text = row.columns.joined(separator: " ").lowercased().replacing("ё", with: "е")
            return words.allSatisfy { text.contains($0) }
        }
    }

    /// A command while a picker is open.
    /// A command while the picker is open: Enter fills the field.
    static func reduce(_ account: inout AccountState, _ editing: inout FormEditing, _ dialog: AccountDialog, _ command: Command,
                       availability: SendAvailability, context: ScreenContext) -> Reply {
        guard case .picker(let target, var filter, var selected) = dialog else { return .none }
        let shown = rows(account, target: target, filter: filter)
        switch command {
        case .close: return .close
        case .form(.refreshAccount):
            var reply = refresh(&account, availability: availability, context: context)
            reply.effects = [.listAccount]
            return reply
        case .filterType, .filterErase, .filterClear:
            PickerFilter.apply(command, to: &filter, selected: &selected)
        case .move(let move): selected = ListNavigation.select(selected, move, count: shown.count)
        case .accept:
            guard let row = shown[safe: selected] else { return .none }
            editing.form.setText(row.value, of: target.field)
            editing.setFocus(target.field)
            return Reply(effects: [.saveDraft(editing.form)], dialog: .close, status: StatusMessage(context.language(.accountFilled, [
                "field": target.field.statusName(in: context.language), "value": row.value,
            ]), .success))
        default: return .none
        }
        return .show(.account(.picker(target, filter: filter, selected: selected)))
    }
}

enum AccountPickerView {
    static func draw(_ dialog: AccountDialog, state: AppState, on canvas: inout TextCanvas) -> (x: Int, y: Int)? {
        guard case .picker(let target, let filter, let selected) = dialog else { return nil }
        let rows = AccountPickerCommands.rows(state.account, target: target, filter: filter)
        let size = state.size
        let rect = DialogView.centered(width: min(size.width - 4, 100), height: min(size.height - 2, max(8, rows.count + 5)), in: size)
        let title: String
        let list: AccountList<Bool>
        switch target {
        case .numberCode: title = state.language(.accountNumbersTitle); list = state.account.numbers.shape
        case .displayNumber(let line): title = state.language(.accountDisplayTitle, ["line": "\(line + 1)"]); list = state.account.numbers.shape
        case .callbackResource: title = state.language(.accountResourcesTitle); list = state.account.resources.shape
        }
        DialogView.frame(rect, title: state.language(.accountTitleKeys, ["title": title]), on: &canvas)
        let inner = rect.inset(1)
        canvas.put(state.language(.voiceFilter), x: inner.x + 1, y: inner.y, style: Style(.muted, on: .surface))
        canvas.put(filter, x: inner.x + 9, y: inner.y, style: Style(.text, on: .selection), maxWidth: inner.width - 10)
        let message: String?
        switch list {
        case .notAsked: message = state.language(.accountNotAsked)
        case .loading: message = state.language(.accountLoading)
        case .failed(let reason): message = state.language(.accountFailed, ["reason": reason.text(state.language)])
        case .loaded: message = rows.isEmpty ? state.language(.accountNoMatch, ["filter": filter]) : nil
        }
        if let message {
            for (offset, line) in TextWrap.lines(message, width: inner.width - 2).prefix(max(0, inner.height - 2)).enumerated() {
                canvas.put(line, x: inner.x + 1, y: inner.y + 2 + offset, style: Style(list == .loading ? .muted : .warning, on: .surface))
            }
        }
        let widths = [14, 5, 24]
        let area = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        ListView.draw(count: rows.count, selected: selected, in: area, on: &canvas) { index, y, chosen, background, canvas in
            var x = inner.x + 1
            for (column, text) in rows[index].columns.enumerated() {
                let width = column < widths.count && rows[index].columns.count > 2 ? widths[column] : (column == 0 ? 10 : inner.maxX - x - 1)
                canvas.put(text, x: x, y: y, style: Style(column == 0 ? .text : .muted, on: background, bold: chosen && column == 0),
                           maxWidth: min(width, inner.maxX - x - 1))
                x += width + 1
            }
        }
        return (inner.x + 9 + DisplayWidth.of(filter), inner.y)
    }
}

extension AccountList {
    /// The same state without its items (for messages).
    var shape: AccountList<Bool> {
        switch self {
        case .notAsked: return .notAsked
        case .loading: return .loading
        case .loaded: return .loaded([])
        case .failed(let reason): return .failed(reason)
        }
    }
}
